import { describe, expect, it } from 'vitest';
import { Formality, Influence, Mode, Origin, Role, Status } from '../../../src/model/enums.js';
import { launchNetwork, networkLaunchMonths } from '../../../src/model/programme/networks.js';
import { selectParticipants } from '../../../src/model/programme/selection.js';
import { world } from '../mechanisms/fixtures.js';

function launched(overrides: Record<string, number> = {}) {
  const w = world(overrides);
  selectParticipants(w.state, w.ctx);
  const months = networkLaunchMonths(w.params);
  months.forEach((m, k) => {
    w.state.month = m;
    launchNetwork(w.state, w.ctx, k);
  });
  const networks = w.state.programme.learningNetworks.map((id) => w.state.communities[id]);
  return { ...w, months, networks };
}

describe('networkLaunchMonths', () => {
  it('spreads learningNetworks_count launches from the pairing month to the programme\'s half-way point', () => {
    const w = world();
    const p = w.params;
    const months = networkLaunchMonths(p);
    const first = p.programmeStart_month + p.pairingLeadTime_months;
    const half = p.programmeStart_month + Math.floor((p.fundingEnd_month - p.programmeStart_month) / 2);
    expect(months).toHaveLength(p.learningNetworks_count);
    expect(months[0]).toBe(first);
    expect(months[months.length - 1]).toBe(half);
    for (let k = 1; k < months.length; k++) expect(months[k]).toBeGreaterThanOrEqual(months[k - 1]);
    for (const m of months) expect(m).toBeLessThanOrEqual(half);
  });

  it('handles one and no networks', () => {
    const one = world({ learningNetworks_count: 1, professionLedNetworks_count: 0 }).params;
    expect(networkLaunchMonths(one)).toEqual([one.programmeStart_month + one.pairingLeadTime_months]);
    expect(networkLaunchMonths(world({ learningNetworks_count: 0, professionLedNetworks_count: 0 }).params)).toEqual([]);
  });

  it('launches in the first half of a later programme too', () => {
    const p = world({ programmeStart_month: 12, fundingEnd_month: 60, pairingLeadTime_months: 3 }).params;
    const months = networkLaunchMonths(p);
    expect(Math.min(...months)).toBe(15);
    expect(Math.max(...months)).toBe(36);
  });
});

describe('launchNetwork', () => {
  it('launches programme learning networks: periodic, policy origin, enable, funded until funding ends', () => {
    const { state, params: p, networks } = launched();
    expect(networks).toHaveLength(p.learningNetworks_count);
    for (const c of networks) {
      expect(c.mode).toBe(Mode.learningNetwork);
      expect(c.formality).toBe(Formality.periodic);
      expect(c.origin).toBe(Origin.policy);
      expect(c.influence).toBe(Influence.enable);
      expect(c.launchedByProgramme).toBe(true);
      expect(c.fundedUntil).toBe(p.fundingEnd_month);
      expect(c.endsAt).toBe(Infinity);
      expect(c.meetingInterval).toBe(p.learningNetworkMeetingInterval_months);
      expect(new Set(c.members).size).toBe(c.members.length);
      for (const person of c.members) expect(state.people[person].memberships).toContain(c.id);
    }
  });

  it('professionLedNetworks_count of them are profession-led, with professionRoles; the rest have none', () => {
    const { params: p, networks } = launched();
    const led = networks.filter((c) => c.professionLed);
    expect(led).toHaveLength(p.professionLedNetworks_count);
    for (const c of led) expect(c.professionRoles.length).toBeGreaterThan(0);
    for (const c of networks.filter((x) => !x.professionLed)) expect(c.professionRoles).toEqual([]);
    expect(led.some((c) => c.professionRoles.includes(Role.pharmacist))).toBe(true);
  });

  it('every participating organization sends a member to every network', () => {
    const { state, networks } = launched();
    for (const c of networks) {
      const orgs = new Set(c.members.map((m) => state.people[m].org));
      for (const org of state.orgs) if (org.status !== Status.outside) expect(orgs.has(org.id)).toBe(true);
    }
  });

  it('participants send people of the network\'s roles where they have them; outsiders join only in those roles', () => {
    const { state, networks } = launched();
    for (const c of networks.filter((x) => x.professionLed)) {
      for (const person of c.members) {
        const who = state.people[person];
        const org = state.orgs[who.org];
        const hasRole = org.staff.some((id) => c.professionRoles.includes(state.people[id].role));
        if (org.status === Status.outside || hasRole) expect(c.professionRoles).toContain(who.role);
      }
    }
  });

  it('profession-led networks draw more outsiders than central ones', () => {
    const { state, networks } = launched({ professionOutsideJoin_prob: 1, networkOutsideJoin_prob: 0 });
    const outsiders = (c: (typeof networks)[number]) => c.members.filter((m) => state.orgs[state.people[m].org].status === Status.outside).length;
    // With a join chance of 1, every outsider of the profession joins its network (a profession may
    // have nobody outside in a small world); central networks, at chance 0, draw none.
    const ofProfession = (c: (typeof networks)[number]) =>
      state.orgs.filter((o) => o.status === Status.outside).reduce((n, o) => n + o.staff.filter((id) => c.professionRoles.includes(state.people[id].role)).length, 0);
    let professionOutsiders = 0;
    for (const c of networks) {
      if (c.professionLed) {
        expect(outsiders(c)).toBe(ofProfession(c));
        professionOutsiders += outsiders(c);
      } else expect(outsiders(c)).toBe(0);
    }
    expect(professionOutsiders).toBeGreaterThan(0);
  });
});
