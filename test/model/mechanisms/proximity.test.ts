import { describe, expect, it } from 'vitest';
import { CareSetting, Domain, Status } from '../../../src/model/enums.js';
import { contactCost, pairingFit } from '../../../src/model/mechanisms/proximity.js';
import { addPair } from '../../../src/model/pairSet.js';
import { mut, world, setDistance } from './fixtures.js';

/** Two organizations that differ in every dimension of proximity, 100 km apart, after funding ends. */
function strangers(overrides: Record<string, number> = {}) {
  const w = world(overrides);
  const { state } = w;
  const [a, b] = [state.orgs[0], state.orgs[1]];
  mut(a).grouping = 0;
  mut(b).grouping = 1;
  mut(a).setting = CareSetting.acute;
  mut(b).setting = CareSetting.mentalHealth;
  a.suppliers[Domain.epr] = 0;
  b.suppliers[Domain.epr] = 4;
  mut(a).logSize = 0;
  mut(b).logSize = 0;
  a.status = Status.outside;
  b.status = Status.outside;
  setDistance(state, a.id, b.id, 100);
  state.month = w.params.fundingEnd_month + 1;
  return { ...w, a, b };
}

describe('contactCost', () => {
  it('is contactCost_index * exp(distanceCost_per100km * km / 100) between strangers', () => {
    const { state, params: p, a, b } = strangers();
    expect(contactCost(state, p, a, b)).toBeCloseTo(p.contactCost_index * Math.exp(p.distanceCost_per100km), 10);
    setDistance(state, a.id, b.id, 250);
    expect(contactCost(state, p, a, b)).toBeCloseTo(p.contactCost_index * Math.exp(2.5 * p.distanceCost_per100km), 10);
    setDistance(state, a.id, b.id, 0);
    expect(contactCost(state, p, a, b)).toBeCloseTo(p.contactCost_index, 10);
  });

  it('rises with distance', () => {
    const { state, params, a, b } = strangers();
    const near = contactCost(state, params, a, b);
    setDistance(state, a.id, b.id, 300);
    expect(contactCost(state, params, a, b)).toBeGreaterThan(near);
  });

  it('falls by the exact log ratio for each shared dimension', () => {
    const { state, params: p, a, b } = strangers();
    const base = contactCost(state, p, a, b);
    mut(b).grouping = a.grouping;
    const g = contactCost(state, p, a, b);
    expect(g / base).toBeCloseTo(Math.exp(-p.sameGroupingCost_logRatio), 10);
    b.suppliers[Domain.epr] = a.suppliers[Domain.epr];
    const s = contactCost(state, p, a, b);
    expect(s / g).toBeCloseTo(Math.exp(-p.sameSupplierCost_logRatio), 10);
    mut(b).setting = a.setting;
    const st = contactCost(state, p, a, b);
    expect(st / s).toBeCloseTo(Math.exp(-p.sameSettingCost_logRatio), 10);
    addPair(state.pairEver, state.orgs.length, a.id, b.id);
    const prior = contactCost(state, p, a, b);
    expect(prior / st).toBeCloseTo(Math.exp(-p.priorTieCost_logRatio), 10);
    a.status = Status.exemplar;
    b.status = Status.exemplar;
    const status = contactCost(state, p, a, b);
    expect(status / prior).toBeCloseTo(Math.exp(-p.sameStatusCost_logRatio), 10);
  });

  it('only the EPR (core) supplier counts for the same-supplier discount', () => {
    const { state, params: p, a, b } = strangers();
    const base = contactCost(state, p, a, b);
    b.suppliers[Domain.imaging] = a.suppliers[Domain.imaging];
    expect(contactCost(state, p, a, b)).toBe(base);
  });

  it('gives no same-status discount to two outside organizations, nor to exemplar and follower', () => {
    const { state, params: p, a, b } = strangers();
    const base = contactCost(state, p, a, b);
    expect(a.status).toBe(Status.outside);
    expect(contactCost(state, p, a, b)).toBe(base);
    a.status = Status.exemplar;
    b.status = Status.follower;
    expect(contactCost(state, p, a, b)).toBe(base);
    b.status = Status.follower;
    a.status = Status.follower;
    expect(contactCost(state, p, a, b)).toBeCloseTo(base * Math.exp(-p.sameStatusCost_logRatio), 10);
  });

  it('rises with size dissimilarity', () => {
    const { state, params: p, a, b } = strangers();
    const base = contactCost(state, p, a, b);
    mut(b).logSize = 0.5;
    expect(contactCost(state, p, a, b) / base).toBeCloseTo(Math.exp(p.sizeDissimilarityCost_logRatio * 0.5), 10);
    mut(b).logSize = -0.5;
    expect(contactCost(state, p, a, b) / base).toBeCloseTo(Math.exp(p.sizeDissimilarityCost_logRatio * 0.5), 10);
  });

  it('is reduced by nationalCostReduction_share while national activities run', () => {
    const { state, params: p, a, b } = strangers();
    const after = contactCost(state, p, a, b);
    state.month = p.fundingEnd_month - 1;
    expect(contactCost(state, p, a, b)).toBeCloseTo(after * (1 - p.nationalCostReduction_share), 10);
    state.month = p.programmeStart_month;
    expect(contactCost(state, p, a, b)).toBeCloseTo(after * (1 - p.nationalCostReduction_share), 10);
  });

  it('is not reduced without a programme', () => {
    const { state, params: p, a, b } = strangers({ programmeActive_flag: 0 });
    const after = contactCost(state, p, a, b);
    state.month = 10;
    expect(contactCost(state, p, a, b)).toBe(after);
  });

  it('is symmetric', () => {
    const { state, params: p, a, b } = strangers();
    mut(b).logSize = 0.3;
    expect(contactCost(state, p, a, b)).toBeCloseTo(contactCost(state, p, b, a), 12);
  });
});

describe('pairingFit', () => {
  it('is 0.4 for a shared core system + 0.3 for a shared grouping + 0.3 exp(-km/100)', () => {
    const { state, a, b } = strangers();
    expect(pairingFit(state, a, b)).toBeCloseTo(0.3 * Math.exp(-1), 10);
    b.suppliers[Domain.epr] = a.suppliers[Domain.epr];
    expect(pairingFit(state, a, b)).toBeCloseTo(0.4 + 0.3 * Math.exp(-1), 10);
    mut(b).grouping = a.grouping;
    setDistance(state, a.id, b.id, 0);
    expect(pairingFit(state, a, b)).toBeCloseTo(1, 10);
  });
});
