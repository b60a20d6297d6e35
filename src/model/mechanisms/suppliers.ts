import { Direction, DOMAINS, Formality, Influence, Mode, Origin, Role, Stage } from '../enums.js';
import { changeForm, formCommunity, formTie, oneOff, mayTie } from '../relationships.js';
import { randInt } from '../rng.js';
import type { State, StepContext } from '../state.js';
import { transferBetween } from './knowledge.js';
import { ReferenceSites } from './referenceSites.js';
import { willingness } from './willingness.js';

/**
 * Suppliers (phase 4). At each user-group meeting, customers facing the same need may write a
 * joint specification, which moves agenda control from supplier to users (001 Spectrum, Site_D;
 * 001 Macroenvironmental); past half, the group is user-driven (a change of form). Customers in
 * procurement get chaperoned pilot visits to a reference site (shallow tacit transfer), some of
 * which leave a brokered personal contact. Where enough customers of one supplier are adopting
 * the same module and have no group of their own, they may set up a user-led group.
 */
export function supplierPhase(state: State, ctx: StepContext): void {
  userGroupAgendas(state, ctx);
  pilotVisits(state, ctx);
  userLedGroups(state, ctx);
}

function userGroupAgendas(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.suppliers;
  for (const supplier of state.suppliers) {
    if (supplier.userGroup < 0) continue;
    const group = state.communities[supplier.userGroup];
    if (group.ended >= 0 || (state.month - group.formed) % group.meetingInterval !== 0) continue;
    // Only how many members are adopting matters: one joint specification per two of them.
    let adopting = 0;
    const domains = supplier.domains;
    for (const person of group.members) {
      if (state.people[person].org < 0) continue;
      const org = state.orgs[state.people[person].org];
      for (let k = 0; k < domains.length; k++) {
        if (org.suppliers[domains[k]] === supplier.id && org.stage[domains[k]] === Stage.adoption) {
          adopting += 1;
          break;
        }
      }
    }
    for (let i = 0; i + 1 < adopting; i += 2) {
      if (rng() < p.jointSpecification_prob) {
        group.userAgenda = Math.min(1, group.userAgenda + p.jointSpecificationAgenda_gain * p.userGroupOpenness_share);
      }
    }
    if (group.origin === Origin.supplier && group.userAgenda > 0.5) {
      changeForm(state, ctx, group, { origin: Origin.provider, influence: Influence.enable }, 'user_group_became_user_driven');
    }
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
  const adopters: number[][] = Array.from({ length: state.suppliers.length * nDomains }, () => []);
  for (const org of state.orgs) {
    for (let d = 0; d < nDomains; d++) if (org.stage[d] === Stage.adoption) adopters[org.suppliers[d] * nDomains + d].push(org.id);
  }
  const existing = new Set<number>();
  for (const c of state.communities) {
    if (c.ended < 0 && c.mode === Mode.communityOfPractice && c.supplier >= 0) existing.add(c.supplier * nDomains + c.domain);
  }
  for (let key = 0; key < adopters.length; key++) {
    const orgs = adopters[key];
    if (orgs.length < p.userLedGroupMinCustomers_count || existing.has(key)) continue;
    if (rng() >= p.userLedGroupFormation_probPerMonth) continue;
    const supplier = Math.floor(key / nDomains);
    const domain = key % nDomains;
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
