import { describe, expect, it } from 'vitest';
import { Role } from '../../../src/model/enums.js';
import { newRolesPhase } from '../../../src/model/programme/roles.js';
import { constant, withRng, world } from '../mechanisms/fixtures.js';

describe('newRolesPhase', () => {
  /** All organizations lack both posts; organizations with an even id are funded. */
  function setup(draw: number, overrides: Record<string, number> = {}) {
    const w = world({ newRole_probPerMonth: 0.02, fundedNewRole_ratio: 3, ...overrides });
    for (const org of w.state.orgs) {
      org.hasCcio = false;
      org.hasCnio = false;
      org.fundedUntil = org.id % 2 === 0 ? 50 : -1;
    }
    w.ctx.events.clear();
    return { ...w, ctx: withRng(w.ctx, { programme: constant(draw) }) };
  }

  it('CCIO and CNIO posts appear faster when funded: at a draw between the two rates only funded ones appoint', () => {
    const { state, ctx } = setup(0.05);
    const before = state.people.length;
    newRolesPhase(state, ctx);
    for (const org of state.orgs) {
      expect(org.hasCcio).toBe(org.id % 2 === 0);
      expect(org.hasCnio).toBe(org.id % 2 === 0);
    }
    const funded = state.orgs.filter((o) => o.id % 2 === 0).length;
    expect(state.people.length - before).toBe(2 * funded);
  });

  it('a new post is a new person in that role on the organization\'s staff, with an event', () => {
    const { state, ctx } = setup(0.01);
    const org = state.orgs[1];
    const staff = org.staff.length;
    newRolesPhase(state, ctx);
    expect(org.staff).toHaveLength(staff + 2);
    const added = org.staff.slice(-2).map((id) => state.people[id]);
    expect(added.map((x) => x.role).sort()).toEqual([Role.ccio, Role.cnio].sort());
    for (const x of added) expect(x.org).toBe(org.id);
    expect(ctx.events.toArray().filter((e) => e.what === 'ccio_appointed' && e.orgA === org.id)).toHaveLength(1);
    expect(ctx.events.toArray().filter((e) => e.what === 'cnio_appointed' && e.orgA === org.id)).toHaveLength(1);
  });

  it('an organization with the post does not appoint another', () => {
    const { state, ctx } = setup(0);
    for (const org of state.orgs) {
      org.hasCcio = true;
      org.hasCnio = true;
    }
    const before = state.people.length;
    newRolesPhase(state, ctx);
    expect(state.people).toHaveLength(before);
  });

  it('over months, funded organizations appoint more (real draws)', () => {
    const w = world({ newRole_probPerMonth: 0.02, fundedNewRole_ratio: 3 });
    for (const org of w.state.orgs) {
      org.hasCcio = false;
      org.fundedUntil = org.id % 2 === 0 ? 50 : -1;
    }
    for (let t = 0; t < 12; t++) {
      w.state.month = t;
      newRolesPhase(w.state, w.ctx);
    }
    const share = (even: boolean) => w.state.orgs.filter((o) => (o.id % 2 === 0) === even && o.hasCcio).length;
    expect(share(true)).toBeGreaterThan(share(false));
  });
});
