import { describe, expect, it } from 'vitest';
import { Status } from '../../../src/model/enums.js';
import { programmePhase } from '../../../src/model/programme/index.js';
import { networkLaunchMonths } from '../../../src/model/programme/networks.js';
import { world } from '../mechanisms/fixtures.js';

function runTo(w: ReturnType<typeof world>, last: number): void {
  for (let t = 0; t <= last; t++) {
    w.state.month = t;
    programmePhase(w.state, w.ctx);
  }
}

describe('programmePhase', () => {
  it('selects participants at the start and pairs them after the lead time', () => {
    const w = world({ programmeStart_month: 2, pairingLeadTime_months: 3, fundingEnd_month: 40 });
    runTo(w, 1);
    expect(w.state.programme.exemplars).toHaveLength(0);
    runTo(w, 2);
    expect(w.state.programme.exemplars.length).toBeGreaterThan(0);
    expect(w.ctx.events.toArray().filter((e) => e.what === 'programme_started')).toHaveLength(1);
    w.state.month = 4;
    programmePhase(w.state, w.ctx);
    expect(w.state.programme.pairings).toHaveLength(0);
    w.state.month = 5;
    programmePhase(w.state, w.ctx);
    expect(w.state.programme.pairings).toHaveLength(w.state.programme.followers.length);
  });

  it('launches the learning networks and academy cohorts on schedule', () => {
    const w = world({ fundingEnd_month: 40, academyStart_month: 5, academyCohortInterval_months: 6, academyCohorts_count: 3 });
    const last = Math.max(...networkLaunchMonths(w.params), 5 + 2 * 6);
    runTo(w, last);
    expect(w.state.programme.learningNetworks).toHaveLength(w.params.learningNetworks_count);
    expect(w.state.programme.academyCohorts.map((id) => w.state.communities[id].formed)).toEqual([5, 11, 17]);
  });

  it('spends grants, national and academy budgets evenly over the funded months, and nothing after', () => {
    const w = world({ fundingEnd_month: 24, academyStart_month: 2, academyCohorts_count: 2, academyCohortInterval_months: 5 });
    const p = w.params;
    runTo(w, 3);
    const months = p.fundingEnd_month - p.programmeStart_month;
    const grants = w.state.orgs.filter((o) => o.status !== Status.outside).reduce((s, o) => s + o.grant_gbp, 0);
    expect(w.state.programme.spendGrants_gbp).toBeCloseTo(grants / months, 6);
    expect(w.state.programme.spendNational_gbp).toBeCloseTo(p.nationalActivitiesBudget_gbp / months, 6);
    expect(w.state.programme.spendAcademy_gbp).toBeCloseTo(p.academyBudget_gbp / 10, 6);
    w.state.month = 12; // after the academy window (2..11)
    programmePhase(w.state, w.ctx);
    expect(w.state.programme.spendAcademy_gbp).toBe(0);
    w.state.month = p.fundingEnd_month;
    programmePhase(w.state, w.ctx);
    expect(w.ctx.events.toArray().filter((e) => e.what === 'national_funding_ended')).toHaveLength(1);
    expect(w.state.programme.spendGrants_gbp).toBe(0);
    expect(w.state.programme.spendNational_gbp).toBe(0);
  });

  it('without a programme: no selection, no spend, but new roles still appear', () => {
    const w = world({ programmeActive_flag: 0, newRole_probPerMonth: 0.2 });
    const people = w.state.people.length;
    runTo(w, 12);
    expect(w.state.programme.exemplars).toHaveLength(0);
    expect(w.state.programme.learningNetworks).toHaveLength(0);
    expect(w.state.orgs.every((o) => o.status === Status.outside && o.fundedUntil === -1)).toBe(true);
    expect(w.state.programme.spendGrants_gbp + w.state.programme.spendNational_gbp + w.state.programme.spendAcademy_gbp).toBe(0);
    expect(w.state.people.length).toBeGreaterThan(people);
  });
});
