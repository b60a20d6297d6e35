import type { Individual } from '../../agents/individual.js';
import type { Organization } from '../../agents/organization.js';
import type { Params } from '../parameters.js';
import { logistic } from '../rng.js';

/**
 * A person's willingness to share (0-1): motivations against inhibitors, logit-linear
 * (001 Individual/Interpersonal Level). Trust in the partner relieves uncertainty. `inhibition`
 * is any further inhibitor in logits that the caller knows of, e.g. status rivalry with the
 * asking organization (competitionInhibition, 003 Reputational Benefits): it enters the same
 * logit, so strong sharing motives can still outweigh it (a sharing culture prevailing).
 */
export function willingness(p: Params, person: Individual, org: Organization, trust = 0, inhibition = 0): number {
  const pressure = org.timePressure > 1.5 ? 1.5 : org.timePressure;
  return logistic(
    p.willingnessIntercept_logit +
      p.willingnessIntrinsic_logit * person.intrinsic +
      p.willingnessExtrinsic_logit * person.extrinsic -
      p.willingnessOwnership_logit * person.ownership -
      p.willingnessUncertainty_logit * person.uncertainty * (1 - trust) -
      p.willingnessTime_logit * pressure -
      inhibition,
  );
}

/**
 * Protective exchange between rivals (001 Principal Findings: competitive procurement and
 * misaligned incentives make exchange protective and transactional): the share of its tacit
 * know-how a person passes to a rival, their willingness with the rivalry inhibition over their
 * willingness without it (1 between non-rivals). Same logit as the decision to answer at all, so
 * a strong sharing culture still prevails.
 */
export function guardedShare(p: Params, donor: Individual, donorOrg: Organization, inhibition: number): number {
  return inhibition > 0 ? willingness(p, donor, donorOrg, 0, inhibition) / willingness(p, donor, donorOrg) : 1;
}

/**
 * Status rivalry between two organizations, 0 or more: the geometric mean of their status
 * seeking, between local rivals (same grouping and same care setting, 003 Reputational Benefits:
 * "a history of local competition between neighboring organizations"). Under procurement
 * pressure (a competitive context, 001 Principal Findings) rivalry widens to the same setting
 * across the region, scaled by the pressure, and rises by it locally; the pressure also raises
 * each organization's status seeking (misaligned incentives). No cap: how much it
 * inhibits is decided in the willingness logit against the person's motives.
 */
export function rivalry(a: Organization, b: Organization, pressure = 0): number {
  if (a.setting !== b.setting) return 0;
  // Misaligned incentives make status and own performance salient to every organization: under
  // pressure each one's status seeking moves that share of the way towards 1 (assumption).
  const sa = a.statusSeeking + pressure * (1 - a.statusSeeking);
  const sb = b.statusSeeking + pressure * (1 - b.statusSeeking);
  const base = Math.sqrt(sa * sb);
  if (a.grouping === b.grouping) return base * (1 + pressure);
  return pressure > 0 && a.region === b.region ? pressure * base : 0;
}
