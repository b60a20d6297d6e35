import { capability, settleKnowledge, type Organization } from '../../agents/organization.js';
import type { Params } from '../parameters.js';
import type { State, StepContext } from '../state.js';

/**
 * Share of a donor's know-how in a domain that applies at the receiver: full on the same
 * supplier's system and in the same care setting, partial otherwise (003 Common Challenges and
 * Technological Functionality; mechanisms.md sketch).
 */
export function relevance(p: Params, donor: Organization, receiver: Organization, domain: number): number {
  const system = donor.suppliers[domain] === receiver.suppliers[domain] ? 1 : p.crossSupplierRelevance_share;
  const setting = donor.setting === receiver.setting ? 1 : p.crossSettingRelevance_share;
  return system * setting;
}

import { GAIN_BASE, type Transfer } from '../state.js';

export type { Transfer };

/**
 * Moves knowledge in one domain from a donor's stocks to a receiver: each stock closes a share
 * of the gap, scaled by the receiver's absorptive capacity (Cowan & Jonard: v += a(v_i - v_j)).
 * Tacit know-how is system- and setting-specific; codified documents travel by setting only.
 * The capability it adds is booked to the month's ledger by formality (maturity growth accounts).
 * Returns the context's reusable `moved` record: read it before the next transfer.
 */
export function transferKnowledge(
  ctx: StepContext,
  donorCodified: number,
  donorTacit: number,
  receiver: Organization,
  domain: number,
  tacitRelevance: number,
  codifiedRelevance: number,
  tacitRate: number,
  codifiedRate: number,
  formality: number,
): Transfer {
  const ac = receiver.absorptive;
  const gapT = donorTacit - receiver.tacit[domain];
  const gapC = donorCodified - receiver.codified[domain];
  const dT = gapT > 0 ? tacitRate * ac * tacitRelevance * gapT : 0;
  const dC = gapC > 0 ? codifiedRate * ac * codifiedRelevance * gapC : 0;
  if (dT > 0 || dC > 0) {
    const before = receiver.capability[domain];
    receiver.codified[domain] += dC;
    receiver.tacit[domain] += dT;
    settleKnowledge(receiver, domain, ctx.params);
    // Where maturity growth comes from: capability gained through relationships, by formality.
    ctx.flows[GAIN_BASE + formality] += receiver.capability[domain] - before;
  }
  ctx.flows[formality * 2] += dC;
  ctx.flows[formality * 2 + 1] += dT;
  ctx.moved.codified = dC;
  ctx.moved.tacit = dT;
  return ctx.moved;
}

/** Organization-to-organization transfer in one domain. */
export function transferBetween(
  ctx: StepContext,
  p: Params,
  donor: Organization,
  receiver: Organization,
  domain: number,
  tacitRate: number,
  codifiedRate: number,
  formality: number,
): Transfer {
  const rel = relevance(p, donor, receiver, domain);
  const settingRel = donor.setting === receiver.setting ? 1 : p.crossSettingRelevance_share;
  return transferKnowledge(ctx, donor.codified[domain], donor.tacit[domain], receiver, domain, rel, settingRel, tacitRate, codifiedRate, formality);
}

/**
 * The domain in which `receiver` would gain most from `donor`: need times the relevant
 * capability gap; -1 if the donor is ahead nowhere the receiver needs.
 */
export function bestDomain(p: Params, donor: Organization, receiver: Organization): number {
  let best = -1;
  let bestValue = 0;
  for (let d = 0; d < donor.tacit.length; d++) {
    if (receiver.stage[d] === 0) continue;
    const kr = capability(receiver, d);
    const gap = capability(donor, d) - kr;
    if (gap <= 0) continue;
    const value = (1 - kr) * gap * relevance(p, donor, receiver, d);
    if (value > bestValue) {
      bestValue = value;
      best = d;
    }
  }
  return best;
}

/** True while national activities (webinars, curation, agenda setting) are funded. */
export function nationalActive(state: State, p: Params): boolean {
  return state.programme.active && state.month >= p.programmeStart_month && state.month < p.fundingEnd_month;
}
