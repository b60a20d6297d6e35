import type { ScenarioDocument } from '../schema.js';

/**
 * The built-in scenarios, written in the same plain-unit vocabulary as scenario files (and
 * checked against the same schema by test/scenarios/builtin.test.ts). Each states what it
 * represents and its sources, NetLogo Info-tab style. Order is the listing order.
 */
export const BUILTIN_DOCUMENTS: Readonly<Record<string, ScenarioDocument>> = {
  'gde-baseline': {
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
      'Cresswell et al. 2021: Objectives, Setting, Table 1, Results',
      'Mozaffar et al. 2026: Research Setting, Macroenvironmental Level, Spectrum',
      'lesim model brief: Facts for the baseline scenario',
    ],
  },
  'no-programme': {
    title: 'Counterfactual: the same England without the GDE programme',
    description:
      'The same population, suppliers, consultants and independent professional network as gde-baseline (replicate k starts from ' +
      'the same set-up draws and the same stream seeds), but no programme: no exemplar or follower status, pairings, grants, blueprints, ' +
      'learning networks, academy cohorts or national activities. New CCIO and CNIO posts still appear at their base rate (the Wachter ' +
      'review preceded the programme). Comparing it with gde-baseline shows what the programme added.',
    sources: ['lesim model brief: Propositions (external influences shape early trajectories)', 'Mozaffar et al. 2026: Macroenvironmental Level'],
    extends: 'gde-baseline',
    programme: { active: false },
  },
  'blueprints-only': {
    title: 'Exemplars funded to write blueprints; no pairings, learning networks or academy',
    description:
      'The 26 exemplars are selected and funded as in gde-baseline and mandated to write blueprints on the national platform from 2019, ' +
      'but there are no fast followers (so no pairings), no learning networks and no academy cohorts; the national activities budget ' +
      'is cut to the platform and curation (GBP 20 million) and the academy budget to zero. It asks what codified documents alone ' +
      'achieve: the sources found blueprints transfer little implementation know-how but help people find whom to contact.',
    sources: ['Mozaffar et al. 2026: Spectrum of Interorganizational Relationships and Partnerships (blueprints)', 'Cresswell et al. 2021: Evolving Formal Processes (blueprinting platform)', 'lesim model brief: pattern 5'],
    extends: 'gde-baseline',
    participants: { followers: { acute: 0, mental_health: 0 } },
    learning_networks: { count: 0, profession_led: 0 },
    academy: { cohorts: 0 },
    budget: { national_activities_gbp: 20e6, academy_gbp: 0 },
  },
  'pairings-only': {
    title: 'Exemplar-follower pairings without blueprints, learning networks or academy',
    description:
      'Exemplars and fast followers are selected, funded and paired as in gde-baseline, but there is no blueprint mandate, no ' +
      'learning networks and no academy; national activities shrink to running the pairings (GBP 20 million). It isolates the ' +
      'formal pairing: the sources found pairings worked best when people of the pair also built informal ties.',
    sources: ['Cresswell et al. 2021: Setting (pairings), Abstract (formal networks most effective with informal support)', 'Mozaffar et al. 2026: Interorganizational Level', 'lesim model brief: patterns 2 and 10'],
    extends: 'gde-baseline',
    blueprints: { mandate: false },
    learning_networks: { count: 0, profession_led: 0 },
    academy: { cohorts: 0 },
    budget: { national_activities_gbp: 20e6, academy_gbp: 0 },
  },
  'informal-support': {
    title: 'The GDE programme plus funded informal support: secondments, independent networks, consultancy subsidy',
    description:
      'gde-baseline plus three intermediary levers while national funding lasts: 24 secondments a year of six months from programme ' +
      'organizations to organizations with a need; GBP 2 million a year for independent professional networks (more joining, more ' +
      'attendance at their events); and a national subsidy of GBP 300 per consultant day. It tests the proposition that intermediaries ' +
      'and informal channels sustain learning beyond the funded formal structures.',
    sources: [
      'Mozaffar et al. 2026: Macroenvironmental Level (intermediaries: consultants, independent networks), Limitations and Future Research (proposition 4)',
      'Cresswell et al. 2021: Integration (personnel transfers move tacit knowledge)',
      'assumption: secondment numbers, support amounts and subsidy are illustrative',
    ],
    extends: 'gde-baseline',
    intermediaries: { secondments_per_year: 24, secondment_months: 6, independent_network_support_gbp_per_year: 2e6, consultancy_subsidy_gbp_per_day: 300 },
  },
  'extended-funding': {
    title: 'The GDE programme funded two years longer, to the end of 2025',
    description:
      'gde-baseline with national funding to December 2025 instead of December 2023, with grants and budgets raised in proportion ' +
      '(nine years instead of seven); the run is extended so that three years after funding still fall inside it (to the end of 2028). ' +
      'It asks whether more years of the same money buy lasting ties, or only postpone the cliff edge.',
    sources: ['lesim model brief: policymaker question (fund X for Y years)', 'Mozaffar et al. 2026: Principal Findings (policy stability and investment)', 'assumption: budgets scaled by 9/7'],
    extends: 'gde-baseline',
    run: { months: 144 },
    programme: { funding_end: '2025-12' },
    budget: { exemplar_grant_gbp: 10e6 * (9 / 7), follower_grant_gbp: 5e6 * (9 / 7), national_activities_gbp: 60e6 * (9 / 7) },
  },
  'early-taper': {
    title: 'The GDE programme with funding tapering over its last two years',
    description:
      'gde-baseline with the same budget, but funding tapers linearly to zero over 2022-2023 instead of stopping at a cliff edge: ' +
      'more is spent early, and the staff hours the grants buy fade over the last 24 months. It asks whether a ' +
      'gradual exit leaves more standing than an abrupt one.',
    sources: ['Mozaffar et al. 2026: Spectrum (networks that ended with funding)', 'assumption: the taper shape is a policy choice the sources do not describe'],
    extends: 'gde-baseline',
    programme: { taper_months: 24 },
  },
  'front-loaded': {
    title: 'The GDE programme with the same money spent earlier: budgets front-loaded by year',
    description:
      'gde-baseline with the same GBP 395 million, but given by calendar year instead of evenly: grants to exemplars and followers ' +
      'fall from GBP 65 million in 2017 and 2018 to GBP 20 million in 2023 (GBP 315 million in all, 60% of it in the first three ' +
      'years), and national activities from GBP 14 million in 2017 to GBP 5 million a year in 2022-2023 (GBP 60 million). An ' +
      'organization getting more of its grant in a year buys proportionally more funded staff hours for its projects and ' +
      'sharing that year, and national activities cut the cost of making contact more in the years they are given more. The academy ' +
      'and the schedule are unchanged. It asks whether buying capacity early, while pairings and networks form, leaves more standing ' +
      'after the money stops than the same money spread evenly, at the price of thin final years.',
    sources: [
      'Cresswell et al. 2021: Objectives (GBP 395 million over the programme, no yearly profile given)',
      'Mozaffar et al. 2026: Macroenvironmental Level (pairings as a prerequisite of funding; compressed timeframes), Spectrum (fixed-term contracts)',
      'lesim model brief: policymaker question (fund X for Y years: what is left 3 years after the money stops?)',
      'assumption: the yearly profile is illustrative; the sources do not describe one',
    ],
    extends: 'gde-baseline',
    budget: {
      by_year: {
        grants: { 2017: 65e6, 2018: 65e6, 2019: 60e6, 2020: 45e6, 2021: 35e6, 2022: 25e6, 2023: 20e6 },
        national: { 2017: 14e6, 2018: 12e6, 2019: 10e6, 2020: 8e6, 2021: 6e6, 2022: 5e6, 2023: 5e6 },
      },
    },
  },
  'partner-labels': {
    title: 'The GDE programme with partner framing instead of exemplar/follower labels',
    description:
      'gde-baseline with the same structure, but participants are called partners: a follower that judges itself equal or ahead of ' +
      'its exemplar is no longer put off by the label. The 2021 study quotes participants preferring the word partner.',
    sources: ['Cresswell et al. 2021: Reputational Benefits and Competition ("I like the word partner")', 'Mozaffar et al. 2026: Interorganizational Level (relational recognition)', 'lesim model brief: pattern 6'],
    extends: 'gde-baseline',
    labels: 'partner',
  },
  'digital-aspirant': {
    title: 'The GDE programme plus a follow-on programme for 40 organizations outside the first wave',
    description:
      'gde-baseline plus a follow-on programme from January 2020: the 40 most mature organizations outside the first wave (acute, ' +
      'mental health, specialist and community) are funded for three years with GBP 3 million each. They are not paired and write no ' +
      'blueprints; funding buys them staff hours (faster projects, time to share) and new roles, and they read the first wave\'s blueprints and seek ' +
      'its people like any organization. England ran such a programme (Digital Aspirant) after the exemplars.',
    sources: ['Mozaffar et al. 2026: Interorganizational factors (collective identity: GDE status or Digital Aspirant status)', 'lesim model brief: Policy entity (follow-on programmes)', 'assumption: size, timing and grant of the follow-on programme'],
    extends: 'gde-baseline',
    follow_on: { organizations: 40, start: '2020-01', funded_months: 36, grant_gbp: 3e6 },
  },
  'competitive-context': {
    title: 'The GDE programme in a competitive context: procurement pressure and misaligned incentives',
    description:
      'gde-baseline where organizations of the same care setting across a region compete (for procurement, status and funding), ' +
      'not only neighbours in the same grouping: willingness to accept a contact from a rival falls. The 2026 study found that ' +
      'competitive procurement pressures or misaligned incentives triggered protective behaviour and fragmented, transactional exchange.',
    sources: ['Mozaffar et al. 2026: Principal Findings (competitive procurement pressures or misaligned incentives)', 'Cresswell et al. 2021: Reputational Benefits and Competition', 'assumption: strength 0.7'],
    extends: 'gde-baseline',
    context: { procurement_pressure: 0.7 },
  },
  'population-10x': {
    title: 'Scale test: the GDE programme in a health system ten times the size of England\'s',
    description:
      'gde-baseline with ten times the population: 2,200 provider organizations (the same mix of care settings) in 420 local ' +
      'strategic groupings, still in 7 regions over the same area, with about 22,000 digitally engaged staff and 200 independent ' +
      'consultants at the start. The programme keeps its size (26 exemplars, 25 followers, ten learning networks, four academy ' +
      'cohorts and the same budget), so it reaches a tenth of the share of organizations it reaches in gde-baseline. It exists to ' +
      'show that the implementation scales (time per simulated month grows about linearly with the population: npm run bench) ' +
      'and to ask how results change with the size of the system; it represents no real country.',
    sources: ['assumption: gde-baseline scaled tenfold in organizations, groupings and consultants, for scale tests'],
    extends: 'gde-baseline',
    parameters: { organizations_count: 2200, groupings_count: 420, initialConsultants_count: 200 },
  },
};
