import { isFunded } from '../../agents/organization.js';
import { Status } from '../enums.js';
import { logEvent } from '../relationships.js';
import type { State, StepContext } from '../state.js';
import { academySessions, launchCohort } from './academy.js';
import { networkLaunchMonths, launchNetwork } from './networks.js';
import { newRolesPhase } from './roles.js';
import { selectFollowOn } from './followOn.js';
import { nationalFundingActive, spendWeight, yearShare } from './funding.js';
import { secondmentPhase } from './secondments.js';
import { formPairings, selectParticipants } from './selection.js';

/**
 * The programme (phase 1): on its schedule, selects exemplars and followers, pairs them after the
 * lead time, launches learning networks and academy cohorts, and pays grants and national
 * activities until funding ends. New roles appear with or without it, faster where funded.
 */
export function programmePhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const prog = state.programme;
  prog.spendGrants_gbp = 0;
  prog.spendNational_gbp = 0;
  prog.spendAcademy_gbp = 0;
  prog.spendConsultancy_gbp = 0;
  prog.spendSecondments_gbp = 0;
  prog.spendIndependentNetworks_gbp = 0;
  prog.spendFollowOn_gbp = 0;
  prog.spendConsultancySubsidy_gbp = 0;
  if (prog.active) {
    const t = state.month;
    if (t === p.programmeStart_month) {
      logEvent(state, ctx, 'programme', 'programme_started');
      selectParticipants(state, ctx);
    }
    if (t === p.programmeStart_month + p.pairingLeadTime_months) formPairings(state, ctx);
    networkLaunchMonths(p).forEach((month, k) => {
      if (month === t) launchNetwork(state, ctx, k);
    });
    for (let k = 0; k < p.academyCohorts_count; k++) {
      if (t === p.academyStart_month + k * p.academyCohortInterval_months) launchCohort(state, ctx, k);
    }
    academySessions(state, ctx);
    if (p.followOnOrganizations_count > 0 && t === p.followOnStart_month) selectFollowOn(state, ctx);
    if (t === p.fundingEnd_month) logEvent(state, ctx, 'programme', 'national_funding_ended');
    const months = p.fundingEnd_month - p.programmeStart_month;
    const funded = nationalFundingActive(p, t, prog.active);
    if (funded) {
      // Each line follows the taper and its own yearly profile (budget.by_year); totals are kept.
      const weight = spendWeight(p, t, 'grants');
      for (const org of state.orgs) if (org.status !== Status.outside && isFunded(org, t)) prog.spendGrants_gbp += (org.grant_gbp / months) * weight;
      prog.spendNational_gbp += (p.nationalActivitiesBudget_gbp / months) * spendWeight(p, t, 'national');
      prog.spendIndependentNetworks_gbp += p.independentNetworkSupport_gbpPerYear / 12;
      const academyEnd = p.academyStart_month + p.academyCohorts_count * p.academyCohortInterval_months;
      if (p.academyCohorts_count > 0 && t >= p.academyStart_month && t < academyEnd) prog.spendAcademy_gbp += (p.academyBudget_gbp / (academyEnd - p.academyStart_month)) * yearShare(p, 'academy', t);
    }
    for (const id of prog.followOn) if (isFunded(state.orgs[id], t)) prog.spendFollowOn_gbp += state.orgs[id].grant_gbp / p.followOnFunded_months;
    secondmentPhase(state, ctx, funded);
  }
  newRolesPhase(state, ctx);
}
