import { Domain, DOMAINS, Formality, Influence, Mode, Origin, Role, Status } from '../enums.js';
import type { Params } from '../parameters.js';
import { formCommunity } from '../relationships.js';
import { randInt } from '../rng.js';
import type { State, StepContext } from '../state.js';

interface NetworkPlan {
  readonly domain: number;
  readonly roles: readonly number[];
  readonly professionLed: boolean;
  readonly topic: string;
}

/**
 * Profession-led networks: a profession that aligns its interests with the technology, as
 * pharmacists with e-prescribing (001 Spectrum: the Hospital ePMA Network; 003 Evolving Formal
 * Processes: occupational groupings). Further ones cycle through these.
 */
const PROFESSION_PLANS: readonly NetworkPlan[] = [
  { domain: Domain.eprescribing, roles: [Role.pharmacist], professionLed: true, topic: 'e-prescribing (pharmacists)' },
  { domain: Domain.epr, roles: [Role.nursing, Role.cnio], professionLed: true, topic: 'nursing informatics' },
  { domain: Domain.analytics, roles: [Role.ccio], professionLed: true, topic: 'clinical informatics (CCIOs)' },
];
/** Centrally run topic networks draw generic programme roles. */
const CENTRAL_ROLES: readonly number[] = [Role.programmeManager, Role.projectManager, Role.digitalDirector, Role.benefitsRealisation, Role.clinicalTransformation, Role.it];
const CENTRAL_DOMAINS: readonly number[] = [Domain.epr, Domain.patientPortal, Domain.analytics, Domain.infrastructure, Domain.imaging, -1];

/** Launch months of the networks, spread over the first half of the programme (001 Research Setting). */
export function networkLaunchMonths(p: Params): number[] {
  const first = p.programmeStart_month + p.pairingLeadTime_months;
  const half = p.programmeStart_month + Math.floor((p.fundingEnd_month - p.programmeStart_month) / 2);
  const n = p.learningNetworks_count;
  return Array.from({ length: n }, (_, k) => (n === 1 ? first : Math.round(first + ((half - first) * k) / (n - 1))));
}

function plan(p: Params, k: number): NetworkPlan {
  // Interleave profession-led networks among central ones so both kinds launch early and late.
  const stride = p.professionLedNetworks_count > 0 ? Math.max(1, Math.floor(p.learningNetworks_count / p.professionLedNetworks_count)) : Infinity;
  const professionIndex = k % stride === 0 ? k / stride : -1;
  if (professionIndex >= 0 && professionIndex < p.professionLedNetworks_count) return PROFESSION_PLANS[professionIndex % PROFESSION_PLANS.length];
  const domain = CENTRAL_DOMAINS[k % CENTRAL_DOMAINS.length];
  return { domain, roles: CENTRAL_ROLES, professionLed: false, topic: domain >= 0 ? DOMAINS[domain] : 'benefits realisation' };
}

/** Launches network k: each participating organization sends members of the matching roles; some outsiders join. */
export function launchNetwork(state: State, ctx: StepContext, k: number): void {
  const p = ctx.params;
  const rng = ctx.rng.programme;
  const { domain, roles, professionLed, topic } = plan(p, k);
  const members: number[] = [];
  for (const org of state.orgs) {
    const matching = org.staff.filter((id) => roles.includes(state.people[id].role));
    if (org.status !== Status.outside) {
      const pool = matching.length > 0 ? matching : org.staff;
      for (let i = 0; i < p.networkMembersPerOrganization_count && pool.length > 0; i++) members.push(pool[randInt(rng, pool.length)]);
    } else {
      const join = professionLed ? p.professionOutsideJoin_prob : p.networkOutsideJoin_prob;
      for (const id of matching) if (rng() < join) members.push(id);
    }
  }
  const community = formCommunity(state, ctx, {
    // The steward is in the name so that output files say which kind each network is.
    name: `Learning network ${k + 1} (${professionLed ? 'profession-led' : 'run centrally'}): ${topic}`,
    mode: Mode.learningNetwork,
    formality: Formality.periodic,
    origin: Origin.policy,
    influence: Influence.enable,
    domain,
    professionRoles: professionLed ? roles : [],
    supplier: -1,
    launchedByProgramme: true,
    professionLed,
    fundedUntil: Math.min(state.month + p.learningNetworkFunded_months, p.fundingEnd_month),
    endsAt: Infinity,
    meetingInterval: p.learningNetworkMeetingInterval_months,
    userAgenda: 1,
  }, [...new Set(members)]);
  state.programme.learningNetworks.push(community.id);
}
