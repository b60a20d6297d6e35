import { z } from 'zod';
import { OUTCOMES } from '../model/outcomes.js';

const MOZAFFAR_2026 = 'Mozaffar et al. 2026, J Med Internet Res 28:e83345, doi:10.2196/83345';

/** One arm of a proposition: a scenario (built-in or file) and levers or parameters set on it. */
const armSchema = z
  .object({
    scenario: z.string().default('gde-baseline'),
    set: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  })
  .strict();

/**
 * A proposition as an experiment: two arms that differ in the factor, the outcome it should move,
 * the direction expected, and how precisely the effect is to be estimated. `later` turns the
 * response into a contrast: the effect on `outcome` minus the effect on `later` (an effect that
 * fades, for a proposition about early versus late trajectories).
 */
export const propositionSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case name of letters, digits and hyphens'),
    title: z.string(),
    statement: z.string(),
    source: z.string(),
    factor: z.string(),
    control: armSchema,
    treatment: armSchema,
    outcome: z.enum(OUTCOMES),
    later: z.enum(OUTCOMES).optional(),
    months: z.number().int().min(1).max(600).optional(),
    expected: z.enum(['increase', 'decrease']),
    /** Target full width of the 95% interval of the effect, in the outcome's unit. */
    width: z.number().positive(),
    /** Most paired replications to spend on it. */
    cap: z.number().int().min(3).max(10000).default(40),
  })
  .strict();

export type Proposition = z.infer<typeof propositionSchema>;
export type PropositionInput = z.input<typeof propositionSchema>;

const cutYears = (value: number) => ({
  'budget.by_year.grants.2017': 45e6,
  'budget.by_year.grants.2018': 45e6,
  'budget.by_year.grants.2019': 45e6,
  'budget.by_year.grants.2020': value,
  'budget.by_year.grants.2021': value,
  'budget.by_year.grants.2022': 45e6,
  'budget.by_year.grants.2023': 45e6,
});

/**
 * The seven propositions and three configurations of Mozaffar et al. 2026 (Limitations and
 * Future Research; Principal Findings), each as a declared experiment. Widths are in the
 * outcome's unit, set at about a quarter of the replicate-to-replicate spread of the difference
 * seen in pilot runs, so the cap rather than the width usually ends a null effect.
 */
export const PROPOSITIONS: readonly PropositionInput[] = [
  {
    name: 'p1-alignment',
    title: 'Cross-level contextual alignment',
    statement: 'Cross-level contextual alignment is central to effective ecosystem formation.',
    source: `${MOZAFFAR_2026}, Limitations and Future Research, proposition 1`,
    factor: 'pairings aligned on the core system supplier (pairing.rule same-supplier) versus random pairings',
    control: { set: { 'pairing.rule': 'random' } },
    treatment: { set: { 'pairing.rule': 'same-supplier' } },
    outcome: 'maturity_end_follower',
    expected: 'increase',
    width: 0.004,
  },
  {
    name: 'p2-identity',
    title: 'Identity and relational recognition',
    statement: 'Identity and relational recognition significantly influence knowledge flows.',
    source: `${MOZAFFAR_2026}, proposition 2`,
    factor: 'partner framing (labels: partner) versus exemplar/follower labels',
    control: { set: { labels: 'exemplar-follower' } },
    treatment: { set: { labels: 'partner' } },
    outcome: 'pairing_formal_flow_mean',
    expected: 'increase',
    width: 0.002,
  },
  {
    name: 'p3-adaptability',
    title: 'Formal-informal balance and adaptability',
    statement: 'The balance of formal and informal relationships affects ecosystem adaptability.',
    source: `${MOZAFFAR_2026}, proposition 3`,
    factor: 'funded informal support (informal-support: secondments, independent networks, consultancy subsidy) versus the formal programme alone, both under a shock: no grants in 2020 and 2021 (budget.by_year)',
    control: { scenario: 'gde-baseline', set: cutYears(0) },
    treatment: { scenario: 'informal-support', set: cutYears(0) },
    outcome: 'maturity_end_all',
    expected: 'increase',
    width: 0.004,
  },
  {
    name: 'p4-intermediaries',
    title: 'Intermediaries as brokers',
    statement: 'Intermediaries are essential brokers in sustaining learning systems.',
    source: `${MOZAFFAR_2026}, proposition 4`,
    factor: 'independent consultants and the independent professional network present (baseline) versus removed (no consultants at start, none formed by moves, no professional network)',
    control: { set: { initialConsultants_count: 0, becomeConsultant_share: 0, professionalNetworkJoin_probPerMonth: 0 } },
    treatment: { set: {} },
    outcome: 'informal_ties_alive_after_funding',
    expected: 'increase',
    width: 40,
  },
  {
    name: 'p5-external-early',
    title: 'External influences early, internal later',
    statement: 'External influences shape early trajectories; internal factors matter more as ecosystems mature.',
    source: `${MOZAFFAR_2026}, proposition 5`,
    factor: 'what the programme\'s funding buys (an external influence: staff hours bought by the grants, which speed projects and leave time for sharing, and cheaper contact through national activities) versus the same programme without it (grantStaffShare_share and national_activities.contact_cost_reduction_share 0); the response is its effect on follower maturity at the end of funding minus its effect three years later (positive: the external effect fades as internal factors take over)',
    control: { set: { grantStaffShare_share: 0, 'national_activities.contact_cost_reduction_share': 0 } },
    treatment: { set: {} },
    outcome: 'maturity_funding_end_follower',
    later: 'maturity_end_follower',
    expected: 'increase',
    width: 0.004,
  },
  {
    name: 'p6-absorptive-capacity',
    title: 'Learning outcomes vary with specific factors',
    statement: 'Learning outcomes vary with specific factors (here: absorptive capacity).',
    source: `${MOZAFFAR_2026}, proposition 6`,
    factor: 'higher base absorptive capacity (absorptiveBase_index 0.35 versus 0.25)',
    control: { set: { absorptiveBase_index: 0.25 } },
    treatment: { set: { absorptiveBase_index: 0.35 } },
    outcome: 'maturity_end_outside',
    expected: 'increase',
    width: 0.004,
  },
  {
    name: 'p7-individual-motivation',
    title: 'Organizational- and individual-level factors',
    statement: 'Organizational- and individual-level factors warrant deeper investigation (here: intrinsic motivation of individuals).',
    source: `${MOZAFFAR_2026}, proposition 7`,
    factor: 'stronger intrinsic motivation to share (willingnessIntrinsic_logit 2.4 versus 1.6)',
    control: { set: { willingnessIntrinsic_logit: 1.6 } },
    treatment: { set: { willingnessIntrinsic_logit: 2.4 } },
    outcome: 'informal_formations_total',
    expected: 'increase',
    width: 60,
  },
  {
    name: 'c1-policy-stability',
    title: 'Policy stability and investment',
    statement: 'Policy stability and investment lead to more engagement and more formal collaboration.',
    source: `${MOZAFFAR_2026}, Principal Findings (configurations)`,
    factor: 'funding two years longer (extended-funding) versus funding tapering over its last two years (early-taper)',
    control: { scenario: 'early-taper' },
    treatment: { scenario: 'extended-funding' },
    outcome: 'formal_formations_programme',
    expected: 'increase',
    width: 30,
  },
  {
    name: 'c2-trust-prior-ties',
    title: 'Trust, prior relationships and aligned timelines',
    statement: 'Trust, prior relationships and aligned timelines sustain learning.',
    source: `${MOZAFFAR_2026}, Principal Findings (configurations)`,
    factor: 'more initial trust in new ties and a larger fall in contact cost from prior ties (initialTrust_index 0.45, priorTieCost_logRatio 0.9) versus the baseline (0.3, 0.6)',
    control: { set: {} },
    treatment: { set: { initialTrust_index: 0.45, priorTieCost_logRatio: 0.9 } },
    outcome: 'informal_ties_alive_after_funding',
    expected: 'increase',
    width: 40,
  },
  {
    name: 'c3-competition',
    title: 'Competitive procurement and misaligned incentives',
    statement: 'Competitive procurement or misaligned incentives lead to protective, fragmented, transactional exchange.',
    source: `${MOZAFFAR_2026}, Principal Findings (configurations)`,
    factor: 'a competitive context (competitive-context: procurement pressure and misaligned incentives) versus the baseline',
    control: { scenario: 'gde-baseline' },
    treatment: { scenario: 'competitive-context' },
    outcome: 'informal_formations_total',
    expected: 'decrease',
    width: 60,
  },
];
