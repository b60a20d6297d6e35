import { NO_EMPLOYER, type Individual } from '../../agents/individual.js';
import type { Organization } from '../../agents/organization.js';
import { CareSetting, Role, ROLE_COUNTS_001_TABLE2 } from '../enums.js';
import type { Params } from '../parameters.js';
import { type Rng, clamp01, normal, weightedIndex } from '../rng.js';
import { settleAsDoubles } from '../shapes.js';

/** Role weights for staff other than the CCIO and CNIO (those depend on whether the post exists). */
function roleWeights(setting: CareSetting): number[] {
  const w = [...ROLE_COUNTS_001_TABLE2];
  w[Role.ccio] = 0;
  w[Role.cnio] = 0;
  if (setting === CareSetting.ambulance) w[Role.pharmacist] = 0;
  return w;
}

const LEADER_ROLES: readonly number[] = [Role.ccio, Role.cnio, Role.cio, Role.digitalDirector];
const COMMUNITY_ROLES: readonly number[] = [Role.pharmacist, Role.nursing, Role.cnio];

/**
 * A new person with traits drawn for the role: leadership roles lean to status motives,
 * professional roles to community motives (001 Individual/Interpersonal Level).
 */
export function createIndividual(rng: Rng, id: number, org: number, role: number, p: Params, atSetUp = false): Individual {
  const intrinsic = clamp01(normal(rng, 0.5, 0.15) + (LEADER_ROLES.includes(role) ? 0.12 : 0));
  const person: Individual = {
    id,
    org,
    role: role as Individual['role'],
    intrinsic,
    extrinsic: clamp01(normal(rng, 0.5, 0.15) + (COMMUNITY_ROLES.includes(role) ? 0.12 : 0)),
    ownership: clamp01(normal(rng, 0.3, 0.12)),
    uncertainty: clamp01(normal(rng, 0.35, 0.12)),
    ties: [],
    memberships: [],
    membershipVersion: 0,
    trained: false,
    // At set-up people belong to the network with their own steady-state chance (joining against
    // leaving, 7.12), so membership starts at equilibrium; later arrivals join month by month.
    professionalMember: atSetUp && rng() < memberShare(p, intrinsic),
    carriedTacit: null,
    carriedSuppliers: null,
    engagedUntil: -1,
  };
  // The month an engagement ends is computed from parameters (model/shapes.ts).
  if (id === 0) settleAsDoubles(person, ['engagedUntil']);
  return person;
}

/**
 * A person's steady-state chance of belonging to the professional network without programme
 * support (7.12): joining j against leaving l plus leaving the workforce, j / (j + l + mobility).
 */
export function memberShare(p: Params, intrinsic: number): number {
  const join = p.professionalNetworkJoin_probPerMonth * (0.5 + intrinsic);
  // Members also go when they leave the digitally engaged workforce, about once per move (7.14).
  const leave = p.professionalNetworkLeave_probPerMonth * (1.5 - intrinsic) + p.mobility_probPerMonth;
  return join + leave > 0 ? join / (join + leave) : 0;
}

export function drawRole(rng: Rng, setting: CareSetting): number {
  return weightedIndex(rng, roleWeights(setting));
}

/** Staff of every organization, sized with the organization, plus CCIO/CNIO where the post exists. */
export function createStaff(rng: Rng, p: Params, orgs: Organization[]): Individual[] {
  const people: Individual[] = [];
  for (const org of orgs) {
    const n = Math.max(3, Math.round(p.staffPerOrganization_mean * Math.exp(0.5 * org.logSize) * (0.8 + 0.4 * rng())));
    const roles: number[] = [];
    if (org.hasCcio) roles.push(Role.ccio);
    if (org.hasCnio) roles.push(Role.cnio);
    while (roles.length < n) roles.push(drawRole(rng, org.setting));
    for (const role of roles) {
      const person = createIndividual(rng, people.length, org.id, role, p, true);
      people.push(person);
      org.staff.push(person.id);
    }
  }
  return people;
}

/** Independent consultants, each carrying the tacit know-how of a former employer (001 Site_M quote). */
export function createConsultants(rng: Rng, p: Params, orgs: readonly Organization[], people: Individual[]): void {
  const weights = orgs.map((o) => o.tacit.reduce((a, b) => a + b, 0) ** 2);
  for (let i = 0; i < p.initialConsultants_count; i++) {
    const former = orgs[weightedIndex(rng, weights)];
    const person = createIndividual(rng, people.length, NO_EMPLOYER.consultant, drawRole(rng, former.setting), p);
    person.carriedTacit = Float64Array.from(former.tacit);
    person.carriedSuppliers = Int16Array.from(former.suppliers);
    people.push(person);
  }
}
