import { capability, isFunded, need, type Organization } from '../../agents/organization.js';
import { Direction, Formality, Influence, Mode, Origin, Stage, Status } from '../enums.js';
import type { Params } from '../parameters.js';
import { pick } from '../rng.js';
import { formTie } from '../relationships.js';
import type { State, StepContext } from '../state.js';
import { TIE_ENDED, TIE_MODE, TIE_STRIDE } from '../tieTable.js';
import { relevance, transferBetween } from './knowledge.js';

/**
 * Partnerships and contracts on organizations' own initiative (phase 8, after the pairings).
 * "Formal partnerships were planned based on clear strategic organizational needs by strategic
 * decision makers" (001 Discussion); formal contractual agreements are one governing structure of
 * the spectrum (001 Spectrum, Table 1). An organization with a need in a project domain, and no
 * partnership running, seeks one with chance
 *     q = partnership_probPerMonth × need × (1 + partnershipFunded_ratio × stability),
 * stability = min(1, funded months left / partnershipTerm_months) while funded, else 0 (a contract
 * that outlasts the grant is a risk: 001 Principal Findings, policy stability and investment lead
 * to "more formalized collaborations"). It considers partnershipCandidates_count organizations at
 * random and contracts the one whose relevant capability lead in the domain is largest (if any is
 * ahead). The partnership is a formal, provider-originated, enabling, one-way tie for
 * partnershipTerm_months; each month it moves mostly codified know-how to the client (prescribed
 * documents and routines, 001 Interorganizational Level), costs both sides partnershipWork_hours
 * of the one staff-time budget, and its fee comes out of the client's grant while funded
 * (organizations.ts: fewer funded hours). It ends at its term (ties.ts).
 */
export function partnershipPhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const t = state.month;
  // Running partnerships: the month's work. The tie table finds them without loading every tie.
  const table = state.tieTable.data;
  for (const id of state.activeTies) {
    if (table[id * TIE_STRIDE + TIE_MODE] !== Mode.partnership || table[id * TIE_STRIDE + TIE_ENDED] >= 0) continue;
    const tie = state.ties[id];
    if (t >= tie.endsAt) continue;
    const provider = state.orgs[tie.orgA];
    const client = state.orgs[tie.orgB];
    const moved = transferBetween(ctx, p, provider, client, tie.domain, p.partnershipTacit_rate, p.partnershipCodified_rate, Formality.formal);
    tie.codifiedFlow += moved.codified;
    tie.tacitFlow += moved.tacit;
    tie.tacitToB += moved.tacit;
    tie.givenA += moved.codified + moved.tacit;
    tie.lastUsed = t;
    provider.timeUsed_hours += p.partnershipWork_hours;
    client.timeUsed_hours += p.partnershipWork_hours;
  }
  if (p.partnership_probPerMonth <= 0) return;
  const rng = ctx.rng.projects;
  const orgs = state.orgs;
  for (const org of orgs) {
    if (org.partnershipUntil > t) continue;
    const d = neediestDomain(org);
    if (d < 0) continue;
    const stability = fundingStability(org, p, t);
    // 1 exactly when unfunded, without reading the funded ratio (so the spin-up never reads it).
    const chance = p.partnership_probPerMonth * need(org, d) * (stability > 0 ? 1 + p.partnershipFunded_ratio * stability : 1);
    if (rng() >= chance) continue;
    let best = -1;
    let bestValue = 0;
    for (let k = 0; k < p.partnershipCandidates_count; k++) {
      const c = pick(rng, orgs);
      if (c === org || c.stage[d] < Stage.adoption) continue;
      const value = (capability(c, d) - capability(org, d)) * relevance(p, c, org, d);
      if (value > bestValue) {
        bestValue = value;
        best = c.id;
      }
    }
    if (best < 0) continue;
    org.partnershipUntil = t + p.partnershipTerm_months;
    formTie(state, ctx, {
      mode: Mode.partnership,
      formality: Formality.formal,
      origin: Origin.provider,
      influence: Influence.enable,
      direction: Direction.oneWay,
      orgA: best,
      orgB: org.id,
      personA: -1,
      personB: -1,
      domain: d,
      endsAt: t + p.partnershipTerm_months,
      trust: 0.5,
    }, `fee_gbp_per_month=${p.partnershipFee_gbpPerMonth};funded=${isFunded(org, t) ? 1 : 0}`);
  }
}

/** The domain of a project in procurement or adoption with the largest need, or -1. */
function neediestDomain(org: Organization): number {
  let best = -1;
  let bestNeed = 0;
  for (let d = 0; d < org.stage.length; d++) {
    const s = org.stage[d];
    if (s !== Stage.procurement && s !== Stage.adoption) continue;
    const n = need(org, d);
    if (n > bestNeed) {
      bestNeed = n;
      best = d;
    }
  }
  return best;
}

/**
 * Stability of an organization's funding for a contract starting in month t: the share of a
 * partnership's term its funding still covers (1 if it outlasts the term), 0 when not funded.
 * First-wave funding also falls with the taper, so a tapering programme buys fewer contracts.
 */
export function fundingStability(org: Organization, p: Params, t: number): number {
  if (!isFunded(org, t)) return 0;
  const left = org.fundedUntil - t;
  const covered = left >= p.partnershipTerm_months ? 1 : left / p.partnershipTerm_months;
  if (org.status === Status.outside || p.fundingTaper_months <= 0) return covered;
  const taperLeft = p.fundingEnd_month - t;
  return taperLeft < p.fundingTaper_months ? covered * (taperLeft / p.fundingTaper_months) : covered;
}
