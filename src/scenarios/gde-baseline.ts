import type { Scenario } from './scenario.js';

export const gdeBaseline: Scenario = {
  name: 'gde-baseline',
  title: 'Global Digital Exemplar programme, 2017-2023, and three years after',
  description:
    'England with about 220 provider organizations in 42 local strategic groupings and 7 regions. ' +
    'In January 2017 NHS England selects 23 exemplars (16 acute, 7 mental health) and 3 ambulance exemplars from the most ' +
    'digitally mature organizations, and 25 fast followers (17 acute, 8 mental health) from the next tier; six months later ' +
    'followers are paired with exemplars of their own care setting, most by their own choice. Exemplars and followers are funded ' +
    'until the end of 2023 (GBP 395 million in all, with national activities and the Digital Academy), write blueprints from 2019, ' +
    'join ten learning networks launched in the first half of the programme (three of them profession-led) and send leaders to ' +
    'four academy cohorts. Suppliers run user groups and pilot visits; consultants and an independent professional network ' +
    'carry know-how throughout. The run continues for three years after national funding ends.',
  sources: [
    'seeds/003_53c943aff26264ac.txt: Objectives, Setting, Table 1, Results',
    'seeds/001_d6a97f109499ec83.txt: Research Setting, Macroenvironmental Level, Spectrum',
    'MODEL-BRIEF.md: Facts for the baseline scenario',
  ],
  overrides: {},
};
