import { maturity } from '../../agents/organization.js';
import type { Params } from '../parameters.js';
import { logistic } from '../rng.js';
import type { State } from '../state.js';

/**
 * How a follower compares itself with its exemplar, and what that does to its engagement
 * (001 Interorganizational Level: "some FFs did not see themselves as lagging behind in competence
 * and capability. Some FFs, therefore, did not aspire to learn from their GDE peers"; 003
 * Reputational Benefits and Competition: followers "unhappy to be designated as followers,
 * especially where they felt they possessed, or would soon attain, greater capability").
 */

/**
 * The follower's perceived standing against its exemplar, in maturity units: its own maturity
 * plus its self-assessment bias (status seeking and noise, drawn at pairing, 7.16) minus the
 * exemplar's. Above 0 it judges itself level or ahead. Changes month by month as both mature.
 */
export function perceivedStanding(state: State, pairingId: number): number {
  const t = state.ties[pairingId];
  const index = state.programme.pairings.indexOf(pairingId);
  const bias = index >= 0 ? state.programme.pairingBias[index] : 0;
  return maturity(state.orgs[t.orgB]) + bias - maturity(state.orgs[t.orgA]);
}

/**
 * Share (0-1) by which a follower discounts its exemplar: what it expects to learn from it and
 * how readily it engages. The largest discount `labelInhibition_share` times the logistic of its
 * perceived standing over `labelStandingScale_index` (a follower far behind hardly discounts; one
 * sure it is ahead discounts most), times how much the comparison matters: fully under
 * exemplar/follower labels (the label makes relative status salient), `partnerFramingComparison_share`
 * of it under partner framing. Assumption: the logistic form and the framing weight.
 */
export function labelDiscount(state: State, p: Params, pairingId: number): number {
  const framing = p.labelsActive_flag === 1 ? 1 : p.partnerFramingComparison_share;
  if (framing === 0 || p.labelInhibition_share === 0) return 0;
  return p.labelInhibition_share * framing * logistic(perceivedStanding(state, pairingId) / p.labelStandingScale_index);
}
