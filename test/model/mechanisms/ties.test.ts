import { describe, expect, it } from 'vitest';
import { setKnowledge } from '../../../src/agents/organization.js';
import { EndReason, Formality, Mode, Stage } from '../../../src/model/enums.js';
import { dropThreshold, tiePhase } from '../../../src/model/mechanisms/ties.js';
import { monthFactors } from '../../../src/model/programme/funding.js';
import { joinCommunity, leaveCommunity } from '../../../src/model/relationships.js';
import { setEmployer } from '../../../src/model/employers.js';
import type { State } from '../../../src/model/state.js';
import { alike, constant, informalTie, pairUp, sequence, setAll, setStages, withParams, withRng, world, formedTies, setDistance } from './fixtures.js';

const NEVER = 0.999999;

function setup(overrides: Record<string, number> = {}) {
  const w = world(overrides);
  const [A, B] = [w.state.orgs[0], w.state.orgs[1]];
  alike(A, B);
  A.timePressure = 0;
  B.timePressure = 0;
  setDistance(w.state, A.id, B.id, 300);
  return { ...w, A, B, a: w.params.codifiedWeight_exponent };
}

/** Takes both people of a tie out of every community, so they share none. */
function isolate(state: State, people: number[]): void {
  for (const person of people) for (const c of [...state.people[person].memberships]) leaveCommunity(state, state.communities[c], person);
}

describe('tiePhase: endings', () => {
  it('ends a tie whose term is over with reason term_over, and unregisters it', () => {
    const { state, ctx, A, B } = setup();
    const tie = informalTie(state, ctx, A, B, { endsAt: 5 });
    const c = withRng(ctx, { ties: constant(NEVER) });
    state.month = 4;
    tiePhase(state, c);
    expect(tie.ended).toBe(-1);
    state.month = 5;
    tiePhase(state, c);
    expect(tie.ended).toBe(5);
    expect(tie.endReason).toBe(EndReason.termOver);
    expect(ctx.events.toArray().some((e) => e.kind === 'ended' && e.what === 'term_over' && e.relationship === `t${tie.id}`)).toBe(true);
    expect(state.activeTies).not.toContain(tie.id);
    expect(state.people[tie.personA].ties).not.toContain(tie.id);
    expect(state.people[tie.personB].ties).not.toContain(tie.id);
  });

  it('a pairing whose term is over unpairs its organizations', () => {
    const { state, ctx, A, B } = setup();
    const tie = pairUp(state, ctx, A, B);
    state.month = tie.endsAt;
    tiePhase(state, ctx);
    expect(tie.endReason).toBe(EndReason.termOver);
    expect(A.partners).not.toContain(B.id);
    expect(B.partners).not.toContain(A.id);
  });

  /** Sets a person's extrinsic motivation (readonly for the model; tests pin it). */
  function extrinsic(state: State, person: number, x: number): void {
    (state.people[person] as { extrinsic: number }).extrinsic = x;
  }

  it('a side drops a tie when its running value falls below its own threshold, tieEndValue_index x (0.5 + extrinsic)', () => {
    const { state, ctx, params: p, A, B } = setup();
    const c = withRng(ctx, { ties: constant(NEVER) });
    // Fully trusted ties cost nothing to keep up unused, and isolated people share no community:
    // an unused month only shrinks the values by tieValueMemory_share.
    const keep = informalTie(state, ctx, A, B, { trust: 1 });
    const drop = informalTie(state, ctx, A, B, { personA: A.staff[1], personB: B.staff[1], trust: 1 });
    const dropB = informalTie(state, ctx, A, B, { personA: A.staff[2], personB: B.staff[2], trust: 1 });
    isolate(state, [keep, drop, dropB].flatMap((t) => [t.personA, t.personB]));
    for (const t of [keep, drop, dropB]) {
      extrinsic(state, t.personA, 0.5);
      extrinsic(state, t.personB, 0.5);
    }
    const threshold = dropThreshold(p, 0.5);
    expect(threshold).toBeCloseTo(p.tieEndValue_index, 12);
    // Trust decays by trustDecay_perMonth first, so a small holding cost remains: margins of 0.005.
    keep.valueA = (threshold + 0.005) / p.tieValueMemory_share;
    drop.valueA = (threshold - 0.005) / p.tieValueMemory_share;
    dropB.valueB = (threshold - 0.005) / p.tieValueMemory_share;
    tiePhase(state, c);
    expect(keep.ended).toBe(-1);
    expect(drop.endReason).toBe(EndReason.neglect);
    expect(dropB.endReason).toBe(EndReason.neglect);
    expect(ctx.events.toArray().filter((e) => e.what === 'neglect')).toHaveLength(2);
    // A more companionable person puts up with the same value: only the other side's threshold counts.
    expect(dropThreshold(p, 1)).toBeLessThan(dropThreshold(p, 0));
  });

  it('a tie dropped in a month it was used ends with cost_above_benefit', () => {
    const { state, ctx, A, B } = setup({ tieUseCost_index: 5 });
    const tie = informalTie(state, ctx, A, B, { trust: 1 });
    tiePhase(state, withRng(ctx, { ties: constant(0) }));
    expect(tie.lastUsed).toBe(state.month);
    expect(tie.endReason).toBe(EndReason.costAboveBenefit);
  });

  it('unused, trust decays and each value moves towards minus the holding cost, tieHoldingCost_index x (1 - trust)', () => {
    const { state, ctx, params: p, A, B } = setup();
    const tie = informalTie(state, ctx, A, B, { trust: 0.5 });
    isolate(state, [tie.personA, tie.personB]);
    tie.valueA = 0.4;
    tie.valueB = 0.1;
    tiePhase(state, withRng(ctx, { ties: constant(NEVER) }));
    const trust = 0.5 * (1 - p.trustDecay_perMonth);
    expect(tie.trust).toBeCloseTo(trust, 12);
    const m = p.tieValueMemory_share;
    expect(tie.valueA).toBeCloseTo(m * 0.4 - (1 - m) * p.tieHoldingCost_index * (1 - trust), 12);
    expect(tie.valueB).toBeCloseTo(m * 0.1 - (1 - m) * p.tieHoldingCost_index * (1 - trust), 12);
    expect(tie.lastUsed).toBe(tie.formed);
  });

  /** Months until an unused tie ends (a cap if it never does). */
  function monthsToEnd(opts: { trust: number; shared: boolean; x?: number }, overrides: Record<string, number> = {}): number {
    const { state, ctx, A, B } = setup(overrides);
    state.month = 0;
    const tie = informalTie(state, ctx, A, B, { trust: opts.trust });
    isolate(state, [tie.personA, tie.personB]);
    extrinsic(state, tie.personA, opts.x ?? 0.5);
    extrinsic(state, tie.personB, opts.x ?? 0.5);
    if (opts.shared) {
      const network = state.communities[state.professionalNetwork];
      joinCommunity(state, network, tie.personA);
      joinCommunity(state, network, tie.personB);
    }
    const c = withRng(ctx, { ties: constant(NEVER) });
    for (let t = 0; t < 600; t++) {
      state.month = t;
      tiePhase(state, c);
      if (tie.ended >= 0) return t;
    }
    return 600;
  }

  it('neglect: an unused tie ends when its value has fallen, later the more it is trusted (no age term)', () => {
    const low = monthsToEnd({ trust: 0.1, shared: false });
    const high = monthsToEnd({ trust: 0.9, shared: false });
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(24);
    expect(high).toBeGreaterThan(low);
    expect(high).toBeLessThan(600);
  });

  it('neglect: a shared community adds bond value and keeps an unused tie longer; none with embeddedBond_ratio 0', () => {
    const apart = monthsToEnd({ trust: 0.3, shared: false });
    const together = monthsToEnd({ trust: 0.3, shared: true });
    expect(together).toBeGreaterThan(apart);
    expect(monthsToEnd({ trust: 0.3, shared: true }, { embeddedBond_ratio: 0 })).toBe(apart);
  });

  it('neglect: the bond of a shared community follows joins and leaves from month to month', () => {
    const { state, ctx, A, B, params: p } = setup();
    state.month = 0;
    const tie = informalTie(state, ctx, A, B, { trust: 0.5 });
    isolate(state, [tie.personA, tie.personB]);
    const network = state.communities[state.professionalNetwork];
    const c = withRng(ctx, { ties: constant(NEVER) });
    const m = p.tieValueMemory_share;
    const x = state.people[tie.personA].extrinsic;
    // Each month's move of side A's running value, with or without the bond.
    const month = (shared: boolean) => {
      tie.valueA = 5;
      tie.valueB = 5;
      const trust = tie.trust * (1 - p.trustDecay_perMonth);
      const bond = shared ? p.embeddedBond_ratio * p.bondBenefit_index : 0;
      state.month += 1;
      tiePhase(state, c);
      expect(tie.valueA).toBeCloseTo(m * 5 + (1 - m) * (bond * x - p.tieHoldingCost_index * (1 - trust)), 12);
    };
    month(false);
    joinCommunity(state, network, tie.personA);
    month(false);
    joinCommunity(state, network, tie.personB);
    month(true);
    month(true);
    leaveCommunity(state, network, tie.personB);
    month(false);
    joinCommunity(state, network, tie.personB);
    month(true);
    expect(tie.ended).toBe(-1);
  });

  it('neglect: people of higher extrinsic motivation keep an unused tie longer', () => {
    expect(monthsToEnd({ trust: 0.3, shared: false, x: 0.9 })).toBeGreaterThan(monthsToEnd({ trust: 0.3, shared: false, x: 0.1 }));
  });

  it('without use, most ties end in the long run, all by neglect and none in their first month', () => {
    const { state, ctx } = setup({ tieUse_probPerMonth: 0 });
    state.month = 0;
    const ties = [];
    for (let i = 0; i < 50; i++) {
      const a = state.orgs[i % 30];
      const b = state.orgs[30 + (i % 30)];
      ties.push(informalTie(state, ctx, a, b, { personA: a.staff[Math.floor(i / 30)], personB: b.staff[Math.floor(i / 30)] }));
    }
    for (let t = 0; t <= 240; t++) {
      state.month = t;
      tiePhase(state, ctx);
    }
    const ended = ties.filter((t) => t.ended >= 0);
    expect(ended.every((t) => t.endReason === EndReason.neglect)).toBe(true);
    expect(ended.every((t) => t.ended >= 1)).toBe(true);
    expect(ended.length).toBeGreaterThan(ties.length / 2);
    expect(state.activeTies).toHaveLength(ties.length - ended.length);
  });

  it('ties between organizations (no people) are not used, valued or neglected', () => {
    const { state, ctx, A, B } = setup();
    state.month = 0;
    const tie = pairUp(state, ctx, A, B);
    tie.valueA = -5;
    state.month = 40;
    tiePhase(state, withRng(ctx, { ties: constant(0) }));
    expect(tie.ended).toBe(-1);
    expect(tie.trust).toBe(ctx.params.initialTrust_index);
  });
});

describe('tiePhase: use', () => {
  /** A ahead in domain 1, B ahead in domain 3, equal elsewhere; both adopting everything. */
  function ahead() {
    const w = setup();
    const { A, B, a } = w;
    setAll(A, 0.3, 0.3, a);
    setAll(B, 0.3, 0.3, a);
    setStages(A, Stage.adoption);
    setStages(B, Stage.adoption);
    setKnowledge(A, 1, 0.8, 0.8, a);
    setKnowledge(B, 3, 0.7, 0.7, a);
    A.absorptive = 0.5;
    B.absorptive = 0.5;
    const tie = informalTie(w.state, w.ctx, A, B, { trust: 0.4 });
    return { ...w, tie };
  }

  it('a used tie moves knowledge both ways, each where the other is ahead', () => {
    const { state, ctx, params: p, A, B, tie } = ahead();
    state.month = 3;
    tiePhase(state, withRng(ctx, { ties: constant(0) }));
    expect(B.tacit[1]).toBeCloseTo(0.3 + p.tacitTransfer_rate * 0.5 * 0.5, 12);
    expect(B.codified[1]).toBeCloseTo(0.3 + p.codifiedTransfer_rate * 0.5 * 0.5, 12);
    expect(A.tacit[3]).toBeCloseTo(0.3 + p.tacitTransfer_rate * 0.5 * 0.4, 12);
    expect(A.codified[3]).toBeCloseTo(0.3 + p.codifiedTransfer_rate * 0.5 * 0.4, 12);
    expect(A.tacit[1]).toBe(0.8);
    expect(B.tacit[3]).toBe(0.7);
    expect(tie.givenA).toBe(1);
    expect(tie.givenB).toBe(1);
    expect(tie.tacitFlow).toBeCloseTo(p.tacitTransfer_rate * 0.5 * 0.9, 12);
    expect(tie.lastUsed).toBe(3);
    expect(ctx.flows[Formality.informal * 2 + 1]).toBeCloseTo(tie.tacitFlow, 12);
    expect(ctx.flows[Formality.informal * 2]).toBeCloseTo(tie.codifiedFlow, 12);
  });

  it('a use costs both sides upkeep time, counts as an informal exchange and builds trust when reciprocated', () => {
    const { state, ctx, params: p, A, B, tie } = ahead();
    tiePhase(state, withRng(ctx, { ties: constant(0) }));
    expect(A.timeUsed_hours).toBe(p.tieUpkeep_hours);
    expect(B.timeUsed_hours).toBe(p.tieUpkeep_hours);
    expect(A.informalExchanges).toBe(1);
    expect(B.informalExchanges).toBe(1);
    expect(tie.trust).toBeCloseTo(0.4 + p.trustGain_perUse * 0.6, 12);
  });

  it('a one-sided use builds half the trust', () => {
    const { state, ctx, params: p, A, B, tie } = ahead();
    setKnowledge(B, 3, 0.3, 0.3, p.codifiedWeight_exponent);
    tiePhase(state, withRng(ctx, { ties: constant(0) }));
    expect(tie.givenA).toBe(1);
    expect(tie.givenB).toBe(0);
    expect(A.tacit[3]).toBe(0.3);
    expect(tie.trust).toBeCloseTo(0.4 + p.trustGain_perUse * 0.5 * 0.6, 12);
  });

  it('updates each side\'s running value: knowledge + bond + reputation - effort, which national activities cut', () => {
    const { state, ctx, params: p, A, B, tie } = ahead();
    tiePhase(state, withRng(ctx, { ties: constant(0) }));
    const phi = monthFactors(state, ctx).contactCostFactor;
    expect(phi).toBeLessThan(1);
    const gotB = (p.tacitTransfer_rate + p.codifiedTransfer_rate) * 0.5 * 0.5;
    const gotA = (p.tacitTransfer_rate + p.codifiedTransfer_rate) * 0.5 * 0.4;
    const pa = state.people[tie.personA];
    const pb = state.people[tie.personB];
    const va = p.tieKnowledgeValue_index * gotA + p.bondBenefit_index * pa.extrinsic + p.reputationBenefit_index * pa.intrinsic - p.tieUseCost_index * phi;
    const vb = p.tieKnowledgeValue_index * gotB + p.bondBenefit_index * pb.extrinsic + p.reputationBenefit_index * pb.intrinsic - p.tieUseCost_index * phi;
    expect(tie.valueA).toBeCloseTo((1 - p.tieValueMemory_share) * va, 10);
    expect(tie.valueB).toBeCloseTo((1 - p.tieValueMemory_share) * vb, 10);
    expect(A.id).not.toBe(B.id);
  });

  it('only the side that gave earns the reputation benefit', () => {
    const { state, ctx, params: p, B, tie } = ahead();
    setKnowledge(B, 3, 0.3, 0.3, p.codifiedWeight_exponent); // B is ahead nowhere: only A gives
    // Without national activities the effort is the full tieUseCost_index.
    const quiet = withRng(withParams(ctx, { nationalCostReduction_share: 0 }), { ties: constant(0) });
    tiePhase(state, quiet);
    expect(monthFactors(state, quiet).contactCostFactor).toBe(1);
    const gotB = (p.tacitTransfer_rate + p.codifiedTransfer_rate) * 0.5 * 0.5;
    const pa = state.people[tie.personA];
    const pb = state.people[tie.personB];
    const va = p.bondBenefit_index * pa.extrinsic + p.reputationBenefit_index * pa.intrinsic - p.tieUseCost_index;
    const vb = p.tieKnowledgeValue_index * gotB + p.bondBenefit_index * pb.extrinsic - p.tieUseCost_index;
    expect(tie.valueA).toBeCloseTo((1 - p.tieValueMemory_share) * va, 10);
    expect(tie.valueB).toBeCloseTo((1 - p.tieValueMemory_share) * vb, 10);
  });

  it('a near tie can be used as a site visit: a one-off site_visit with siteVisitTacit_ratio times the tacit transfer', () => {
    const { state, ctx, params: p, A, B } = ahead();
    setDistance(state, A.id, B.id, p.siteVisitDistance_km / 2);
    ctx.events.clear();
    tiePhase(state, withRng(ctx, { ties: constant(0) }));
    expect(B.tacit[1]).toBeCloseTo(0.3 + p.tacitTransfer_rate * p.siteVisitTacit_ratio * 0.5 * 0.5, 12);
    const visit = formedTies(state, ctx.events).find((t) => t.mode === Mode.siteVisit);
    expect(visit).toBeDefined();
    expect(visit!.endReason).toBe(EndReason.oneOff);
    expect(visit!.formality).toBe(Formality.informal);
  });

  it('a far tie is never a site visit', () => {
    const { state, ctx, A, B } = ahead();
    setDistance(state, A.id, B.id, 1000);
    tiePhase(state, withRng(ctx, { ties: constant(0) }));
    expect(formedTies(state, ctx.events).some((t) => t.mode === Mode.siteVisit)).toBe(false);
  });

  it('a tie is not used when one side has left to become a consultant', () => {
    const { state, ctx, params: p, A, tie } = ahead();
    setEmployer(state, tie.personB, -1);
    tiePhase(state, withRng(ctx, { ties: constant(0) }));
    expect(tie.givenA).toBe(0);
    expect(tie.trust).toBeCloseTo(0.4 * (1 - p.trustDecay_perMonth), 12);
    expect(A.timeUsed_hours).toBe(0);
  });

  it('use is never drawn with tieUse_probPerMonth 0', () => {
    const { state, ctx, tie } = ahead();
    tiePhase(state, withRng(withParams(ctx, { tieUse_probPerMonth: 0 }), { ties: constant(0) }));
    expect(tie.givenA + tie.givenB).toBe(0);
  });
});
