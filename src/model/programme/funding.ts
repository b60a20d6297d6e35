import { isFunded, type Organization } from '../../agents/organization.js';
import { Status } from '../enums.js';
import type { Params } from '../parameters.js';

/**
 * Intensity of first-wave funding in month t (0-1): 1 through the programme, falling linearly
 * over the last `fundingTaper_months` before `fundingEnd_month` (t = end − T gives 1, the last
 * funded month 1/T), 0 outside the funded window. With no taper it is 1 or 0: the cliff edge.
 */
export function taperIntensity(p: Params, t: number): number {
  if (t < p.programmeStart_month || t >= p.fundingEnd_month) return 0;
  const months = p.fundingEnd_month - p.programmeStart_month;
  const taper = Math.min(p.fundingTaper_months, months);
  const left = p.fundingEnd_month - t;
  return taper > 0 && left < taper ? left / taper : 1;
}

/**
 * Monthly weight of first-wave spend: intensity over its mean across the funded months, so a
 * taper moves money earlier without changing the budget (1 every month with no taper).
 */
export function spendWeight(p: Params, t: number): number {
  const months = p.fundingEnd_month - p.programmeStart_month;
  const taper = Math.min(p.fundingTaper_months, months);
  if (taper <= 0) return 1;
  // Sum of the tapered months' intensities: (1 + 2 + ... + T) / T = (T + 1) / 2.
  const mean = (months - taper + (taper + 1) / 2) / months;
  return taperIntensity(p, t) / mean;
}

/**
 * How strongly an organization is funded this month (0-1), scaling the funded boosts to staff
 * time and project speed: first-wave participants follow the taper; follow-on organizations are
 * funded fully for their own term.
 */
export function fundedIntensity(org: Organization, p: Params, t: number): number {
  if (!isFunded(org, t)) return 0;
  if (org.status === Status.outside || p.fundingTaper_months <= 0) return 1;
  return taperIntensity(p, t);
}

/** Whether national funding (and so the levers it pays for) is running this month. */
export function nationalFundingActive(p: Params, t: number, programmeActive: boolean): boolean {
  return programmeActive && t >= p.programmeStart_month && t < p.fundingEnd_month;
}

/**
 * Multiplier of joining the independent professional network from national support for
 * independent networks: 1 + effect per GBP million a year × GBP millions a year, while funded.
 */
export function independentNetworkBoost(p: Params, t: number, programmeActive: boolean): number {
  if (p.independentNetworkSupport_gbpPerYear <= 0 || !nationalFundingActive(p, t, programmeActive)) return 1;
  return 1 + p.independentNetworkEffect_perGbpMillion * (p.independentNetworkSupport_gbpPerYear / 1e6);
}
