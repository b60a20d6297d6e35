import { beforeAll, describe, expect, it } from 'vitest';
import type { Outcomes } from '../../src/model/outcomes.js';
import { outcomesOf, pairedDifference, REPS, show, summaryOf, withinDifference } from './ensembles.js';

/**
 * Patterns 1, 3, 4 and 11 of the brief (shared/MODEL-BRIEF.md), each over REPS replications of
 * gde-baseline and the no-programme counterfactual on common random numbers.
 */
describe('patterns from the programme and its counterfactual', () => {
  let baseline: Outcomes[];
  let none: Outcomes[];

  beforeAll(() => {
    baseline = outcomesOf('gde-baseline');
    none = outcomesOf('no-programme');
  });

  it('pattern 1: formal structures accelerate informal networking, and informal ties outnumber formal ones by the end (003 Results, Discussion)', () => {
    const faster = pairedDifference(baseline, none, 'informal_formations_programme');
    const more = pairedDifference(baseline, none, 'informal_active_funding_end');
    const outnumber = withinDifference(baseline, 'informal_active_funding_end', 'formal_active_funding_end');
    console.info([show('extra informal formations during funding', faster), show('extra informal ties active at funding end', more), show('informal minus formal at funding end', outnumber)].join('\n'));
    expect(faster.n).toBe(REPS);
    expect(faster.ciLow).toBeGreaterThan(0);
    expect(more.ciLow).toBeGreaterThan(0);
    expect(outnumber.ciLow).toBeGreaterThan(0);
  });

  it('pattern 3: informal ties concentrate among proximate organizations (003 Contextual Factors; 001 Interorganizational Level)', () => {
    const grouping = summaryOf(baseline, (o) => o.ties_same_grouping_ratio);
    const supplier = summaryOf(baseline, (o) => o.ties_same_supplier_ratio);
    const setting = summaryOf(baseline, (o) => o.ties_same_setting_ratio);
    const distance = summaryOf(baseline, (o) => o.ties_distance_ratio);
    console.info([show('same grouping, observed/expected', grouping), show('same core supplier, observed/expected', supplier), show('same care setting, observed/expected', setting), show('mean distance, observed/expected', distance)].join('\n'));
    expect(grouping.ciLow).toBeGreaterThan(1);
    expect(supplier.ciLow).toBeGreaterThan(1);
    expect(setting.ciLow).toBeGreaterThan(1);
    expect(distance.ciHigh).toBeLessThan(1);
  });

  it('pattern 4: most central learning networks stop after funding, profession-led ones survive as communities of practice (001 Spectrum; 003 Evolving Formal Processes)', () => {
    const central = summaryOf(baseline, (o) => o.networks_central_surviving / o.networks_central);
    const profession = summaryOf(baseline, (o) => o.networks_profession_surviving / o.networks_profession);
    const gap = summaryOf(baseline, (o) => o.networks_profession_surviving / o.networks_profession - o.networks_central_surviving / o.networks_central);
    const practice = summaryOf(baseline, (o) => o.networks_became_practice);
    console.info([show('central networks surviving 3 years after funding (share)', central), show('profession-led surviving (share)', profession), show('profession minus central', gap), show('networks that became communities of practice', practice)].join('\n'));
    expect(central.ciHigh).toBeLessThan(0.5);
    expect(gap.ciLow).toBeGreaterThan(0);
    expect(practice.ciLow).toBeGreaterThan(0);
  });

  it('pattern 11: almost all participating organizations network (003 Results: all but 5 of 36)', () => {
    const share = summaryOf(baseline, (o) => o.programme_orgs_networking_evaluation);
    console.info(show('programme organizations networking by March 2020', share));
    expect(share.ciLow).toBeGreaterThan(0.8);
  });
});
