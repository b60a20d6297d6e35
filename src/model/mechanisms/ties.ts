import type { Individual } from '../../agents/individual.js';
import { capability, type Organization } from '../../agents/organization.js';
import type { Tie } from '../../agents/relationship.js';
import { EndReason, Formality, Influence, Mode, Origin, Direction } from '../enums.js';
import { distance_km } from '../distance.js';
import type { Params } from '../parameters.js';
import { monthFactors } from '../programme/funding.js';
import { compactActiveTies, endTie, oneOff } from '../relationships.js';
import type { State, StepContext } from '../state.js';
import { bestDomain, transferBetween } from './knowledge.js';
import { guardedShare, rivalry } from './willingness.js';

/**
 * Tie dynamics (phase 10). Relationships with a term end when it is over (a contract, funding).
 * Each informal person-to-person tie may be used, with a chance that grows with need and trust;
 * a use moves knowledge both ways where each side is ahead (multidirectional), costs both sides
 * time, and builds trust when reciprocated. Each side keeps a running value of the tie (learning +
 * companionship + reputation - effort, which national activities cut while they run); in a month without use the value moves towards the bond
 * of shared communities minus the cost of keeping the tie up, which trust lowers. A side drops the
 * tie when its running value falls below its own threshold (pairwise stability); nothing ends a
 * tie for its age or for a fixed time unused (ODD 7.7).
 */
export function tiePhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  for (const id of state.activeTies) {
    const tie = state.ties[id];
    if (tie.ended >= 0) continue;
    if (state.month >= tie.endsAt) {
      endTie(state, ctx, tie, EndReason.termOver);
      if (tie.mode === Mode.pairing) unpair(state, tie.orgA, tie.orgB);
      continue;
    }
    if (tie.personA >= 0 && tie.personB >= 0 && tie.formality === Formality.informal) personTie(state, ctx, p, tie);
  }
  compactActiveTies(state);
}

function personTie(state: State, ctx: StepContext, p: Params, tie: Tie): void {
  const rng = ctx.rng.ties;
  const personA = state.people[tie.personA];
  const personB = state.people[tie.personB];
  const orgA = personA.org >= 0 ? state.orgs[personA.org] : undefined;
  const orgB = personB.org >= 0 ? state.orgs[personB.org] : undefined;
  const memory = p.tieValueMemory_share;
  let used = false;
  // Draw first and test against the largest possible chance, so the costlier need and domain
  // computations run only for ties that might be used; the use probability is unchanged.
  const draw = rng();
  const ceiling = p.tieUse_probPerMonth * (0.3 + 0.7 * tie.trust);
  if (orgA && orgB && orgA !== orgB && draw < ceiling) {
    const dForB = bestDomain(p, orgA, orgB);
    const dForA = bestDomain(p, orgB, orgA);
    // Need pulls a tie into use: the receiver's gap in the domain where the other is ahead.
    const needB = dForB >= 0 ? 1 - capability(orgB, dForB) : 0;
    const needA = dForA >= 0 ? 1 - capability(orgA, dForA) : 0;
    const pull = Math.min(1, 0.15 + 0.6 * Math.max(needA, needB));
    const pressure = Math.min(1, (orgA.timePressure + orgB.timePressure) / 2);
    const chance = ceiling * pull * (1 - 0.5 * pressure);
    if (draw < chance) {
      used = true;
      const near = distance_km(orgA, orgB) < p.siteVisitDistance_km;
      const visit = near && rng() < p.siteVisit_prob;
      const tacitRate = p.tacitTransfer_rate * (visit ? p.siteVisitTacit_ratio : 1);
      // Between rivals each side passes on only the tacit share it is willing to give a rival.
      const inhibition = p.competitionInhibition_logit * rivalry(orgA, orgB, p.procurementPressure_share);
      const gotB = dForB >= 0 ? give(ctx, p, tie, orgA, orgB, dForB, tacitRate * guardedShare(p, personA, orgA, inhibition), 'A') : 0;
      const gotA = dForA >= 0 ? give(ctx, p, tie, orgB, orgA, dForA, tacitRate * guardedShare(p, personB, orgB, inhibition), 'B') : 0;
      if (visit) {
        oneOff(state, ctx, {
          mode: Mode.siteVisit,
          formality: Formality.informal,
          origin: Origin.provider,
          influence: Influence.trigger,
          direction: Direction.multi,
          orgA: orgA.id,
          orgB: orgB.id,
          personA: -1,
          personB: -1,
          domain: dForB >= 0 ? dForB : Math.max(dForA, 0),
          endsAt: state.month,
          trust: tie.trust,
        });
      }
      orgA.timeUsed_hours += p.tieUpkeep_hours;
      orgB.timeUsed_hours += p.tieUpkeep_hours;
      orgA.informalExchanges += 1;
      orgB.informalExchanges += 1;
      tie.lastUsed = state.month;
      gainTrust(p, tie);
      // National activities (curated artefacts, webinars, agendas) cut the effort a transfer costs,
      // as they cut the cost of making contact (003 Relative Costs).
      const useCost = p.tieUseCost_index * monthFactors(state, ctx).contactCostFactor;
      const valueA = useBenefit(p, personA, gotA, gotB) - useCost * (1 + Math.min(1, orgA.timePressure));
      const valueB = useBenefit(p, personB, gotB, gotA) - useCost * (1 + Math.min(1, orgB.timePressure));
      tie.valueA = memory * tie.valueA + (1 - memory) * valueA;
      tie.valueB = memory * tie.valueB + (1 - memory) * valueB;
    }
  }
  if (!used) {
    // A month without use: trust decays, and each side's running value moves towards what the
    // tie is worth to it unused: the bond of shared communities (embeddedness) against the cost
    // of keeping it up, which trust lowers (ODD 7.7).
    tie.trust *= 1 - p.trustDecay_perMonth;
    const hold = p.tieHoldingCost_index * (1 - tie.trust);
    const shared = p.embeddedBond_ratio > 0 && sharedCommunity(ctx, tie, personA, personB) ? p.embeddedBond_ratio * p.bondBenefit_index : 0;
    tie.valueA = memory * tie.valueA + (1 - memory) * (shared * personA.extrinsic - hold);
    tie.valueB = memory * tie.valueB + (1 - memory) * (shared * personB.extrinsic - hold);
  }
  // Each side drops the tie when its running value falls below its own threshold: people who
  // value companionship and reciprocity (extrinsic motivation) put up with a poorer tie for longer.
  if (tie.valueA < dropThreshold(p, personA.extrinsic) || tie.valueB < dropThreshold(p, personB.extrinsic)) {
    endTie(state, ctx, tie, used ? EndReason.costAboveBenefit : EndReason.neglect);
  }
}

/** A person's threshold of running value below which they drop a tie: tieEndValue_index x (0.5 + extrinsic). */
export function dropThreshold(p: Params, extrinsic: number): number {
  return p.tieEndValue_index * (0.5 + extrinsic);
}

/** Trust after a use: a reciprocated tie (both ledgers positive) gains fully, a one-sided one half. */
export function gainTrust(p: Params, tie: Tie): void {
  tie.trust += p.trustGain_perUse * (tie.givenA > 0 && tie.givenB > 0 ? 1 : 0.5) * (1 - tie.trust);
}

/** What a use of a tie is worth to one side before its effort: learning, companionship and, if it gave, reputation. */
export function useBenefit(p: Params, person: Individual, received: number, gave: number): number {
  return p.tieKnowledgeValue_index * received + p.bondBenefit_index * person.extrinsic + (gave > 0 ? p.reputationBenefit_index * person.intrinsic : 0);
}

/** One side (the donor's, A or B) gives know-how over the tie; returns what the other received and keeps the tie's ledger. */
export function give(ctx: StepContext, p: Params, tie: Tie, donor: Organization, receiver: Organization, domain: number, tacitRate: number, side: 'A' | 'B'): number {
  const m = transferBetween(ctx, p, donor, receiver, domain, tacitRate, p.codifiedTransfer_rate, Formality.informal);
  tie.tacitFlow += m.tacit;
  if (side === 'A') tie.tacitToB += m.tacit;
  tie.codifiedFlow += m.codified;
  const got = m.tacit + m.codified;
  if (got > 0) {
    if (side === 'A') tie.givenA += 1;
    else tie.givenB += 1;
  }
  return got;
}

/** When a pairing's term is over, the two are no longer each other's programme partners. */
function unpair(state: State, x: number, y: number): void {
  state.orgs[x].partners = state.orgs[x].partners.filter((o) => o !== y);
  state.orgs[y].partners = state.orgs[y].partners.filter((o) => o !== x);
}

/**
 * Whether the tie's two people share a community. Asked of most informal ties every month and
 * answered the same until one of them joins or leaves a community, so the answer is kept per tie
 * with the two membership versions it was computed at (the two lists' nested scan was about 3%
 * of a replication).
 */
function sharedCommunity(ctx: StepContext, tie: Tie, a: Individual, b: Individual): boolean {
  const o = tie.id * 3;
  if (o + 3 > ctx.scratch.sharedCommunity.length) {
    const grown = new Int32Array(Math.max(3072, 2 * (o + 3)));
    grown.set(ctx.scratch.sharedCommunity);
    ctx.scratch.sharedCommunity = grown;
  }
  const cache = ctx.scratch.sharedCommunity;
  const va = a.membershipVersion + 1;
  const vb = b.membershipVersion + 1;
  if (cache[o] === va && cache[o + 1] === vb) return cache[o + 2] === 1;
  const shared = shareCommunity(a.memberships, b.memberships);
  cache[o] = va;
  cache[o + 1] = vb;
  cache[o + 2] = shared ? 1 : 0;
  return shared;
}

function shareCommunity(ma: readonly number[], mb: readonly number[]): boolean {
  for (let i = 0; i < ma.length; i++) {
    const c = ma[i];
    for (let j = 0; j < mb.length; j++) if (mb[j] === c) return true;
  }
  return false;
}
