import { describe, expect, it } from 'vitest';
import { CareSetting, Role } from '../../../src/model/enums.js';
import { createIndividual, drawRole, memberShare } from '../../../src/model/population/staff.js';
import { makeRng } from '../../../src/model/rng.js';
import { world } from '../mechanisms/fixtures.js';

describe('createStaff', () => {
  it('every organization has staff (at least 3), each listed person employed there', () => {
    const { state } = world();
    for (const org of state.orgs) {
      expect(org.staff.length).toBeGreaterThanOrEqual(3);
      for (const id of org.staff) expect(state.people[id].org).toBe(org.id);
    }
    const listed = state.orgs.reduce((s, o) => s + o.staff.length, 0);
    expect(state.people.filter((x) => x.org >= 0)).toHaveLength(listed);
    state.people.forEach((x, i) => expect(x.id).toBe(i));
  });

  it('an organization has one CCIO (CNIO) exactly when it has the post', () => {
    const { state } = world();
    for (const org of state.orgs) {
      const roles = org.staff.map((id) => state.people[id].role);
      expect(roles.filter((r) => r === Role.ccio)).toHaveLength(org.hasCcio ? 1 : 0);
      expect(roles.filter((r) => r === Role.cnio)).toHaveLength(org.hasCnio ? 1 : 0);
    }
  });

  it('ambulance services have no pharmacists', () => {
    const rng = makeRng('roles');
    for (let i = 0; i < 2000; i++) expect(drawRole(rng, CareSetting.ambulance)).not.toBe(Role.pharmacist);
  });

  it('staff grow with staffPerOrganization_mean', () => {
    const few = world({ staffPerOrganization_mean: 4 }).state.people.filter((x) => x.org >= 0).length;
    const many = world({ staffPerOrganization_mean: 16 }).state.people.filter((x) => x.org >= 0).length;
    expect(many).toBeGreaterThan(2.5 * few);
  });
});

describe('createConsultants', () => {
  it('creates initialConsultants_count consultants carrying some organization\'s know-how and systems', () => {
    const { state, params } = world();
    const consultants = state.people.filter((x) => x.org === -1);
    expect(consultants).toHaveLength(params.initialConsultants_count);
    for (const c of consultants) {
      const former = state.orgs.find((o) => Array.from(o.tacit).every((t, d) => t === c.carriedTacit![d]));
      expect(former).toBeDefined();
      expect(Array.from(c.carriedSuppliers!)).toEqual(Array.from(former!.suppliers));
      expect(c.engagedUntil).toBe(-1);
    }
  });
});

describe('createIndividual', () => {
  it('draws traits in [0, 1], untrained, with no ties', () => {
    const rng = makeRng('p');
    const p = world().params;
    for (let i = 0; i < 500; i++) {
      const x = createIndividual(rng, i, 0, i % 11, p);
      for (const t of [x.intrinsic, x.extrinsic, x.ownership, x.uncertainty]) {
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(1);
      }
      expect(x.trained).toBe(false);
      expect(x.ties).toEqual([]);
      expect(x.memberships).toEqual([]);
      expect(x.role).toBe(i % 11);
    }
  });

  it('only people created at set-up start in the professional network, at their steady-state share', () => {
    const p = world({ professionalNetworkJoin_probPerMonth: 1, professionalNetworkLeave_probPerMonth: 0, mobility_probPerMonth: 0 }).params;
    const rng = makeRng('q');
    expect(createIndividual(rng, 0, 0, Role.it, p, true).professionalMember).toBe(true);
    expect(createIndividual(rng, 1, 0, Role.it, p, false).professionalMember).toBe(false);
    expect(createIndividual(rng, 2, 0, Role.it, p).professionalMember).toBe(false);
    const none = world({ professionalNetworkJoin_probPerMonth: 0 }).params;
    expect(createIndividual(rng, 3, 0, Role.it, none, true).professionalMember).toBe(false);
  });

  it('the steady-state share is joining over joining plus leaving, higher for the intrinsically motivated', () => {
    const p = world().params;
    const j = p.professionalNetworkJoin_probPerMonth * 1.0;
    const l = p.professionalNetworkLeave_probPerMonth * 1.0 + p.mobility_probPerMonth;
    expect(memberShare(p, 0.5)).toBeCloseTo(j / (j + l), 12);
    expect(memberShare(p, 0.9)).toBeGreaterThan(memberShare(p, 0.2));
  });

  it('leaders lean to status motives and professional roles to community motives', () => {
    const rng = makeRng('traits');
    const p = world().params;
    const mean = (role: number, trait: 'intrinsic' | 'extrinsic') => {
      let s = 0;
      for (let i = 0; i < 3000; i++) s += createIndividual(rng, i, 0, role, p)[trait];
      return s / 3000;
    };
    expect(mean(Role.cio, 'intrinsic') - mean(Role.it, 'intrinsic')).toBeGreaterThan(0.08);
    expect(mean(Role.pharmacist, 'extrinsic') - mean(Role.it, 'extrinsic')).toBeGreaterThan(0.08);
  });
});
