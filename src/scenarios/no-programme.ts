import type { Scenario } from './scenario.js';

export const noProgramme: Scenario = {
  name: 'no-programme',
  title: 'Counterfactual: the same England without the GDE programme',
  description:
    'The same population, suppliers, consultants and independent professional network as gde-baseline (replicate k starts from ' +
    'the same set-up draws and the same stream seeds), but no programme: no exemplar or follower status, pairings, grants, blueprints, learning networks, academy cohorts ' +
    'or national activities. New CCIO and CNIO posts still appear at their base rate (the Wachter review preceded the programme). ' +
    'Comparing it with gde-baseline shows what the programme added.',
  sources: ['MODEL-BRIEF.md: Propositions (external influences shape early trajectories)', 'seeds/001_d6a97f109499ec83.txt: Macroenvironmental Level'],
  overrides: { programmeActive_flag: 0 },
};
