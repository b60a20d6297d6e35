import { describe, expect, it } from 'vitest';
import { NO_EMPLOYER } from '../../../src/agents/individual.js';
import { EndReason, Formality, Influence, Mode, N_DOMAINS, Origin } from '../../../src/model/enums.js';
import { mobilityPhase } from '../../../src/model/mechanisms/mobility.js';
import type { State } from '../../../src/model/state.js';
import { world } from './fixtures.js';

/** Every employed person is listed in exactly their employer's staff, and nobody else is listed. */
function expectStaffConsistent(state: State): void {
  const listed = new Map<number, number>();
  for (const org of state.orgs) {
    for (const id of org.staff) {
      expect(listed.has(id)).toBe(false);
      listed.set(id, org.id);
    }
  }
  for (const person of state.people) {
    if (person.org >= 0) expect(listed.get(person.id)).toBe(person.org);
    else expect(listed.has(person.id)).toBe(false);
  }
  // The consultants' list (hiring and exits walk it) holds exactly the people with no employer, ascending.
  expect(state.consultants).toEqual(state.people.filter((x) => x.org === NO_EMPLOYER.consultant).map((x) => x.id));
}

function snapshot(state: State) {
  return {
    employer: state.people.map((x) => x.org),
    role: state.people.map((x) => x.role),
    staff: state.orgs.map((o) => o.staff.length),
    tacit: state.orgs.map((o) => Array.from(o.tacit)),
    people: state.people.length,
  };
}

describe('mobilityPhase', () => {
  it('a mover changes employer, the post is refilled in the same role, someone at the destination leaves, and a personnel_move tie forms to a former colleague', () => {
    const { state, ctx } = world({ mobility_probPerMonth: 0.03, becomeConsultant_share: 0 });
    const before = snapshot(state);
    ctx.events.clear();
    mobilityPhase(state, ctx);
    const movers = state.people.slice(0, before.people).filter((x) => x.org >= 0 && x.org !== before.employer[x.id]);
    const leavers = state.people.slice(0, before.people).filter((x) => x.org === NO_EMPLOYER.left);
    expect(movers.length).toBeGreaterThan(3);
    expect(leavers).toHaveLength(movers.length);
    expect(ctx.events.toArray().filter((e) => e.what === 'left_workforce')).toHaveLength(leavers.length);
    for (const x of leavers) expect(x.ties).toHaveLength(0);
    const replacements = state.people.slice(before.people);
    expect(replacements).toHaveLength(movers.length);
    const moves = state.ties.filter((t) => t.mode === Mode.personnelMove);
    for (const mover of movers) {
      const from = before.employer[mover.id];
      expect(mover.org).toBeGreaterThanOrEqual(0);
      expect(mover.org).not.toBe(from);
      expect(state.orgs[mover.org].staff).toContain(mover.id);
      expect(state.orgs[from].staff).not.toContain(mover.id);
      // The post is refilled: a new person in the same role at the old employer.
      expect(replacements.some((r) => r.org === from && r.role === mover.role)).toBe(true);
      // The colleague is drawn from the old staff and may be the mover, in which case no tie forms.
      const tie = moves.find((t) => t.personB === mover.id);
      if (!tie) continue;
      expect(tie.orgA).toBe(from);
      expect(tie.orgB).toBe(mover.org);
      expect(tie.personA).not.toBe(mover.id);
      expect(before.employer[tie.personA]).toBe(from);
      expect(tie.formality).toBe(Formality.informal);
      expect(tie.origin).toBe(Origin.individual);
      expect(tie.influence).toBe(Influence.enable);
      expect(tie.trust).toBe(0.6);
      // A colleague who later gives up a post to another mover takes the tie with them.
      if (tie.ended >= 0) expect(tie.endReason).toBe(EndReason.personLeft);
    }
    expect(moves.length).toBeGreaterThan(movers.length / 2);
    expect(moves.every((t) => movers.some((m) => m.id === t.personB))).toBe(true);
    expectStaffConsistent(state);
  });

  it('every organization keeps its number of posts', () => {
    const { state, ctx } = world({ mobility_probPerMonth: 0.03, becomeConsultant_share: 0.3 });
    const before = snapshot(state);
    mobilityPhase(state, ctx);
    state.orgs.forEach((org, i) => expect(org.staff.length).toBe(before.staff[i]));
    expectStaffConsistent(state);
  });

  it('the number of employed people holds across moves', () => {
    const { state, ctx } = world({ mobility_probPerMonth: 0.03, becomeConsultant_share: 0 });
    const employed = () => state.people.filter((x) => x.org >= 0).length;
    const before = employed();
    mobilityPhase(state, ctx);
    expect(employed()).toBe(before);
  });

  it('the leaver\'s organization loses turnoverTacitLoss_share of its tacit know-how', () => {
    const { state, ctx, params: p } = world({ mobility_probPerMonth: 0.01, becomeConsultant_share: 1 });
    const before = snapshot(state);
    mobilityPhase(state, ctx);
    const leavers = state.people.slice(0, before.people).filter((x) => x.org !== before.employer[x.id]);
    expect(leavers.length).toBeGreaterThan(0);
    const left = new Map<number, number>();
    for (const x of leavers) left.set(before.employer[x.id], (left.get(before.employer[x.id]) ?? 0) + 1);
    for (const org of state.orgs) {
      const k = left.get(org.id) ?? 0;
      for (let d = 0; d < N_DOMAINS; d++) expect(org.tacit[d]).toBeCloseTo(before.tacit[org.id][d] * (1 - p.turnoverTacitLoss_share) ** k, 12);
    }
  });

  it('tells the communities of everyone who loses their employer (to consultancy or out of the workforce)', () => {
    const { state, ctx } = world({ mobility_probPerMonth: 0.2, becomeConsultant_share: 0.5 });
    for (const c of state.communities) c.memberLostEmployer = false;
    mobilityPhase(state, ctx);
    const lost = state.people.filter((x) => x.org < 0 && x.memberships.length > 0);
    expect(lost.some((x) => x.org === NO_EMPLOYER.consultant)).toBe(true);
    expect(lost.some((x) => x.org === NO_EMPLOYER.left)).toBe(true);
    for (const x of lost) for (const c of x.memberships) expect(state.communities[c].memberLostEmployer).toBe(true);
  });

  it('some leavers become consultants carrying their former employer\'s know-how and systems', () => {
    const { state, ctx } = world({ mobility_probPerMonth: 0.01, becomeConsultant_share: 1 });
    const before = snapshot(state);
    ctx.events.clear();
    mobilityPhase(state, ctx);
    const leavers = state.people.slice(0, before.people).filter((x) => x.org !== before.employer[x.id]);
    expect(leavers.length).toBeGreaterThan(0);
    for (const x of leavers) {
      const from = state.orgs[before.employer[x.id]];
      expect(x.org).toBe(-1);
      expect(x.carriedTacit).not.toBeNull();
      expect(Array.from(x.carriedSuppliers!)).toEqual(Array.from(from.suppliers));
      for (let d = 0; d < N_DOMAINS; d++) expect(x.carriedTacit![d]).toBeLessThanOrEqual(before.tacit[from.id][d]);
    }
    expect(ctx.events.toArray().filter((e) => e.what === 'became_consultant')).toHaveLength(leavers.length);
    expect(state.ties.filter((t) => t.mode === Mode.personnelMove)).toHaveLength(0);
    expectStaffConsistent(state);
  });

  it('a mover carries tacit know-how to the new employer where the old one was ahead, never more than the gap', () => {
    const { state, ctx } = world({ mobility_probPerMonth: 0.03, becomeConsultant_share: 0 });
    const before = snapshot(state);
    mobilityPhase(state, ctx);
    const destinations = new Set(state.people.slice(0, before.people).filter((x) => x.org !== before.employer[x.id]).map((x) => x.org));
    let gained = 0;
    for (const org of state.orgs) {
      for (let d = 0; d < N_DOMAINS; d++) {
        const delta = org.tacit[d] - before.tacit[org.id][d];
        if (delta > 1e-15) {
          expect(destinations.has(org.id)).toBe(true);
          gained += delta;
        }
      }
    }
    expect(gained).toBeGreaterThan(0);
    expect(ctx.flows[Formality.informal * 2 + 1]).toBeGreaterThan(0);
  });

  it('nobody moves with mobility_probPerMonth 0', () => {
    const { state, ctx } = world({ mobility_probPerMonth: 0 });
    const before = snapshot(state);
    mobilityPhase(state, ctx);
    expect(state.people).toHaveLength(before.people);
    expect(state.people.map((x) => x.org)).toEqual(before.employer);
  });

  // BUG (src/model/mechanisms/mobility.ts, `if (!best) continue;`): when none of the eight
  // sampled destinations has a positive weight (exp(-km / mobilityDistance_km) underflows to 0
  // beyond ~745 * mobilityDistance_km, or every draw hits the leaver's own organization), the
  // person has already been removed from the old staff list and replaced, but keeps
  // person.org = the old employer: an employed person listed in no organization's staff.
  it('a person who finds no destination stays listed with an employer (no orphaned staff)', () => {
    const { state, ctx } = world({ mobility_probPerMonth: 0.05, becomeConsultant_share: 0, mobilityDistance_km: 1 });
    // Every organization 5,000 km or more from every other.
    state.orgs.forEach((o, i) => Object.assign(o, { x_km: 5000 * i, y_km: 0 }));
    mobilityPhase(state, ctx);
    expectStaffConsistent(state);
  });
});
