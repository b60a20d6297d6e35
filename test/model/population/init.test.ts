import { describe, expect, it } from 'vitest';
import { Formality, Influence, Mode, Origin } from '../../../src/model/enums.js';
import { initState } from '../../../src/model/population/init.js';
import { createStreams } from '../../../src/model/rng.js';
import { createContext } from '../../../src/model/state.js';
import { world } from '../mechanisms/fixtures.js';

describe('initState', () => {
  it('starts at month 0 with no ties, no participants and an empty pair record', () => {
    const { state } = world();
    expect(state.month).toBe(0);
    expect(state.ties).toHaveLength(0);
    expect(state.activeTies).toHaveLength(0);
    expect(state.programme.exemplars).toHaveLength(0);
    expect(state.pairEver.size).toBe(0);
    expect(state.programme.active).toBe(true);
    expect(world({ programmeActive_flag: 0 }).state.programme.active).toBe(false);
  });

  it('forms the independent professional network from the initial members', () => {
    const { state } = world();
    const pn = state.communities[state.professionalNetwork];
    expect(pn.mode).toBe(Mode.professionalNetwork);
    expect(pn.origin).toBe(Origin.intermediary);
    expect(pn.formality).toBe(Formality.periodic);
    const members = state.people.filter((x) => x.professionalMember && x.org >= 0).map((x) => x.id);
    expect([...pn.members].sort((a, b) => a - b)).toEqual(members);
    expect(members.length).toBeGreaterThan(0);
  });

  it('forms a supplier-controlled user group for each supplier with at least three customer organizations', () => {
    const { state, params } = world();
    for (const supplier of state.suppliers) {
      const customers = state.orgs.filter((o) => supplier.domains.some((d) => o.suppliers[d] === supplier.id));
      if (customers.length < 3) {
        expect(supplier.userGroup).toBe(-1);
        continue;
      }
      const g = state.communities[supplier.userGroup];
      expect(g.mode).toBe(Mode.userGroup);
      expect(g.origin).toBe(Origin.supplier);
      expect(g.influence).toBe(Influence.control);
      expect(g.supplier).toBe(supplier.id);
      expect(g.userAgenda).toBe(params.userGroupInitialUserAgenda_share);
      expect(g.members).toHaveLength(customers.length);
      expect(new Set(g.members.map((m) => state.people[m].org))).toEqual(new Set(customers.map((o) => o.id)));
    }
  });

  it('uses only the set-up stream: the dynamic streams are untouched', () => {
    const p = world().params;
    const streams = createStreams('iso');
    initState(p, createContext(p, streams));
    const fresh = createStreams('iso');
    for (const name of ['programme', 'projects', 'search', 'ties', 'communities', 'suppliers', 'mobility'] as const) expect(streams[name]()).toBe(fresh[name]());
  });

  it('is reproducible from the seed', () => {
    const a = world({}, 'same').state;
    const b = world({}, 'same').state;
    expect(a.orgs.map((o) => Array.from(o.tacit))).toEqual(b.orgs.map((o) => Array.from(o.tacit)));
    expect(a.people.map((x) => x.intrinsic)).toEqual(b.people.map((x) => x.intrinsic));
    const c = world({}, 'other').state;
    expect(c.orgs.map((o) => Array.from(o.tacit))).not.toEqual(a.orgs.map((o) => Array.from(o.tacit)));
  });
});
