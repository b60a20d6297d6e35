import { describe, expect, it } from 'vitest';
import { setKnowledge } from '../../../src/agents/organization.js';
import { Formality, Influence, Mode, Origin, Stage, Status } from '../../../src/model/enums.js';
import { fundingStability, partnershipPhase } from '../../../src/model/mechanisms/partnerships.js';
import { alike, constant, sequence, setAll, setStages, withRng, world } from './fixtures.js';

/** A world where every organization has no project and low know-how, and draws are `draw`. */
function setup(draw: number, overrides: Record<string, number> = {}) {
  const w = world(overrides);
  const a = w.params.codifiedWeight_exponent;
  for (const o of w.state.orgs) {
    setStages(o, Stage.none);
    setAll(o, 0.2, 0.2, a);
    o.fundedUntil = -1;
  }
  return { ...w, ctx: withRng(w.ctx, { projects: constant(draw) }), a };
}

const partnerships = (w: ReturnType<typeof setup>) => w.state.ties.filter((t) => t.mode === Mode.partnership);

describe('partnershipPhase: forming', () => {
  it('an organization with a need contracts a capable peer: formal, provider, enable, for a term', () => {
    // Draw 0: the chance is met and every candidate draw picks organization 0, the capable one.
    const w = setup(0);
    const [provider, client] = [w.state.orgs[0], w.state.orgs[1]];
    alike(provider, client);
    provider.stage[2] = Stage.optimization;
    setKnowledge(provider, 2, 0.8, 0.8, w.a);
    client.stage[2] = Stage.adoption;
    partnershipPhase(w.state, w.ctx);
    const formed = partnerships(w);
    expect(formed).toHaveLength(1);
    const tie = formed[0];
    expect([tie.orgA, tie.orgB, tie.domain]).toEqual([provider.id, client.id, 2]);
    expect(tie.formality).toBe(Formality.formal);
    expect(tie.origin).toBe(Origin.provider);
    expect(tie.influence).toBe(Influence.enable);
    expect(tie.endsAt).toBe(w.state.month + w.params.partnershipTerm_months);
    expect(client.partnershipUntil).toBe(tie.endsAt);
    // Already a client: no second one.
    partnershipPhase(w.state, w.ctx);
    expect(partnerships(w)).toHaveLength(1);
  });

  it('nothing forms when no candidate is ahead, or without a project in procurement or adoption', () => {
    const w = setup(0);
    w.state.orgs[1].stage[2] = Stage.adoption;
    partnershipPhase(w.state, w.ctx);
    expect(partnerships(w)).toHaveLength(0);
    const idle = setup(0);
    idle.state.orgs[0].stage[2] = Stage.optimization;
    setKnowledge(idle.state.orgs[0], 2, 0.8, 0.8, idle.a);
    idle.state.orgs[1].stage[2] = Stage.optimization;
    partnershipPhase(idle.state, idle.ctx);
    expect(partnerships(idle)).toHaveLength(0);
  });

  it('the chance rises with funding: a draw between the unfunded and the funded chance forms one only when funded', () => {
    // need 1 - K = 0.8: unfunded chance 0.01 * 0.8 = 0.008; funded and stable 0.008 * (1 + 3) = 0.032.
    const run = (funded: boolean) => {
      const w = setup(0.999999, { partnership_probPerMonth: 0.01, partnershipFunded_ratio: 3 });
      const [provider, client] = [w.state.orgs[0], w.state.orgs[1]];
      alike(provider, client);
      provider.stage[2] = Stage.optimization;
      setKnowledge(provider, 2, 0.8, 0.8, w.a);
      client.stage[2] = Stage.adoption;
      if (funded) client.fundedUntil = w.state.month + 100;
      // The client's chance draw is 0.02; its candidate draws pick organization 0.
      partnershipPhase(w.state, withRng(w.ctx, { projects: sequence([0.02, 0, 0, 0, 0, 0, 0]) }));
      return partnerships(w).length;
    };
    expect(run(false)).toBe(0);
    expect(run(true)).toBe(1);
  });
});

describe('partnershipPhase: running', () => {
  it('moves mostly codified know-how to the client and costs both sides time', () => {
    const w = setup(0.999999);
    const [provider, client] = [w.state.orgs[0], w.state.orgs[1]];
    alike(provider, client);
    provider.stage[2] = Stage.optimization;
    setKnowledge(provider, 2, 0.8, 0.8, w.a);
    client.stage[2] = Stage.adoption;
    client.absorptive = 1;
    partnershipPhase(w.state, withRng(w.ctx, { projects: constant(0) }));
    expect(partnerships(w)).toHaveLength(1);
    w.ctx.flows.fill(0);
    provider.timeUsed_hours = 0;
    client.timeUsed_hours = 0;
    w.state.month += 1;
    const c0 = client.codified[2];
    const t0 = client.tacit[2];
    partnershipPhase(w.state, w.ctx);
    expect(client.codified[2] - c0).toBeCloseTo(w.params.partnershipCodified_rate * (0.8 - c0), 12);
    expect(client.tacit[2] - t0).toBeCloseTo(w.params.partnershipTacit_rate * (0.8 - t0), 12);
    expect(client.codified[2] - c0).toBeGreaterThan(client.tacit[2] - t0);
    expect(provider.timeUsed_hours).toBe(w.params.partnershipWork_hours);
    expect(client.timeUsed_hours).toBe(w.params.partnershipWork_hours);
  });
});

describe('fundingStability', () => {
  it('is 0 unfunded, 1 when funding outlasts the term, the covered share near the end, less in a taper', () => {
    const w = setup(0.5);
    const p = w.params;
    const org = w.state.orgs[0];
    expect(fundingStability(org, p, 0)).toBe(0);
    org.status = Status.exemplar;
    org.fundedUntil = p.fundingEnd_month;
    expect(fundingStability(org, p, 0)).toBe(1);
    const t = p.fundingEnd_month - p.partnershipTerm_months / 2;
    expect(fundingStability(org, p, t)).toBeCloseTo(0.5, 12);
    const tapered = { ...p, fundingTaper_months: p.partnershipTerm_months };
    expect(fundingStability(org, tapered, t)).toBeCloseTo(0.25, 12);
  });
});
