import type { Individual } from '../../agents/individual.js';
import type { Organization } from '../../agents/organization.js';
import type { Params } from '../parameters.js';
import { logistic } from '../rng.js';

/**
 * A person's willingness to share (0-1): motivations against inhibitors, logit-linear
 * (001 Individual/Interpersonal Level). Trust in the partner relieves uncertainty.
 */
export function willingness(p: Params, person: Individual, org: Organization, trust = 0): number {
  const pressure = org.timePressure > 1.5 ? 1.5 : org.timePressure;
  return logistic(
    p.willingnessIntercept_logit +
      p.willingnessIntrinsic_logit * person.intrinsic +
      p.willingnessExtrinsic_logit * person.extrinsic -
      p.willingnessOwnership_logit * person.ownership -
      p.willingnessUncertainty_logit * person.uncertainty * (1 - trust) -
      p.willingnessTime_logit * pressure,
  );
}

/** Local rivals: same grouping and same care setting, competing for status (003 Reputational Benefits). */
export function rivalry(a: Organization, b: Organization): number {
  if (a.grouping !== b.grouping || a.setting !== b.setting) return 0;
  return Math.min(1, 2 * Math.min(a.statusSeeking, b.statusSeeking));
}
