import { describe, expect, it } from 'vitest';
import { setKnowledge } from '../../../src/agents/organization.js';
import { Direction, EndReason, Formality, Influence, Mode, Origin, Stage } from '../../../src/model/enums.js';
import { equilibriumShare, intermediaryPhase, widerPool } from '../../../src/model/mechanisms/intermediaries.js';
import type { State, StepContext } from '../../../src/model/state.js';
import { tiePhase } from '../../../src/model/mechanisms/ties.js';
import { constant, setStages, withParams, withRng, world } from './fixtures.js';

/** Organization 0 adopts the EPR with low capability; nobody else has a project; every draw succeeds. */
function setup(overrides: Record<string, number> = {}) {
  const w = world({ professionalNetworkJoin_probPerMonth: 0, ...overrides });
  for (const org of w.state.orgs) setStages(org, Stage.none);
  const client = w.state.orgs[0];
  const a = w.params.codifiedWeight_exponent;
  client.stage[0] = Stage.adoption;
  client.absorptive = 0.5;
  setKnowledge(client, 0, 0.2, 0.1, a);
  const consultants = w.state.people.filter((x) => x.org === -1 && x.carriedTacit !== null);
  // One consultant clearly the best: high know-how on the client's own system.
  const best = consultants[0];
  for (const c of consultants) c.carriedTacit![0] = 0.3;
  best.carriedTacit![0] = 0.8;
  best.carriedSuppliers![0] = client.suppliers[0];
  return { ...w, client, best, consultants, a, ctx0: withRng(w.ctx, { communities: constant(0) }) };
}

describe('intermediaryPhase: consultancy', () => {
  it('hires the consultant whose carried know-how helps most: a formal, intermediary-origin engagement for consultancyTerm_months', () => {
    const { state, ctx0, params: p, client, best } = setup();
    ctx0.events.clear();
    intermediaryPhase(state, ctx0);
    const engagements = state.ties.filter((t) => t.mode === Mode.consultancy);
    expect(engagements).toHaveLength(1);
    const e = engagements[0];
    expect(e.formality).toBe(Formality.formal);
    expect(e.origin).toBe(Origin.intermediary);
    expect(e.influence).toBe(Influence.enable);
    expect(e.direction).toBe(Direction.oneWay);
    expect(e.personA).toBe(best.id);
    expect(e.orgB).toBe(client.id);
    expect(e.domain).toBe(0);
    expect(e.endsAt).toBe(state.month + p.consultancyTerm_months);
    expect(best.engagedUntil).toBe(state.month + p.consultancyTerm_months);
    const fee = p.consultancyDays_count * p.consultancyDayRate_gbp;
    expect(state.programme.spendConsultancy_gbp).toBe(fee);
    expect(state.programme.spendNational_gbp).toBe(0);
    expect(ctx0.events.toArray().find((x) => x.what === 'consultancy')?.detail).toBe(`fee_gbp=${fee}`);
  });

  it('a subsidy puts its share of the fee on the national budget', () => {
    const { state, ctx0, params: p } = setup({ consultancySubsidy_share: 0.5 });
    intermediaryPhase(state, ctx0);
    expect(state.programme.spendNational_gbp).toBe(0.5 * p.consultancyDays_count * p.consultancyDayRate_gbp);
  });

  it('a subsidy neither raises hiring nor costs anything in the spin-up, the decade before 2017', () => {
    // The hiring draw: 0.3 misses at the plain chance and hits at the subsidised one (x 1 + 2 x 0.5).
    const chance = (p: { consultancyHire_probPerMonth: number }) => p.consultancyHire_probPerMonth * (1 - 0.2 ** 0.35 * 0.1 ** 0.65);
    for (const spinningUp of [false, true]) {
      const { state, ctx, params: p } = setup({ consultancySubsidy_share: 0.5, consultancyHire_probPerMonth: 0.2 });
      const draw = (chance(p) + 2 * chance(p)) / 2;
      state.spinningUp = spinningUp;
      intermediaryPhase(state, withRng(ctx, { communities: constant(draw) }));
      expect(state.ties.filter((t) => t.mode === Mode.consultancy)).toHaveLength(spinningUp ? 0 : 1);
      expect(state.programme.spendNational_gbp).toBe(spinningUp ? 0 : 0.5 * p.consultancyDays_count * p.consultancyDayRate_gbp);
    }
  });

  it('transfers tacit know-how from the consultant\'s carried knowledge each month, and no codified knowledge', () => {
    const { state, ctx0, params: p, client } = setup();
    intermediaryPhase(state, ctx0);
    state.month += 1;
    intermediaryPhase(state, ctx0);
    expect(client.tacit[0]).toBeCloseTo(0.1 + p.consultancyTacit_rate * 0.5 * (0.8 - 0.1), 12);
    expect(client.codified[0]).toBe(0.2);
    expect(ctx0.flows[Formality.formal * 2 + 1]).toBeCloseTo(p.consultancyTacit_rate * 0.5 * 0.7, 12);
  });

  it('know-how carried from another supplier\'s system counts at crossSupplierRelevance_share', () => {
    const { state, ctx0, params: p, client, best } = setup();
    best.carriedSuppliers![0] = client.suppliers[0] + 1;
    for (const c of state.people) if (c !== best && c.carriedTacit) c.carriedTacit[0] = 0;
    intermediaryPhase(state, ctx0);
    state.month += 1;
    intermediaryPhase(state, ctx0);
    expect(client.tacit[0]).toBeCloseTo(0.1 + p.consultancyTacit_rate * 0.5 * p.crossSupplierRelevance_share * 0.7, 12);
  });

  it('ends at its term (term_over), and the consultant takes on the client\'s know-how where it is ahead', () => {
    const { state, ctx0, params: p, client, best, a } = setup();
    intermediaryPhase(state, ctx0);
    const e = state.ties.find((t) => t.mode === Mode.consultancy)!;
    setKnowledge(client, 0, 0.9, 0.95, a);
    for (let t = state.month + 1; t <= e.endsAt; t++) {
      state.month = t;
      intermediaryPhase(state, withParams(ctx0, { consultancyHire_probPerMonth: 0 }));
      tiePhase(state, ctx0);
    }
    expect(e.ended).toBe(state.month);
    expect(e.endReason).toBe(EndReason.termOver);
    expect(best.carriedTacit![0]).toBe(0.95);
    expect(p.consultancyTerm_months).toBeGreaterThan(0);
  });

  it('an engaged consultant is not hired again until the engagement ends', () => {
    const { state, ctx0, consultants, best } = setup();
    for (const c of consultants) if (c !== best) c.carriedTacit![0] = 0;
    intermediaryPhase(state, ctx0);
    const second = state.orgs[1];
    second.stage[0] = Stage.adoption;
    second.suppliers[0] = state.orgs[0].suppliers[0];
    setKnowledge(second, 0, 0.1, 0.1, ctx0.params.codifiedWeight_exponent);
    state.month += 1;
    intermediaryPhase(state, ctx0);
    expect(state.ties.filter((t) => t.mode === Mode.consultancy)).toHaveLength(1);
  });

  it('no hire at capability 0.5 or more, nor outside adoption', () => {
    const capable = setup();
    setKnowledge(capable.client, 0, 0.6, 0.6, capable.a);
    intermediaryPhase(capable.state, capable.ctx0);
    expect(capable.state.ties).toHaveLength(0);
    const procuring = setup();
    procuring.client.stage[0] = Stage.procurement;
    intermediaryPhase(procuring.state, procuring.ctx0);
    expect(procuring.state.ties).toHaveLength(0);
  });

  it('no hire when no consultant knows more than the client', () => {
    const { state, ctx0, consultants, client, a } = setup();
    for (const c of consultants) c.carriedTacit![0] = 0.05;
    setKnowledge(client, 0, 0.2, 0.1, a);
    intermediaryPhase(state, ctx0);
    expect(state.ties).toHaveLength(0);
  });
});

describe('intermediaryPhase: professional network', () => {
  const months = (state: State, ctx: StepContext, n: number) => {
    for (let t = 0; t < n; t++) {
      intermediaryPhase(state, ctx);
      state.month += 1;
    }
  };

  it('starts at its steady state: joining balances leaving, for staff and the wider pool', () => {
    // No moves here (the mobility phase does not run), so none are expected at set-up either.
    const { state, ctx, params: p } = world({ initialConsultants_count: 0, mobility_probPerMonth: 0 });
    const network = state.communities[state.professionalNetwork];
    const before = network.members.length;
    months(state, ctx, 1);
    const pool = widerPool(p, state.orgs.length);
    const widerStart = state.professionalNetworkWider!;
    expect(widerStart / pool).toBeCloseTo(equilibriumShare(p.professionalNetworkJoin_probPerMonth, p.professionalNetworkLeave_probPerMonth), 1);
    months(state, ctx, 60);
    expect(Math.abs(network.members.length / before - 1)).toBeLessThan(0.15);
    expect(Math.abs(state.professionalNetworkWider! / widerStart - 1)).toBeLessThan(0.1);
    for (const person of network.members) {
      expect(state.people[person].professionalMember).toBe(true);
      expect(state.people[person].org).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(network.members).size).toBe(network.members.length);
    expect(state.people.filter((x) => x.professionalMember)).toHaveLength(network.members.length);
  });

  it('grows when joining rises above the rate it settled at, and shrinks when nobody joins', () => {
    const up = world({ initialConsultants_count: 0 });
    const upNet = up.state.communities[up.state.professionalNetwork];
    const upBefore = upNet.members.length;
    months(up.state, withParams(up.ctx, { professionalNetworkJoin_probPerMonth: 0.2 }), 6);
    expect(upNet.members.length).toBeGreaterThan(upBefore + 50);
    const down = world({ initialConsultants_count: 0 });
    const downNet = down.state.communities[down.state.professionalNetwork];
    const downBefore = downNet.members.length;
    months(down.state, withParams(down.ctx, { professionalNetworkJoin_probPerMonth: 0 }), 24);
    expect(downNet.members.length).toBeLessThan(downBefore * 0.9);
    for (const person of down.state.people) if (!downNet.members.includes(person.id)) expect(person.professionalMember).toBe(false);
  });

  it('the less intrinsically motivated leave sooner', () => {
    const { state, ctx } = world({ initialConsultants_count: 0, professionalNetworkLeave_probPerMonth: 0.05 });
    const network = state.communities[state.professionalNetwork];
    const start = [...network.members];
    months(state, withParams(ctx, { professionalNetworkJoin_probPerMonth: 0 }), 12);
    const stayed = new Set(network.members);
    const mean = (ids: number[]) => ids.reduce((a, id) => a + state.people[id].intrinsic, 0) / ids.length;
    expect(mean(start.filter((id) => stayed.has(id)))).toBeGreaterThan(mean(start.filter((id) => !stayed.has(id))));
  });

  it('is empty with professionalNetworkJoin_probPerMonth 0 (its steady state)', () => {
    const { state, ctx } = world({ professionalNetworkJoin_probPerMonth: 0 });
    intermediaryPhase(state, ctx);
    expect(state.communities[state.professionalNetwork].members).toHaveLength(0);
    expect(state.professionalNetworkWider).toBe(0);
  });
});
