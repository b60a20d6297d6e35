import { beforeAll, describe, expect, it } from 'vitest';
import type { Outcomes } from '../../src/model/outcomes.js';
import { outcomesOf, pairedDifference, show, summaryOf } from './ensembles.js';

/**
 * Patterns 2, 5 and 6 of the brief, each as a paired experiment on common random numbers: the
 * same replications with one mechanism switched off or one lever changed.
 */
describe('patterns from pairings, blueprints, labels and competition', () => {
  let baseline: Outcomes[];

  beforeAll(() => {
    baseline = outcomesOf('gde-baseline');
  });

  it('pattern 2: formal pairings work best when overlaid by informal ties (003 Abstract, Discussion)', () => {
    const knockedOut = outcomesOf('gde-baseline', { pairingOverlay_flag: 0 });
    const maturity = pairedDifference(baseline, knockedOut, 'maturity_funding_end_follower');
    const engaged = pairedDifference(baseline, knockedOut, 'pairing_engaged_months_mean');
    console.info([show('follower maturity at funding end, overlay minus knock-out', maturity), show('engaged pairing months, overlay minus knock-out', engaged)].join('\n'));
    expect(maturity.ciLow).toBeGreaterThan(0);
    expect(engaged.ciLow).toBeGreaterThan(0);
  });

  it('pattern 5: blueprints alone transfer little know-how, but are used to find whom to contact (001 Spectrum; 003 Evolving Formal Processes)', () => {
    // Blueprints are the only programme learning mechanism here: no followers, networks, academy or national activities.
    const blueprintsOnly = { followersAcute_count: 0, followersMentalHealth_count: 0, learningNetworks_count: 0, professionLedNetworks_count: 0, academyCohorts_count: 0, nationalCostReduction_share: 0 };
    const noBlueprints = outcomesOf('gde-baseline', { ...blueprintsOnly, blueprintStart_month: 600 });
    const documentsOnly = outcomesOf('gde-baseline', { ...blueprintsOnly, blueprintDirectory_prob: 0 });
    const withDirectory = outcomesOf('gde-baseline', blueprintsOnly);
    const codified = pairedDifference(documentsOnly, noBlueprints, 'codified_funding_end_outside');
    const tacit = pairedDifference(documentsOnly, noBlueprints, 'tacit_funding_end_outside');
    const contacts = summaryOf(withDirectory, (o) => o.blueprint_triggered_ties);
    const directoryTacit = pairedDifference(withDirectory, documentsOnly, 'tacit_funding_end_outside');
    console.info([show('documents: codified gain of outside organizations', codified), show('documents: tacit gain', tacit), show('contacts triggered by blueprints', contacts), show('directory: extra tacit gain', directoryTacit)].join('\n'));
    expect(codified.ciLow).toBeGreaterThan(0);
    expect(tacit.ciHigh).toBeLessThan(codified.mean / 3);
    expect(contacts.ciLow).toBeGreaterThan(0);
    expect(directoryTacit.ciLow).toBeGreaterThan(0);
  });

  it('pattern 6: exemplar/follower labels inhibit engagement; competition inhibits, but a sharing culture prevails (001 Interorganizational Level; 003 Reputational Benefits)', () => {
    const partners = outcomesOf('gde-baseline', { labelsActive_flag: 0 });
    const noCompetition = outcomesOf('gde-baseline', { competitionInhibition_share: 0 });
    const labels = pairedDifference(partners, baseline, 'pairing_engaged_months_mean');
    const competition = pairedDifference(noCompetition, baseline, 'ties_between_rivals');
    const prevails = summaryOf(baseline, (o) => o.ties_between_rivals).mean / summaryOf(noCompetition, (o) => o.ties_between_rivals).mean;
    console.info([show('engaged pairing months, partner framing minus labels', labels), show('ties between local rivals, no competition minus baseline', competition), `ties between rivals kept under competition: ${(100 * prevails).toFixed(1)}%`].join('\n'));
    expect(labels.ciLow).toBeGreaterThan(0);
    expect(competition.ciLow).toBeGreaterThan(0);
    expect(prevails).toBeGreaterThan(0.5);
  });
});
