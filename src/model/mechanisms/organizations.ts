import { maturity } from '../../agents/organization.js';
import { fundedIntensityIn, monthFactors } from '../programme/funding.js';
import { logEvent } from '../relationships.js';
import type { State, StepContext } from '../state.js';

/**
 * Organizations (phase 2). Last month's time use becomes this month's time pressure; the time
 * budget is reset (larger while funded: programme staff, 003 Relative Costs); inbound requests
 * are smoothed, and an experienced, much-asked organization sets up a request-handling routine
 * (001 Organizational Level: past experience). Absorptive capacity is recomputed from related
 * knowledge, training, mediator roles and experience, less a time-pressure penalty.
 */
export function organizationPhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const factors = monthFactors(state, ctx);
  for (const org of state.orgs) {
    org.timePressure = org.timeBudget_hours > 0 ? org.timeUsed_hours / org.timeBudget_hours : 0;
    org.timeUsed_hours = 0;
    org.timeBudget_hours = p.sharingTime_hoursPerStaffMonth * org.staff.length * (1 + p.fundedTimeBoost_ratio * fundedIntensityIn(org, state.month, factors));
    org.requestsSmoothed = 0.7 * org.requestsSmoothed + 0.3 * org.requestsThisMonth;
    org.requestsThisMonth = 0;
    if (!org.hasRoutine && org.requestsSmoothed >= p.routineThreshold_requestsPerMonth && org.experience >= p.routineExperience_count) {
      org.hasRoutine = true;
      logEvent(state, ctx, 'organization', 'request_routine_established', org.id, -1, `requests/month=${org.requestsSmoothed.toFixed(1)}`);
    }
    let trained = 0;
    const staff = org.staff;
    const people = state.people;
    for (let i = 0; i < staff.length; i++) if (people[staff[i]].trained) trained += 1;
    const trainedShare = org.staff.length > 0 ? trained / org.staff.length : 0;
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
