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

/**
 * Local rivals: same grouping and same care setting, competing for status (003 Reputational
 * Benefits). Under procurement pressure (a competitive context, 001 Principal Findings) rivalry
 * widens to the same setting across the region, scaled by the pressure, and rises by it locally.
 */
export function rivalry(a: Organization, b: Organization, pressure = 0): number {
  if (a.setting !== b.setting) return 0;
  const base = Math.min(1, 2 * Math.min(a.statusSeeking, b.statusSeeking));
  if (a.grouping === b.grouping) return pressure > 0 ? Math.min(1, base * (1 + pressure)) : base;
  return pressure > 0 && a.region === b.region ? pressure * base : 0;
}
