import type { Programme } from '../../agents/programme.js';
import { Formality, Influence, Mode, N_DOMAINS, Origin, Role } from '../enums.js';
import type { Params } from '../parameters.js';
import { NO_EMPLOYER, type Individual } from '../../agents/individual.js';
import { formCommunity } from '../relationships.js';
import type { State, StepContext } from '../state.js';
import { createGeography } from './geography.js';
import { createPairSet } from '../pairSet.js';
import { createOrganizations } from './organizations.js';
import { createConsultants, createStaff } from './staff.js';
import { TieTable } from '../tieTable.js';
import { createSuppliers } from './suppliers.js';
import { settleAsDoubles } from '../shapes.js';
import { employerColumn } from '../employers.js';

function emptyProgramme(active: boolean): Programme {
  const programme: Programme = {
    active,
    exemplars: [],
    followers: [],
    pairings: [],
    pairingBias: [],
    pairingOverlaySince: [],
    pairingEngagedMonths: [],
    blueprints: [],
    blueprintsByDomain: Array.from({ length: N_DOMAINS }, () => []),
    learningNetworks: [],
    academyCohorts: [],
    spendGrants_gbp: 0,
    spendNational_gbp: 0,
    spendAcademy_gbp: 0,
    spendConsultancy_gbp: 0,
    spendSecondments_gbp: 0,
    spendIndependentNetworks_gbp: 0,
    spendFollowOn_gbp: 0,
    spendConsultancySubsidy_gbp: 0,
    followOn: [],
    secondments: [],
    secondmentsOwed: 0,
  };
  // Spending accumulates sums of money computed from parameters (model/shapes.ts).
  settleAsDoubles(programme, ['spendGrants_gbp', 'spendNational_gbp', 'spendAcademy_gbp', 'spendConsultancy_gbp', 'spendSecondments_gbp', 'spendIndependentNetworks_gbp', 'spendFollowOn_gbp', 'spendConsultancySubsidy_gbp']);
  return programme;
}

/** Whether the scenario runs the programme (from January 2017; the spin-up runs without it whatever this says). */
export function programmeSwitchedOn(params: Params): boolean {
  return params.programmeActive_flag === 1;
}

/** Ids of the people who are independent consultants, ascending (built by push: see State in state.ts). */
function consultantIds(people: readonly Individual[]): number[] {
  const ids: number[] = [];
  for (const person of people) if (person.org === NO_EMPLOYER.consultant) ids.push(person.id);
  return ids;
}

/** Roles that represent an organization at its supplier's user group (IT and digital leads). */
const USER_GROUP_ROLES: readonly number[] = [Role.cio, Role.it, Role.digitalDirector, Role.projectManager];

/**
 * The initial world: geography, organizations with their systems and knowledge, staff,
 * consultants, the independent professional network and the suppliers' user groups. Uses
 * only the set-up stream, so dynamics draw the same numbers whatever set-up does.
 */
export function initState(params: Params, ctx: StepContext): State {
  const rng = ctx.rng.setup;
  const groupings = createGeography(rng, params.regions_count, params.groupings_count, params.countryWidth_km);
  const orgs = createOrganizations(rng, params, groupings);
  const people = createStaff(rng, params, orgs);
  createConsultants(rng, params, orgs, people);
  const state: State = {
    month: 0,
    orgs,
    people,
    employer: employerColumn(people),
    ties: [],
    tieTable: new TieTable(),
    tiesFormed: 0,
    communities: [],
    suppliers: createSuppliers(),
    groupings,
    programme: emptyProgramme(programmeSwitchedOn(params)),
    consultants: consultantIds(people),
    activeTies: [],
    professionalNetwork: -1,
    professionalNetworkWider: undefined,
    spinningUp: false,
    pairEver: createPairSet(),
  };
  const members = people.filter((p) => p.professionalMember && p.org >= 0).map((p) => p.id);
  state.professionalNetwork = formCommunity(
    state,
    ctx,
    {
      name: 'Independent professional network',
      mode: Mode.professionalNetwork,
      formality: Formality.periodic,
      origin: Origin.intermediary,
      influence: Influence.enable,
      domain: -1,
      professionRoles: [],
      supplier: -1,
      launchedByProgramme: false,
      professionLed: false,
      fundedUntil: -1,
      endsAt: Infinity,
      meetingInterval: params.professionalNetworkEventInterval_months,
      userAgenda: 1,
    },
    members,
  ).id;
  for (const supplier of state.suppliers) {
    const reps: number[] = [];
    for (const org of orgs) {
      if (!supplier.domains.some((d) => org.suppliers[d] === supplier.id)) continue;
      const rep = org.staff.find((id) => USER_GROUP_ROLES.includes(people[id].role)) ?? org.staff[0];
      reps.push(rep);
    }
    if (reps.length < 3) continue;
    supplier.userGroup = formCommunity(
      state,
      ctx,
      {
        name: `${supplier.name} user group`,
        mode: Mode.userGroup,
        formality: Formality.periodic,
        origin: Origin.supplier,
        influence: Influence.control,
        domain: -1,
        professionRoles: [],
        supplier: supplier.id,
        launchedByProgramme: false,
        professionLed: false,
        fundedUntil: -1,
        endsAt: Infinity,
        meetingInterval: params.userGroupMeetingInterval_months,
        userAgenda: params.userGroupInitialUserAgenda_share,
      },
      reps,
    ).id;
  }
  return state;
}
