import { isFunded, maturity, type Organization } from '../../agents/organization.js';
import { Stage, Status } from '../enums.js';
import type { Params } from '../parameters.js';
import { monthFactors, nationalCostFactor } from '../programme/funding.js';
import { logEvent } from '../relationships.js';
import type { MonthFactors, State, StepContext } from '../state.js';

/**
 * Organizations (phase 2). Each organization has one staff-time budget a month: the time its
 * digitally engaged staff give to transformation work plus the hours its grant buys (003 Relative
 * Costs: "the project team have the capacity ... We would never have been able to do that
 * pre-GDE"). Project work takes its hours first (allocateProjectTime; day-to-day priorities come
 * first, 003 Relative Costs); sharing (ties, requests, meetings, pairing and partnership work) uses the rest. Last
 * month's project work plus sharing over last month's budget becomes this month's time pressure
 * (sharing hours cut by national activities while they run: 003 Relative Costs, "reducing the
 * cost of knowledge transfer to provider organizations"),
 * so a busy project month leaves less for sharing and lowers willingness and absorptive capacity.
 * Inbound requests are smoothed, and an experienced, much-asked organization sets up a
 * request-handling routine (001 Organizational Level: past experience). Absorptive capacity is
 * recomputed from related knowledge, training, mediator roles and experience, less a
 * time-pressure penalty.
 */
export function organizationPhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  // National activities (webinars, curated artifacts, agendas) cut the time a transfer costs the
  // organizations: last month's sharing hours weigh by last month's national cost factor.
  const sharingCost = lastMonthCostFactor(state, p);
  const factors = monthFactors(state, ctx);
  for (const org of state.orgs) {
    org.timePressure = org.timeBudget_hours > 0 ? (org.projectHours + sharingCost * org.timeUsed_hours) / org.timeBudget_hours : 0;
    org.timeUsed_hours = 0;
    org.fundedHours = fundedHours(org, p, state.month, factors);
    org.timeBudget_hours = p.staffTime_hoursPerPersonMonth * org.staff.length + org.fundedHours;
    allocateProjectTime(org, p);
    org.requestsSmoothed = 0.7 * org.requestsSmoothed + 0.3 * org.requestsThisMonth;
    org.requestsThisMonth = 0;
    if (!org.hasRoutine && org.requestsSmoothed >= p.routineThreshold_requestsPerMonth && org.experience >= p.routineExperience_count) {
      org.hasRoutine = true;
      logEvent(state, ctx, 'organization', 'request_routine_established', org.id, -1, `requests/month=${org.requestsSmoothed.toFixed(1)}`);
    }
    const trainedShare = org.staff.length > 0 ? org.trainedStaff / org.staff.length : 0;
    const roles = (org.hasCcio ? 1 : 0) + (org.hasCnio ? 1 : 0);
    const experience = Math.min(1, org.experience / p.experienceScale_count);
    const ac =
      p.absorptiveBase_index +
      p.absorptiveFromKnowledge_index * maturity(org) +
      p.absorptiveFromTraining_index * trainedShare +
      p.absorptiveFromRoles_index * roles +
      p.absorptiveFromExperience_index * experience -
      p.timePressurePenalty_index * Math.max(0, org.timePressure - 0.5);
    org.absorptive = ac < 0.02 ? 0.02 : ac > 1 ? 1 : ac;
  }
}

/** The national cost factor (7.17) of the previous month, when last month's sharing was done. */
export function lastMonthCostFactor(state: State, p: Params): number {
  const t = state.month - 1;
  return state.programme.active && t >= p.programmeStart_month && t < p.fundingEnd_month ? nationalCostFactor(p, t) : 1;
}

/**
 * Grant money of the month (GBP): a first-wave participant's grant over the funded months, shaped
 * by the taper and the yearly profile exactly as the grant spend is (spendWeight); a follow-on
 * organization's grant over its own funded months. 0 when not funded.
 */
export function grantThisMonth(org: Organization, p: Params, t: number, factors: MonthFactors): number {
  if (!isFunded(org, t) || org.grant_gbp <= 0) return 0;
  if (org.status === Status.outside) return org.grant_gbp / p.followOnFunded_months;
  const months = p.fundingEnd_month - p.programmeStart_month;
  return months > 0 ? (org.grant_gbp / months) * factors.grantWeight : 0;
}

/**
 * Staff hours the grant buys this month: its staff share over the cost of an hour, less the fee of
 * a partnership the organization pays from the grant (money spent on a contract buys no hours).
 */
export function fundedHours(org: Organization, p: Params, t: number, factors: MonthFactors): number {
  const money = grantThisMonth(org, p, t, factors);
  if (money <= 0) return 0;
  const fee = org.partnershipUntil > t ? p.partnershipFee_gbpPerMonth : 0;
  const staffMoney = p.grantStaffShare_share * money - fee;
  return staffMoney > 0 ? staffMoney / p.fundedHour_gbp : 0;
}

/** Demand weight of a project stage: the hours it can use relative to a project in adoption. */
export function stageDemand(stage: number): number {
  return stage === Stage.adoption ? 1 : stage === Stage.procurement ? 0.5 : stage === Stage.optimization ? 0.25 : 0;
}

/**
 * Project work of the month. A project needs ref × δ hours to go at its typical pace (δ:
 * stageDemand) and can use at most cap × δ. The organization's own staff commit the hours its
 * projects need at the typical pace, up to projectTime_share of their time (day-to-day work comes
 * first); funded hours go to the projects on top, up to what they can use, and what the projects
 * cannot use is left for sharing (003 Relative Costs: "the project team have the capacity ... to
 * go out and talk to other organizations"). Each project gets hours in proportion to its δ, so a
 * project in adoption gets u = committed / Σδ hours (u = min(cap, share × staff hours + funded
 * hours) when no project runs: the pace a new project would get); its pace is
 * (u / ref)^exponent: more hours, faster, with diminishing returns.
 */
export function allocateProjectTime(org: Organization, p: Params): void {
  let units = 0;
  for (let d = 0; d < org.stage.length; d++) units += stageDemand(org.stage[d]);
  const cap = p.projectCapacity_hoursPerMonth;
  const ref = p.projectReference_hoursPerMonth;
  const own = p.projectTime_share * (org.timeBudget_hours - org.fundedHours);
  const atTypicalPace = ref * units;
  const fromStaff = atTypicalPace < own ? atTypicalPace : own;
  const usable = cap * units;
  const offered = fromStaff + org.fundedHours;
  const committed = offered < usable ? offered : usable;
  org.projectHours = committed;
  const perUnit = units > 0 ? committed / units : Math.min(cap, own + org.fundedHours);
  org.projectPace = perUnit > 0 ? Math.pow(perUnit / ref, p.projectEffort_exponent) : 0;
}
