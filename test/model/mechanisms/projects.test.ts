import { describe, expect, it } from 'vitest';
import { computeCapability, setKnowledge } from '../../../src/agents/organization.js';
import { Stage } from '../../../src/model/enums.js';
import { projectPhase } from '../../../src/model/mechanisms/projects.js';
import { GAIN_INTERNAL } from '../../../src/model/state.js';
import { constant, informalTie, setStages, withRng, world } from './fixtures.js';

/** A world whose project draws never start a project (draw 0.999999), unless told otherwise. */
function setup(draw = 0.999999, overrides: Record<string, number> = {}) {
  const w = world(overrides);
  const ctx = withRng(w.ctx, { projects: constant(draw) });
  const org = w.state.orgs[0];
  org.fundedUntil = -1;
  setStages(org, Stage.none);
  return { ...w, ctx, org, a: w.params.codifiedWeight_exponent };
}

describe('projectPhase: stages', () => {
  it('starts procurement with chance projectStart_probPerMonth times the project pace', () => {
    const p = 0.03;
    const slow = setup(0.04, { projectStart_probPerMonth: p });
    projectPhase(slow.state, slow.ctx);
    expect(slow.org.stage[0]).toBe(Stage.none);
    const staffed = setup(0.04, { projectStart_probPerMonth: p });
    staffed.org.projectPace = 2;
    projectPhase(staffed.state, staffed.ctx);
    expect(staffed.org.stage[0]).toBe(Stage.procurement);
    expect(staffed.org.progress[0]).toBe(0);
    const lucky = setup(0.02, { projectStart_probPerMonth: p });
    projectPhase(lucky.state, lucky.ctx);
    expect(lucky.org.stage[0]).toBe(Stage.procurement);
  });

  it('starts sooner where the organizations it has relationships with have implemented the domain', () => {
    const p = 0.03;
    // Draw 0.05: above the base chance 0.03, below 0.03 * (1 + 2 * 1/2) = 0.06 with half the peers past procurement.
    const w = setup(0.05, { projectStart_probPerMonth: p, peerExperienceStart_ratio: 2 });
    const [done, notYet] = [w.state.orgs[1], w.state.orgs[2]];
    setStages(done, Stage.none);
    setStages(notYet, Stage.none);
    done.stage[0] = Stage.adoption;
    informalTie(w.state, w.ctx, w.org, done);
    informalTie(w.state, w.ctx, w.org, notYet);
    projectPhase(w.state, w.ctx);
    expect(w.org.stage[0]).toBe(Stage.procurement);
    expect(w.org.stage[1]).toBe(Stage.none);
    const alone = setup(0.05, { projectStart_probPerMonth: p, peerExperienceStart_ratio: 2 });
    for (const o of alone.state.orgs.slice(1, 3)) setStages(o, Stage.none);
    alone.state.orgs[1].stage[0] = Stage.adoption;
    projectPhase(alone.state, alone.ctx);
    expect(alone.org.stage[0]).toBe(Stage.none);
  });

  it('progresses procurement by speed * (0.5 + C) / procurementDuration_months, then moves to adoption', () => {
    const { state, ctx, params: p, org, a } = setup();
    org.stage[1] = Stage.procurement;
    org.progress[1] = 0;
    setKnowledge(org, 1, 0.3, 0.4, a);
    projectPhase(state, ctx);
    expect(org.progress[1]).toBeCloseTo(0.8 / p.procurementDuration_months, 12);
    expect(org.stage[1]).toBe(Stage.procurement);
    org.progress[1] = 0.99;
    projectPhase(state, ctx);
    expect(org.stage[1]).toBe(Stage.adoption);
    expect(org.progress[1]).toBe(0);
  });

  it('procurement builds no know-how', () => {
    const { state, ctx, org, a } = setup();
    org.stage[1] = Stage.procurement;
    setKnowledge(org, 1, 0.3, 0.4, a);
    projectPhase(state, ctx);
    expect(org.tacit[1]).toBe(0.4);
    expect(org.codified[1]).toBe(0.3);
  });

  it('progresses adoption by speed * (0.4 + K) / adoptionDuration_months, then moves to optimization', () => {
    const { state, ctx, params: p, org, a } = setup();
    org.stage[2] = Stage.adoption;
    org.progress[2] = 0;
    setKnowledge(org, 2, 0.3, 0.4, a);
    projectPhase(state, ctx);
    const k = computeCapability(org.codified[2], org.tacit[2], a);
    expect(org.progress[2]).toBeCloseTo((0.4 + k) / p.adoptionDuration_months, 12);
    org.progress[2] = 0.999;
    projectPhase(state, ctx);
    expect(org.stage[2]).toBe(Stage.optimization);
    expect(org.progress[2]).toBe(0);
    const before = org.progress[2];
    projectPhase(state, ctx);
    expect(org.stage[2]).toBe(Stage.optimization);
    expect(org.progress[2]).toBe(before);
  });

  it('more capable organizations adopt faster', () => {
    const { state, ctx, org, a } = setup();
    org.stage[0] = Stage.adoption;
    org.stage[1] = Stage.adoption;
    setKnowledge(org, 0, 0.2, 0.2, a);
    setKnowledge(org, 1, 0.7, 0.7, a);
    projectPhase(state, ctx);
    expect(org.progress[1]).toBeGreaterThan(org.progress[0]);
  });
});

describe('projectPhase: learning by doing', () => {
  it('raises tacit know-how by learningByDoing * (1 - T) in adoption, half that in optimization, and codifies part of it', () => {
    const { state, ctx, params: p, org, a } = setup();
    org.stage[0] = Stage.adoption;
    org.stage[1] = Stage.optimization;
    setKnowledge(org, 0, 0.2, 0.5, a);
    setKnowledge(org, 1, 0.2, 0.5, a);
    projectPhase(state, ctx);
    const t0 = 0.5 + p.learningByDoing_perMonth * 0.5;
    const t1 = 0.5 + p.learningByDoing_perMonth * 0.5 * 0.5;
    expect(org.tacit[0]).toBeCloseTo(t0, 12);
    expect(org.tacit[1]).toBeCloseTo(t1, 12);
    expect(org.codified[0]).toBeCloseTo(0.2 + p.internalCodification_perMonth * (t0 - 0.2), 12);
    expect(org.codified[1]).toBeCloseTo(0.2 + p.internalCodification_perMonth * (t1 - 0.2), 12);
    expect(org.capability[0]).toBeCloseTo(computeCapability(org.codified[0], org.tacit[0], a), 12);
  });

  it('does not codify beyond tacit know-how', () => {
    const { state, ctx, org, a } = setup();
    org.stage[0] = Stage.adoption;
    setKnowledge(org, 0, 0.9, 0.3, a);
    projectPhase(state, ctx);
    expect(org.codified[0]).toBe(0.9);
  });

  it('raises tacit know-how only with an active project', () => {
    const { state, ctx, org, a } = setup();
    setKnowledge(org, 3, 0.2, 0.5, a);
    org.stage[3] = Stage.none;
    projectPhase(state, ctx);
    expect(org.tacit[3]).toBe(0.5);
    expect(org.codified[3]).toBe(0.2);
  });

  it('the project pace scales learning by doing, codification and progress, and books the gain as internal', () => {
    const slow = setup();
    const fast = setup();
    fast.org.projectPace = 1.6;
    for (const w of [slow, fast]) {
      // Only this organization has projects, so the ledger's internal gain is its own.
      for (const o of w.state.orgs) setStages(o, Stage.none);
      w.org.stage[0] = Stage.adoption;
      w.org.stage[1] = Stage.procurement;
      setKnowledge(w.org, 0, 0.2, 0.5, w.a);
      setKnowledge(w.org, 1, 0.2, 0.5, w.a);
      w.ctx.flows.fill(0);
      projectPhase(w.state, w.ctx);
    }
    expect(fast.org.tacit[0] - 0.5).toBeCloseTo(1.6 * (slow.org.tacit[0] - 0.5), 12);
    expect(fast.org.progress[1]).toBeCloseTo(1.6 * slow.org.progress[1], 12);
    expect(fast.org.progress[0]).toBeGreaterThan(slow.org.progress[0]);
    const gained = computeCapability(fast.org.codified[0], fast.org.tacit[0], fast.a) - computeCapability(0.2, 0.5, fast.a);
    expect(fast.ctx.flows[GAIN_INTERNAL]).toBeCloseTo(gained, 12);
  });
});
