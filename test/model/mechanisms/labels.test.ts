import { describe, expect, it } from 'vitest';
import { maturity } from '../../../src/agents/organization.js';
import { labelDiscount, perceivedStanding } from '../../../src/model/mechanisms/labels.js';
import { pairUp, setAll, world } from './fixtures.js';

function setup(bias: number, overrides: Record<string, number> = {}) {
  const w = world(overrides);
  const [ex, fo] = [w.state.orgs[0], w.state.orgs[1]];
  const a = w.params.codifiedWeight_exponent;
  setAll(ex, 0.6, 0.6, a);
  setAll(fo, 0.5, 0.5, a);
  const pairing = pairUp(w.state, w.ctx, ex, fo, bias);
  return { ...w, ex, fo, pairing, a };
}

describe('perceivedStanding', () => {
  it('is the follower\'s maturity plus its bias minus the exemplar\'s, and moves as they mature', () => {
    const { state, ex, fo, pairing, a } = setup(0.03);
    expect(perceivedStanding(state, pairing.id)).toBeCloseTo(maturity(fo) + 0.03 - maturity(ex), 12);
    setAll(fo, 0.7, 0.7, a);
    expect(perceivedStanding(state, pairing.id)).toBeCloseTo(0.1 + 0.03, 12);
  });
});

describe('labelDiscount', () => {
  it('rises with the follower\'s perceived standing, from near 0 far behind towards labelInhibition_share', () => {
    const behind = setup(-0.3);
    const level = setup(0.1);
    const ahead = setup(0.5);
    const p = behind.params;
    const d = (w: ReturnType<typeof setup>) => labelDiscount(w.state, w.params, w.pairing.id);
    expect(d(behind)).toBeLessThan(0.01 * p.labelInhibition_share);
    expect(d(level)).toBeCloseTo(p.labelInhibition_share / 2, 12); // standing exactly 0: half the largest discount
    expect(d(ahead)).toBeGreaterThan(0.99 * p.labelInhibition_share);
    expect(d(behind)).toBeLessThan(d(level));
    expect(d(level)).toBeLessThan(d(ahead));
  });

  it('weighs the comparison by partnerFramingComparison_share under partner framing, and is 0 with labelInhibition_share 0', () => {
    const labels = setup(0.1);
    const partner = setup(0.1, { labelsActive_flag: 0 });
    const none = setup(0.1, { labelInhibition_share: 0 });
    const full = labelDiscount(labels.state, labels.params, labels.pairing.id);
    expect(labelDiscount(partner.state, partner.params, partner.pairing.id)).toBeCloseTo(full * partner.params.partnerFramingComparison_share, 12);
    expect(labelDiscount(none.state, none.params, none.pairing.id)).toBe(0);
  });
});
