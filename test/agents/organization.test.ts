import { describe, expect, it } from 'vitest';
import { capability, computeCapability, isFunded, maturity, need, setKnowledge, settleKnowledge } from '../../src/agents/organization.js';
import { N_DOMAINS, Stage } from '../../src/model/enums.js';
import { world } from '../model/mechanisms/fixtures.js';

describe('computeCapability', () => {
  it('is C^a T^(1-a)', () => {
    expect(computeCapability(0.25, 0.64, 0.5)).toBeCloseTo(0.4, 12);
    for (const [c, t, a] of [[0.3, 0.7, 0.35], [0.9, 0.2, 0.05], [0.5, 0.5, 0.95], [0.01, 0.99, 0.6]]) {
      expect(computeCapability(c, t, a)).toBeCloseTo(c ** a * t ** (1 - a), 12);
    }
    expect(computeCapability(1, 1, 0.35)).toBeCloseTo(1, 12);
  });

  it('is 0 if either stock is 0 (both are needed)', () => {
    expect(computeCapability(0, 0.8, 0.35)).toBe(0);
    expect(computeCapability(0.8, 0, 0.35)).toBe(0);
    expect(computeCapability(0, 0, 0.35)).toBe(0);
  });

  it('weights codified knowledge by a', () => {
    // More weight on codified helps an organization whose codified stock is the larger one.
    expect(computeCapability(0.8, 0.2, 0.8)).toBeGreaterThan(computeCapability(0.8, 0.2, 0.2));
  });
});

describe('setKnowledge', () => {
  it('sets both stocks and keeps the capability cache right', () => {
    const { state, params } = world();
    const org = state.orgs[0];
    const a = params.codifiedWeight_exponent;
    setKnowledge(org, 2, 0.3, 0.6, a);
    expect(org.codified[2]).toBe(0.3);
    expect(org.tacit[2]).toBe(0.6);
    expect(org.capability[2]).toBeCloseTo(0.3 ** a * 0.6 ** (1 - a), 12);
    expect(capability(org, 2)).toBe(org.capability[2]);
  });

  it('clamps to [0, 1]', () => {
    const { state, params } = world();
    const org = state.orgs[1];
    setKnowledge(org, 1, 1.7, -0.2, params.codifiedWeight_exponent);
    expect(org.codified[1]).toBe(1);
    expect(org.tacit[1]).toBe(0);
    expect(org.capability[1]).toBe(0);
    setKnowledge(org, 1, -3, 4, params.codifiedWeight_exponent);
    expect(org.codified[1]).toBe(0);
    expect(org.tacit[1]).toBe(1);
    expect(org.capability[1]).toBe(0);
  });

  it('leaves other domains alone', () => {
    const { state, params } = world();
    const org = state.orgs[2];
    const before = Array.from(org.capability);
    setKnowledge(org, 3, 0.9, 0.9, params.codifiedWeight_exponent);
    for (let d = 0; d < N_DOMAINS; d++) if (d !== 3) expect(org.capability[d]).toBe(before[d]);
  });
});

describe('settleKnowledge', () => {
  it('leaves stocks and capability exactly as setKnowledge leaves them, out-of-range values included', () => {
    const { state, params } = world();
    const [x, y] = [state.orgs[0], state.orgs[1]];
    const values = [-0.5, -0, 0, 1e-9, 0.1, 0.3333333333333333, 0.75, 1 - 1e-12, 1, 1.25];
    for (const c of values) {
      for (const t of values) {
        setKnowledge(x, 2, c, t, params.codifiedWeight_exponent);
        y.codified[2] = c;
        y.tacit[2] = t;
        settleKnowledge(y, 2, params);
        expect([y.codified[2], y.tacit[2], y.capability[2]]).toEqual([x.codified[2], x.tacit[2], x.capability[2]]);
      }
    }
  });
});

describe('maturity, need and funding', () => {
  it('maturity is the mean capability over domains', () => {
    const { state, params } = world();
    const org = state.orgs[3];
    const values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    values.forEach((v, d) => setKnowledge(org, d, v, v, params.codifiedWeight_exponent));
    expect(maturity(org)).toBeCloseTo(0.35, 12);
  });

  it('need is 0 without a project and the capability gap with one', () => {
    const { state, params } = world();
    const org = state.orgs[4];
    setKnowledge(org, 0, 0.4, 0.5, params.codifiedWeight_exponent);
    org.stage[0] = Stage.none;
    expect(need(org, 0)).toBe(0);
    for (const stage of [Stage.procurement, Stage.adoption, Stage.optimization]) {
      org.stage[0] = stage;
      expect(need(org, 0)).toBeCloseTo(1 - org.capability[0], 12);
    }
  });

  it('isFunded is true before fundedUntil only', () => {
    const { state } = world();
    const org = state.orgs[5];
    org.fundedUntil = -1;
    expect(isFunded(org, 0)).toBe(false);
    org.fundedUntil = 10;
    expect(isFunded(org, 9)).toBe(true);
    expect(isFunded(org, 10)).toBe(false);
  });

  it('initial capability caches match the stocks', () => {
    const { state, params } = world();
    for (const org of state.orgs) {
      for (let d = 0; d < N_DOMAINS; d++) {
        expect(org.capability[d]).toBeCloseTo(computeCapability(org.codified[d], org.tacit[d], params.codifiedWeight_exponent), 12);
      }
    }
  });
});
