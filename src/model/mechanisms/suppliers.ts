import { Direction, DOMAINS, Formality, Influence, Mode, Origin, Role, Stage } from '../enums.js';
import { changeForm, formCommunity, formTie, oneOff, mayTie } from '../relationships.js';
import { randInt } from '../rng.js';
import type { Organization } from '../../agents/organization.js';
import type { Community } from '../../agents/relationship.js';
import type { Supplier } from '../../agents/supplier.js';
import type { IntList } from '../intList.js';
import type { State, StepContext } from '../state.js';
import { transferBetween } from './knowledge.js';
import { ReferenceSites } from './referenceSites.js';
import { willingness } from './willingness.js';

/**
 * Suppliers (phase 4). Customers in procurement get chaperoned pilot visits to a reference site
 * (shallow tacit transfer), some of which leave a brokered personal contact. Where enough
 * customers of one supplier are adopting the same module and have no group of their own, they may
 * set up a user-led group. User-group agendas move at the groups' meetings (phase 6, `userGroupAgenda`).
 */
export function supplierPhase(state: State, ctx: StepContext): void {
  pilotVisits(state, ctx);
  userLedGroups(state, ctx);
}

/** Whether an organization has a stake in a supplier's group now: procuring, adopting or optimizing one of its modules. */
export function userGroupStake(supplier: Supplier, org: Organization): boolean {
  const domains = supplier.domains;
  for (let k = 0; k < domains.length; k++) {
    const d = domains[k];
    if (org.suppliers[d] === supplier.id && org.stage[d] !== Stage.none) return true;
  }
  return false;
}

/** Whether an organization needs functionality from a supplier now: adopting or optimizing one of its modules. */
function needsFunctionality(supplier: Supplier, org: Organization): boolean {
  const domains = supplier.domains;
  for (let k = 0; k < domains.length; k++) {
    const d = domains[k];
    if (org.suppliers[d] === supplier.id && (org.stage[d] === Stage.adoption || org.stage[d] === Stage.optimization)) return true;
  }
  return false;
}

/** Below this users' share a user-driven group is back under the supplier's agenda (0.5 to turn user-driven). */
export const SUPPLIER_AGENDA_BELOW = 0.45;

/**
 * A user-group meeting moves the agenda both ways (001 Macroenvironmental: supplier-set goals;
 * groups becoming user-driven; 001 Spectrum, Site_D: joint specifications; 003 Common Challenges:
 * "a bigger voice to talk to suppliers"). Attending member customers adopting one of the
 * supplier's modules in adoption or optimization (they need functionality), taken in consecutive
 * pairs, each write a joint specification with
 * probability `jointSpecification_prob`; each closes `jointSpecificationAgenda_gain` times the
 * supplier's openness of the users' remaining distance to full control. Between specifications
 * the agenda moves `supplierAgendaPull_share` of the way towards the level that users' presence
 * alone holds, h = u0 + (1 − u0) · o · π (u0 = `userGroupInitialUserAgenda_share`, the supplier's
 * own roadmap; π the share of members attending): the supplier reasserting its roadmap above h,
 * users who turn up pushing towards it from below:
 *
 *   u += g · o · (1 − u)  per joint specification,   then   u −= s · (u − h)
 *
 * So agendas rise while customers take part and specify together, and fall back when
 * participation drops (time pressure, customers leaving the supplier's modules) or nobody specifies. Past 0.5 the group
 * is user-driven (a change of form); below SUPPLIER_AGENDA_BELOW it is the supplier's again.
 */
export function userGroupAgenda(state: State, ctx: StepContext, group: Community, attendees: IntList): void {
  const p = ctx.params;
  const rng = ctx.rng.suppliers;
  if (group.supplier < 0 || group.members.length === 0) return;
  const supplier = state.suppliers[group.supplier];
  let adopting = 0;
  for (let i = 0; i < attendees.length; i++) if (needsFunctionality(supplier, state.orgs[state.employer[attendees.items[i]]])) adopting += 1;
  let u = group.userAgenda;
  for (let i = 0; i + 1 < adopting; i += 2) {
    if (rng() < p.jointSpecification_prob) u += p.jointSpecificationAgenda_gain * p.userGroupOpenness_share * (1 - u);
  }
  const participation = attendees.length / group.members.length;
  const home = p.userGroupInitialUserAgenda_share;
  const held = home + (1 - home) * p.userGroupOpenness_share * participation;
  u -= p.supplierAgendaPull_share * (u - held);
  group.userAgenda = Math.min(1, Math.max(0, u));
  if (group.origin === Origin.supplier && group.userAgenda > 0.5) {
    changeForm(state, ctx, group, { origin: Origin.provider, influence: Influence.enable }, 'user_group_became_user_driven');
  } else if (group.origin === Origin.provider && group.userAgenda < SUPPLIER_AGENDA_BELOW) {
    changeForm(state, ctx, group, { origin: Origin.supplier, influence: Influence.control }, 'user_group_back_to_supplier_agenda');
  }
}

function pilotVisits(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.suppliers;
  // Built on the first visit of the month: most months some organization visits.
  let sites: ReferenceSites | undefined;
  for (const org of state.orgs) {
    for (let d = 0; d < org.stage.length; d++) {
      if (org.stage[d] !== Stage.procurement || rng() >= p.pilotVisit_probPerMonth) continue;
      sites ??= new ReferenceSites(state.orgs, state.suppliers.length, org.stage.length);
      const site = sites.siteFor(org, d);
      if (site < 0) continue;
      const reference = state.orgs[site];
      oneOff(state, ctx, {
        mode: Mode.pilotVisit,
        formality: Formality.informal,
        origin: Origin.supplier,
        influence: Influence.control,
        direction: Direction.oneWay,
        orgA: site,
        orgB: org.id,
        personA: -1,
        personB: -1,
        domain: d,
        endsAt: state.month,
        trust: 0,
      });
      transferBetween(ctx, p, reference, org, d, p.tacitTransfer_rate * p.pilotVisitDepth_share, p.codifiedTransfer_rate, Formality.informal);
      sites.raised(org, d);
      reference.timeUsed_hours += p.requestHandling_hours;
      // A pilot visit is a request the supplier sends to its reference site (burden asymmetry, P7).
      reference.requestsThisMonth += 1;
      if (rng() < p.supplierBrokerage_prob && org.staff.length > 0 && reference.staff.length > 0) {
        const visitor = org.staff[randInt(rng, org.staff.length)];
        const host = reference.staff[randInt(rng, reference.staff.length)];
        if (mayTie(state, ctx, visitor, host) && rng() < willingness(p, state.people[host], reference)) {
          formTie(state, ctx, {
            mode: Mode.directContact,
            formality: Formality.informal,
            origin: Origin.supplier,
            influence: Influence.trigger,
            direction: Direction.multi,
            orgA: site,
            orgB: org.id,
            personA: host,
            personB: visitor,
            domain: d,
            endsAt: Infinity,
            trust: p.initialTrust_index,
          }, 'brokered_by_supplier');
        }
      }
    }
  }
}

/** Roles that would run a user-led group for a module (pharmacists for e-prescribing, IT otherwise). */
function groupRoles(domain: number): readonly number[] {
  return domain === 1 ? [Role.pharmacist] : [Role.it, Role.cio];
}

function userLedGroups(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.suppliers;
  const nDomains = state.orgs[0].stage.length;
  // Adopters are counted per (supplier, module) and listed only where a group forms, which is
  // rare: most months no list is needed. The lists are in organization order, as before.
  const keys = state.suppliers.length * nDomains;
  const adopters = new Int32Array(keys);
  for (const org of state.orgs) {
    for (let d = 0; d < nDomains; d++) if (org.stage[d] === Stage.adoption) adopters[org.suppliers[d] * nDomains + d] += 1;
  }
  const existing = new Uint8Array(keys);
  for (const c of state.communities) {
    if (c.ended < 0 && c.mode === Mode.communityOfPractice && c.supplier >= 0) existing[c.supplier * nDomains + c.domain] = 1;
  }
  for (let key = 0; key < keys; key++) {
    if (adopters[key] < p.userLedGroupMinCustomers_count || existing[key] === 1) continue;
    if (rng() >= p.userLedGroupFormation_probPerMonth) continue;
    const supplier = Math.floor(key / nDomains);
    const domain = key % nDomains;
    const orgs: number[] = [];
    for (const org of state.orgs) if (org.stage[domain] === Stage.adoption && org.suppliers[domain] === supplier) orgs.push(org.id);
    const roles = groupRoles(domain);
    const members = orgs.map((id) => {
      const staff = state.orgs[id].staff;
      return staff.find((s) => roles.includes(state.people[s].role)) ?? staff[randInt(rng, staff.length)];
    });
    formCommunity(state, ctx, {
      name: `${state.suppliers[supplier].name} ${DOMAINS[domain]} user-led group`,
      mode: Mode.communityOfPractice,
      formality: Formality.periodic,
      origin: Origin.provider,
      influence: Influence.enable,
      domain,
      professionRoles: roles,
      supplier,
      launchedByProgramme: false,
      professionLed: false,
      fundedUntil: -1,
      endsAt: Infinity,
      meetingInterval: 2,
      userAgenda: 1,
    }, members);
  }
}
