import { describe, expect, it } from 'vitest';
import { maturity, setKnowledge } from '../../../src/agents/organization.js';
import { Direction, Formality, Influence, Mode, Origin, Stage } from '../../../src/model/enums.js';
import { labelDiscount } from '../../../src/model/mechanisms/labels.js';
import { noteOverlay, overlayTrust, pairingBetween, pairingPhase } from '../../../src/model/mechanisms/pairings.js';
import { perceivedStanding } from '../../../src/model/mechanisms/labels.js';
import { pairingFit } from '../../../src/model/mechanisms/proximity.js';
import { areTied, endTie, mayTie } from '../../../src/model/relationships.js';
import { EndReason } from '../../../src/model/enums.js';
import { constant, informalTie, pairUp, setAll, setDistance, setStages, withParams, withRng, world } from './fixtures.js';

/** An exemplar (org 0) paired with a follower (org 1); both equal in knowledge, so nothing moves. */
function setup(overrides: Record<string, number> = {}, bias = -1) {
  const w = world(overrides);
  const [ex, fo] = [w.state.orgs[0], w.state.orgs[1]];
  const a = w.params.codifiedWeight_exponent;
  setAll(ex, 0.3, 0.3, a);
  setAll(fo, 0.3, 0.3, a);
  setStages(ex, Stage.adoption);
  setStages(fo, Stage.adoption);
  ex.timePressure = 0;
  fo.timePressure = 0;
  const pairing = pairUp(w.state, w.ctx, ex, fo, bias);
  w.state.month = 7;
  return { ...w, ex, fo, pairing, a };
}

describe('pairingBetween and the follower seeing itself level or ahead', () => {
  it('finds the active pairing in either order, and -1 once it ended or for other pairs', () => {
    const { state, ctx, ex, fo, pairing } = setup();
    expect(pairingBetween(state, ex.id, fo.id)).toBe(pairing.id);
    expect(pairingBetween(state, fo.id, ex.id)).toBe(pairing.id);
    expect(pairingBetween(state, ex.id, 5)).toBe(-1);
    endTie(state, ctx, pairing, EndReason.termOver);
    expect(pairingBetween(state, ex.id, fo.id)).toBe(-1);
  });

  it('the follower sees itself ahead when its maturity plus its bias reaches the exemplar\'s', () => {
    const { state, ex, fo, pairing, a } = setup({}, 0.05);
    setKnowledge(ex, 0, 0.9, 0.9, a);
    const gap = maturity(ex) - maturity(fo);
    expect(gap).toBeGreaterThan(0.05);
    expect(perceivedStanding(state, pairing.id) >= 0).toBe(false);
    state.programme.pairingBias[0] = gap;
    expect(perceivedStanding(state, pairing.id) >= 0).toBe(true);
    state.programme.pairingBias[0] = gap - 1e-6;
    expect(perceivedStanding(state, pairing.id) >= 0).toBe(false);
  });
});

describe('pairingPhase: engagement', () => {
  /** Whether the pairing is worked this month when the programme stream draws `draw`. */
  function worked(w: ReturnType<typeof setup>, draw: number): boolean {
    const before = w.ex.timeUsed_hours;
    pairingPhase(w.state, withRng(w.ctx, { programme: constant(draw) }));
    return w.ex.timeUsed_hours !== before;
  }

  function engagement(w: ReturnType<typeof setup>, p = w.params): number {
    return p.pairingEngagementBase_index + p.pairingFitWeight_index * pairingFit(w.state, w.ex, w.fo) + p.pairingOverlayWeight_index * overlayTrust(w.state, w.pairing);
  }

  it('is base + fitWeight * fit + overlayWeight * overlay trust: worked just below, not just above', () => {
    const w1 = setup();
    const e = engagement(w1);
    expect(e).toBeGreaterThan(w1.params.pairingEngagementBase_index);
    expect(worked(w1, e - 1e-9)).toBe(true);
    const w2 = setup();
    expect(worked(w2, e + 1e-9)).toBe(false);
  });

  it('rises with partner fit', () => {
    const w = setup();
    const low = engagement(w);
    setDistance(w.state, w.ex.id, w.fo.id, 0);
    const high = engagement(w);
    expect(high).toBeGreaterThan(low);
    expect(worked(w, (low + high) / 2)).toBe(true);
  });

  it('rises with the trust of an informal overlay between people of the pair', () => {
    const w = setup();
    const without = engagement(w);
    expect(overlayTrust(w.state, w.pairing)).toBe(0);
    informalTie(w.state, w.ctx, w.ex, w.fo, { trust: 0.8 });
    informalTie(w.state, w.ctx, w.ex, w.fo, { trust: 0.6, personA: w.ex.staff[1], personB: w.fo.staff[1] });
    expect(overlayTrust(w.state, w.pairing)).toBe(0.8);
    const withOverlay = engagement(w);
    expect(withOverlay - without).toBeCloseTo(w.params.pairingOverlayWeight_index * 0.8, 12);
    expect(worked(w, (without + withOverlay) / 2)).toBe(true);
  });

  it('overlay trust ignores ties to third organizations', () => {
    const w = setup();
    informalTie(w.state, w.ctx, w.state.orgs[5], w.fo, { trust: 0.9 });
    expect(overlayTrust(w.state, w.pairing)).toBe(0);
  });

  it('falls by the follower\'s label discount, by less under partner framing, not at all with labelInhibition_share 0', () => {
    const w = setup({}, 1);
    const e = engagement(w);
    const reduced = e * (1 - labelDiscount(w.state, w.params, w.pairing.id));
    expect(reduced).toBeLessThan(e * (1 - 0.99 * w.params.labelInhibition_share));
    expect(worked(w, reduced + 1e-9)).toBe(false);
    expect(worked(w, reduced - 1e-9)).toBe(true);
    const off = setup({ labelsActive_flag: 0 }, 1);
    const partner = e * (1 - labelDiscount(off.state, off.params, off.pairing.id));
    expect(partner).toBeGreaterThan(reduced);
    expect(worked(off, partner - 1e-9)).toBe(true);
    expect(worked(off, partner + 1e-9)).toBe(false);
    const none = setup({ labelInhibition_share: 0 }, 1);
    expect(worked(none, e - 1e-9)).toBe(true);
  });

  it('falls with time pressure by up to a half', () => {
    const w = setup();
    const e = engagement(w);
    w.fo.timePressure = 0.6;
    expect(worked(w, e * 0.7 + 1e-9)).toBe(false);
    expect(worked(w, e * 0.7 - 1e-9)).toBe(true);
    w.fo.timePressure = 5;
    expect(worked(w, e * 0.5 - 1e-9)).toBe(true);
    expect(worked(w, e * 0.5 + 1e-9)).toBe(false);
  });
});

describe('pairingPhase: a worked month', () => {
  it('moves knowledge from exemplar to follower at formal formality and costs both time', () => {
    const w = setup();
    const { state, ctx, params: p, ex, fo, pairing, a } = w;
    setKnowledge(ex, 2, 0.8, 0.8, a);
    fo.absorptive = 0.5;
    pairingPhase(state, withRng(ctx, { programme: constant(0.2) }));
    expect(fo.codified[2]).toBeCloseTo(0.3 + p.pairingCodified_rate * 0.5 * 0.5, 12);
    expect(fo.tacit[2]).toBeCloseTo(0.3 + p.pairingTacit_rate * 0.5 * 0.5, 12);
    expect(ctx.flows[Formality.formal * 2]).toBeCloseTo(p.pairingCodified_rate * 0.25, 12);
    expect(ctx.flows[Formality.formal * 2 + 1]).toBeCloseTo(p.pairingTacit_rate * 0.25, 12);
    expect(pairing.givenA).toBe(1);
    expect(pairing.givenB).toBe(0);
    expect(pairing.direction).toBe(Direction.oneWay);
    expect(ex.timeUsed_hours).toBe(p.pairingInteraction_hours);
    expect(fo.timeUsed_hours).toBe(p.pairingInteraction_hours);
    // Pairing work is not a request: requests are the contacts others' search sends (P7).
    expect(ex.requestsThisMonth).toBe(0);
    expect(pairing.trust).toBeCloseTo(p.initialTrust_index + p.trustGain_perUse * 0.5 * (1 - p.initialTrust_index), 12);
  });

  it('a follower ahead somewhere gives back at half the rates and the pairing becomes multidirectional', () => {
    const w = setup();
    const { state, ctx, params: p, ex, fo, pairing, a } = w;
    setKnowledge(fo, 4, 0.8, 0.8, a);
    ex.absorptive = 0.5;
    ctx.events.clear();
    pairingPhase(state, withRng(ctx, { programme: constant(0.2) }));
    expect(ex.codified[4]).toBeCloseTo(0.3 + (p.pairingCodified_rate / 2) * 0.5 * 0.5, 12);
    expect(pairing.givenB).toBe(1);
    expect(pairing.direction).toBe(Direction.multi);
    expect(ctx.events.toArray().filter((e) => e.what === 'became_multidirectional')).toHaveLength(1);
  });

  it('a pairing is not worked once its term is over, nor counted as engaged', () => {
    const w = setup();
    w.state.month = w.pairing.endsAt;
    pairingPhase(w.state, withRng(w.ctx, { programme: constant(0) }));
    expect(w.ex.timeUsed_hours).toBe(0);
    expect(w.state.programme.pairingEngagedMonths[0]).toBe(0);
  });

  it('counts the months a pairing is worked', () => {
    const w = setup();
    pairingPhase(w.state, withRng(w.ctx, { programme: constant(0.2) }));
    w.state.month += 1;
    pairingPhase(w.state, withRng(w.ctx, { programme: constant(0.2) }));
    w.state.month += 1;
    pairingPhase(w.state, withRng(w.ctx, { programme: constant(0.99) }));
    expect(w.state.programme.pairingEngagedMonths[0]).toBe(2);
  });

  it('an ended pairing is not worked', () => {
    const w = setup();
    endTie(w.state, w.ctx, w.pairing, EndReason.termOver);
    pairingPhase(w.state, withRng(w.ctx, { programme: constant(0) }));
    expect(w.ex.timeUsed_hours).toBe(0);
  });

  it('a meeting across the pair forms an overlay tie (policy origin, trigger) and notes the overlay once', () => {
    const w = setup();
    w.ctx.events.clear();
    pairingPhase(w.state, withRng(w.ctx, { programme: constant(0) }));
    const overlay = w.state.ties.filter((t) => t.overlayOf === w.pairing.id);
    expect(overlay).toHaveLength(1);
    expect(overlay[0].mode).toBe(Mode.directContact);
    expect(overlay[0].formality).toBe(Formality.informal);
    expect(overlay[0].origin).toBe(Origin.policy);
    expect(overlay[0].influence).toBe(Influence.trigger);
    expect(w.state.programme.pairingOverlaySince[0]).toBe(w.state.month);
    expect(w.ctx.events.toArray().filter((e) => e.what === 'informal_overlay_added')).toHaveLength(1);
  });

  it('overlay trust raises the tacit share of a worked month by pairingOverlayTacit_ratio * trust; codified unchanged', () => {
    const w = setup({ competitionInhibition_logit: 0 });
    const { state, ctx, params: p, ex, fo, a } = w;
    setKnowledge(ex, 2, 0.8, 0.8, a);
    fo.absorptive = 0.5;
    informalTie(state, ctx, ex, fo, { trust: 0.5 });
    pairingPhase(state, withRng(ctx, { programme: constant(0.2) }));
    // The pairing's own transfer, then the overlay tie's use for the pairing's work (overlayWork).
    const t1 = 0.3 + p.pairingTacit_rate * (1 + p.pairingOverlayTacit_ratio * 0.5) * 0.5 * 0.5;
    const c1 = 0.3 + p.pairingCodified_rate * 0.5 * 0.5;
    expect(fo.tacit[2]).toBeCloseTo(t1 + p.tacitTransfer_rate * 0.5 * (0.8 - t1), 12);
    expect(fo.codified[2]).toBeCloseTo(c1 + p.codifiedTransfer_rate * 0.5 * (0.8 - c1), 12);
  });

  it('an engaged month uses each overlay tie for the pairing\'s work: know-how, trust and running value, no extra hours', () => {
    const w = setup({ competitionInhibition_logit: 0, pairingMeeting_prob: 0 });
    const { state, ctx, params: p, ex, fo, a } = w;
    setKnowledge(ex, 2, 0.8, 0.8, a);
    fo.absorptive = 0.5;
    const overlay = informalTie(state, ctx, ex, fo, { trust: 0.4 });
    const third = informalTie(state, ctx, state.orgs[3], fo, { trust: 0.4, personB: fo.staff[1] });
    const [vA, vB] = [overlay.valueA, overlay.valueB];
    pairingPhase(state, withRng(ctx, { programme: constant(0) }));
    expect(overlay.lastUsed).toBe(state.month);
    expect(overlay.tacitFlow).toBeGreaterThan(0);
    expect(overlay.givenA).toBe(1);
    expect(overlay.givenB).toBe(0);
    // Not reciprocated: half the trust gain of a use.
    expect(overlay.trust).toBeCloseTo(0.4 + p.trustGain_perUse * 0.5 * 0.6, 12);
    const received = overlay.tacitFlow + overlay.codifiedFlow;
    const receiver = state.people[overlay.personB];
    const giver = state.people[overlay.personA];
    const m = p.tieValueMemory_share;
    expect(overlay.valueB).toBeCloseTo(m * vB + (1 - m) * (p.tieKnowledgeValue_index * received + p.bondBenefit_index * receiver.extrinsic), 12);
    expect(overlay.valueA).toBeCloseTo(m * vA + (1 - m) * (p.bondBenefit_index * giver.extrinsic + p.reputationBenefit_index * giver.intrinsic), 12);
    // The hours are the pairing's own; a tie to a third organization is not drawn in.
    expect(ex.timeUsed_hours).toBe(p.pairingInteraction_hours);
    expect(fo.timeUsed_hours).toBe(p.pairingInteraction_hours);
    expect(third.trust).toBe(0.4);
    expect(third.tacitFlow + third.codifiedFlow).toBe(0);
  });

  it('pairingOverlay_flag 0: overlay ties still form, but the pairing\'s work ignores them (engagement and tacit share)', () => {
    const w = setup({ pairingOverlay_flag: 0 });
    const { state, ctx, params: p, ex, fo, a } = w;
    setKnowledge(ex, 2, 0.8, 0.8, a);
    fo.absorptive = 0.5;
    informalTie(state, ctx, ex, fo, { trust: 0.9, personA: ex.staff[1], personB: fo.staff[1] });
    const base = p.pairingEngagementBase_index + p.pairingFitWeight_index * pairingFit(state, ex, fo);
    // A draw between the engagement without and with the overlay: not worked when the overlay is ignored.
    pairingPhase(state, withRng(ctx, { programme: constant(base + 0.5 * p.pairingOverlayWeight_index * 0.9) }));
    expect(state.programme.pairingEngagedMonths[0]).toBe(0);
    pairingPhase(state, withRng(ctx, { programme: constant(0) }));
    expect(fo.tacit[2]).toBeCloseTo(0.3 + p.pairingTacit_rate * 0.5 * 0.5, 12);
    // Nor is the overlay tie drawn into the work: its trust is untouched.
    expect(state.ties.find((t) => t.formality === Formality.informal && t.personA === ex.staff[1])?.trust).toBe(0.9);
    expect(state.ties.filter((t) => t.overlayOf === w.pairing.id)).toHaveLength(1);
    expect(state.programme.pairingOverlaySince[0]).toBe(state.month);
  });
});

describe('noteOverlay', () => {
  it('logs informal_overlay_added once per pairing and records the month', () => {
    const { state, ctx, pairing } = setup();
    ctx.events.clear();
    noteOverlay(state, ctx, pairing.id);
    state.month = 9;
    noteOverlay(state, ctx, pairing.id);
    const events = ctx.events.toArray().filter((e) => e.what === 'informal_overlay_added');
    expect(events).toHaveLength(1);
    expect(events[0].kind).toBe('changed');
    expect(events[0].relationship).toBe(`t${pairing.id}`);
    expect(state.programme.pairingOverlaySince[0]).toBe(7);
  });

  it('does nothing for a tie that is not a pairing', () => {
    const { state, ctx, ex, fo } = setup();
    const tie = informalTie(state, ctx, ex, fo);
    ctx.events.clear();
    noteOverlay(state, ctx, tie.id);
    expect(ctx.events).toHaveLength(0);
  });
});

describe('mayTie', () => {
  it('refuses two people who already share a tie', () => {
    const { state, ctx } = setup();
    const [x, y] = [state.orgs[3], state.orgs[4]];
    const tie = informalTie(state, ctx, x, y);
    expect(areTied(state, tie.personA, tie.personB)).toBe(true);
    expect(mayTie(state, ctx, tie.personA, tie.personB)).toBe(false);
    expect(mayTie(state, ctx, tie.personB, tie.personA)).toBe(false);
    endTie(state, ctx, tie, EndReason.neglect);
    expect(mayTie(state, ctx, tie.personA, tie.personB)).toBe(true);
  });

  it('pairingOverlay_flag 0 blocks no tie: only an existing tie between the two people does', () => {
    const { state, ctx, ex, fo } = setup();
    const off = withParams(ctx, { pairingOverlay_flag: 0 });
    expect(mayTie(state, ctx, ex.staff[0], fo.staff[0])).toBe(true);
    expect(mayTie(state, off, ex.staff[0], fo.staff[0])).toBe(true);
    informalTie(state, ctx, ex, fo);
    expect(mayTie(state, off, ex.staff[0], fo.staff[0])).toBe(false);
    expect(mayTie(state, off, fo.staff[0], ex.staff[0])).toBe(false);
  });
});
