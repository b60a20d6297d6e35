import type { OutcomeName } from '../model/outcomes.js';
import type { ParameterName } from '../model/parameters.js';
import type { MeasureName } from './measures.js';
import type { Citation } from './sources.js';
import type { Target } from './targets.js';

/**
 * The twelve observed patterns of the model brief (pattern-oriented validation), declared once:
 * what is measured, over which runs and window, the target and where it comes from, the
 * mechanisms said to produce it and the knock-out that switches them off. `lesim patterns`,
 * test/patterns and docs/patterns.md all read this table.
 */

/** One replication's values: the run outcomes and the pattern measures. */
export type Values = Readonly<Record<OutcomeName | MeasureName, number>>;

/**
 * The parameter sets a pattern compares, on common random numbers (replicate k of each shares
 * its streams): the baseline, the counterfactual without the programme, and single-lever contrasts.
 */
/** The programme with blueprints as its only learning mechanism (the existing pattern-5 experiment). */
const BLUEPRINTS_ALONE = { followersAcute_count: 0, followersMentalHealth_count: 0, learningNetworks_count: 0, professionLedNetworks_count: 0, academyCohorts_count: 0, nationalCostReduction_share: 0 };

/** The directory effect off: a read neither triggers a contact with an author nor notes the authors for later search. */
const BLUEPRINT_CONTACTS_OFF = { blueprintContact_prob: 0, blueprintDirectory_prob: 0 };

export const CONFIGS = {
  base: { scenario: 'gde-baseline', overrides: {}, description: 'the GDE baseline' },
  none: { scenario: 'no-programme', overrides: {}, description: 'no programme (counterfactual)' },
  partnerFraming: { scenario: 'gde-baseline', overrides: { labelsActive_flag: 0 }, description: 'partner framing instead of exemplar/follower labels' },
  noCompetition: { scenario: 'gde-baseline', overrides: { competitionInhibition_logit: 0 }, description: 'no inhibition towards local rivals' },
  noRoutines: { scenario: 'gde-baseline', overrides: { routineThreshold_requestsPerMonth: 1000 }, description: 'no organization ever sets up a request-handling routine' },
  noTimeInhibitor: { scenario: 'gde-baseline', overrides: { willingnessTime_logit: 0 }, description: 'time pressure no longer lowers willingness to share' },
  noOwnershipInhibitor: { scenario: 'gde-baseline', overrides: { willingnessOwnership_logit: 0 }, description: 'psychological ownership no longer lowers willingness' },
  noUncertaintyInhibitor: { scenario: 'gde-baseline', overrides: { willingnessUncertainty_logit: 0 }, description: 'uncertainty about partners no longer lowers willingness' },
  noNationalCostCut: { scenario: 'gde-baseline', overrides: { nationalCostReduction_share: 0 }, description: 'national activities do not cut the cost of contact' },
  noJointSpecifications: { scenario: 'gde-baseline', overrides: { jointSpecification_prob: 0 }, description: 'no joint specifications in user groups' },
  noAcademy: { scenario: 'gde-baseline', overrides: { academyCohorts_count: 0 }, description: 'no academy cohorts' },
  noOverlaySynergy: { scenario: 'gde-baseline', overrides: { pairingOverlay_flag: 0 }, description: 'pairings\' work does not draw on informal ties between their people' },
  blueprintWithContacts: { scenario: 'gde-baseline', overrides: { ...BLUEPRINTS_ALONE }, description: 'blueprints the only programme learning mechanism, with the contacts reads trigger (no followers, networks, academy or national activities)' },
  blueprintDocumentsOnly: { scenario: 'gde-baseline', overrides: { ...BLUEPRINTS_ALONE, ...BLUEPRINT_CONTACTS_OFF }, description: 'the same, read as documents only (readers neither contact authors nor note them as people to contact)' },
  blueprintWorldNone: { scenario: 'gde-baseline', overrides: { ...BLUEPRINTS_ALONE, ...BLUEPRINT_CONTACTS_OFF, blueprintStart_month: 600 }, description: 'the same without blueprints' },
} as const satisfies Record<string, { scenario: string; overrides: Partial<Record<ParameterName, number>>; description: string }>;

export type ConfigName = keyof typeof CONFIGS;
export type Runs = Readonly<Partial<Record<ConfigName, Values>>>;

/** Parameter settings that switch a mechanism off; applied on top of every run a criterion uses. */
export interface Knockout {
  readonly description: string;
  readonly overrides: Readonly<Partial<Record<ParameterName, number>>>;
}

export interface Criterion {
  readonly id: string;
  readonly claim: string;
  /** How the metric is computed from one replication of each config it uses, and its window. */
  readonly metric: string;
  readonly unit: string;
  readonly configs: readonly ConfigName[];
  readonly value: (r: Runs) => number;
  readonly target: Target;
  /** Where the metric is "more" of the pattern: what a knock-out must move it away from. */
  readonly stronger: 'higher' | 'lower';
  readonly source: Citation;
  /** The criterion's own knock-out, if not the pattern's; null where none can exist (and why in `note`). */
  readonly knockout?: Knockout | null;
  /** Honest remarks: a value fixed by construction, a reading of the source, a parameter taken from it. */
  readonly note?: string;
}

export interface Pattern {
  readonly id: string;
  readonly name: string;
  readonly sources: readonly Citation[];
  /** Mechanisms of today's model said to produce the pattern (docs/ODD.md sections). */
  readonly mechanisms: readonly string[];
  readonly knockout: Knockout;
  readonly criteria: readonly Criterion[];
}

const C = (section: string): Citation => ({ study: 'cresswell2021', section });
const M = (section: string): Citation => ({ study: 'mozaffar2026', section });
const ratio = (x: number, y: number) => (y > 0 ? x / y : NaN);
const rel = (x: number, y: number) => (y > 0 ? (x - y) / y : NaN);
/** Runs of one config of a replication; the evaluator supplies every config a criterion names. */
const of = (r: Runs, c: ConfigName): Values => r[c]!;

const PAIRING_WORK_OFF = { pairingEngagementBase_index: 0, pairingFitWeight_index: 0, pairingOverlayWeight_index: 0 };

export const PATTERNS: readonly Pattern[] = [
  {
    id: 'P1',
    name: 'Formal programme structures accelerate later informal networking; informal ties outnumber formal ones by its end',
    sources: [C('Results'), C('Discussion'), M('Principal Findings')],
    mechanisms: ['pairing meetings seed overlay ties', 'learning-network and academy meetings form ties', 'blueprint directory triggers contacts', 'funded staff hours leave time for sharing (one staff-time budget, 7.2)', 'national activities cut contact cost and the time cost of sharing', 'funded, stable organizations contract more formal partnerships (7.18)'],
    knockout: {
      description: 'every programme channel that creates informal ties switched off (pairing meetings, learning networks, academy ties, blueprint directory and triggered contacts, funded staff hours, national cost cut)',
      overrides: { pairingMeeting_prob: 0, learningNetworks_count: 0, professionLedNetworks_count: 0, academyContactTie_prob: 0, blueprintDirectory_prob: 0, blueprintContact_prob: 0, grantStaffShare_share: 0, nationalCostReduction_share: 0 },
    },
    criteria: [
      {
        id: 'P1a',
        claim: 'informal ties form faster with the programme than without it',
        metric: 'informal relationships formed during funding (months 0-83), programme over counterfactual, minus 1, paired by replication',
        unit: 'relative change',
        configs: ['base', 'none'],
        value: (r) => rel(of(r, 'base').informal_formations_programme, of(r, 'none').informal_formations_programme),
        target: { kind: 'above', value: 0.1, why: 'declared minimum: at least 10% more informal formations (the sources give a direction only)' },
        stronger: 'higher',
        source: C('Results'),
        note: 'the run starts from a spun-up ecosystem (ten years without the programme before January 2017, ODD 5), and without the programme active relationships are flat over 2017-2026 (lesim patterns prints the trend), so the difference is the programme\'s, not spin-up. Funded staff hours (7.2) are a channel of their own: grants buy the time that sharing needs, so the knock-out takes them away with the meetings',
      },
      {
        id: 'P1b',
        claim: 'informal relationships outnumber formal ones when funding ends',
        metric: 'active informal minus active formal relationships in the last funded month (December 2023)',
        unit: 'relationships',
        configs: ['base'],
        value: (r) => of(r, 'base').informal_active_funding_end - of(r, 'base').formal_active_funding_end,
        target: { kind: 'above', value: 0, why: 'direction only in the sources' },
        stronger: 'higher',
        source: C('Discussion'),
        note: 'formal relationships are the ~25 pairings, a few networks and the few partnerships and contracts organizations make on their own initiative (7.18: about 6 running at a time); informal ties outnumber them with or without a programme (about 480 against 10 without one), because a formal relationship needs money and a need while an informal one needs a willing person. The sign is therefore not evidence for the programme; the knock-out shows how much of the margin the programme\'s channels make',
      },
      {
        id: 'P1c',
        claim: 'investment and stable funding lead to more formal collaboration on organizations\' own initiative',
        metric: 'partnerships and contracts formed on own initiative over the run, programme over counterfactual, minus 1, paired by replication',
        unit: 'relative change',
        configs: ['base', 'none'],
        value: (r) => rel(of(r, 'base').partnerships_formed, of(r, 'none').partnerships_formed),
        target: { kind: 'above', value: 0, why: 'direction only: "policy stability, national investment, and the presence of formal digital transformation programs ... resulting in ... more formalized collaborations"' },
        stronger: 'higher',
        source: M('Principal Findings'),
        knockout: { description: 'funding no longer raises the chance of contracting a partner', overrides: { partnershipFunded_ratio: 0 } },
        note: 'the funded rise (partnershipFunded_ratio, an assumed value) is the mechanism; faster funded projects also shorten the need that partnerships answer, which works against it',
      },
    ],
  },
  {
    id: 'P2',
    name: 'Formal ties work best when overlaid by informal ones',
    sources: [C('Abstract'), C('Discussion')],
    mechanisms: ['trust of informal ties between a pairing\'s people raises its engagement (pairingOverlayWeight_index)', 'and the tacit share of each engaged month (pairingOverlayTacit_ratio): joint problem solving', 'an engaged month uses each overlay tie for the pairing\'s work: know-how moves over it and it gains trust and value, so the formal work keeps its overlay alive (overlay work, 7.8)', 'pairing meetings and search seed those ties'],
    knockout: { description: 'the pairing\'s work no longer draws on informal ties between its people (they still form)', overrides: { pairingOverlay_flag: 0 } },
    criteria: [
      {
        id: 'P2a',
        claim: 'a pairing carries more knowledge itself while its people are tied informally',
        metric: 'knowledge carried by the formal pairing ties per active pairing-month in months with an informal tie between the two organizations\' people, over months without (pairing to funding end)',
        unit: 'ratio',
        configs: ['base'],
        value: (r) => ratio(of(r, 'base').pairing_flow_with_overlay, of(r, 'base').pairing_flow_without_overlay),
        target: { kind: 'above', value: 1.1, why: 'declared minimum: at least 10% more knowledge in overlaid months' },
        stronger: 'higher',
        source: C('Abstract'),
        note: 'within the pairings over time: months without an overlay are mostly early ones, when gaps are largest, which works against the pattern; most pairings grow an overlay within a year',
      },
      {
        id: 'P2b',
        claim: 'followers gain more maturity when their pairing\'s work draws on the overlay',
        metric: 'follower mean maturity gain from month 0 to funding end, baseline minus pairings that ignore their overlay, paired by replication',
        unit: 'index 0-1',
        configs: ['base', 'noOverlaySynergy'],
        value: (r) => (of(r, 'base').maturity_funding_end_follower - of(r, 'base').maturity_start_follower) - (of(r, 'noOverlaySynergy').maturity_funding_end_follower - of(r, 'noOverlaySynergy').maturity_start_follower),
        target: { kind: 'above', value: 0, why: 'direction only in the sources' },
        stronger: 'higher',
        source: C('Discussion'),
        note: 'a contrast with the knock-out itself, so the knock-out takes it to 0 by construction; the test is whether the contrast is above 0. Most of the contrast is know-how the overlay\'s people carry over their own ties in the pairing\'s work (overlay work, 7.8); before that mechanism the overlay only raised engagement and the tacit rate, +0.0005 against paired noise of about 0.0016, because overlay ties mostly died of neglect within months (ODD 1.3, P2)',
      },
    ],
  },
  {
    id: 'P3',
    name: 'Proximity lowers the cost and raises the benefit of sharing; ties concentrate there',
    sources: [C('Contextual Factors Influencing Informal Knowledge Sharing'), C('Results'), M('Interorganizational Level')],
    mechanisms: ['contact cost falls with distance, grouping, supplier, setting, size similarity (search)', 'relevance of know-how across suppliers and settings', 'followers choose their exemplar by benefit (lead, relevance on the same system, coordination in one grouping) against the same contact cost (7.16)', 'own-choice entry of followers by the value of their options; policy pairings on setting and core system only'],
    knockout: {
      description: 'no proximity term in contact cost or benefit (distance, grouping, supplier, setting and size cost terms 0; know-how equally relevant across suppliers and settings)',
      overrides: { distanceCost_per100km: 0, sameGroupingCost_logRatio: 0, sameSupplierCost_logRatio: 0, sameSettingCost_logRatio: 0, sizeDissimilarityCost_logRatio: 0, crossSupplierRelevance_share: 1, crossSettingRelevance_share: 1 },
    },
    criteria: [
      {
        id: 'P3a',
        claim: 'informal person-to-person ties concentrate within local strategic groupings',
        metric: 'share of informal direct-contact ties (all formed, end of run) within one grouping over the share of all pairs of organizations that are',
        unit: 'ratio',
        configs: ['base'],
        value: (r) => of(r, 'base').ties_same_grouping_ratio,
        target: { kind: 'above', value: 1.25, why: 'declared minimum: 25% above what chance gives' },
        stronger: 'higher',
        source: C('Contextual Factors Influencing Informal Knowledge Sharing'),
      },
      {
        id: 'P3b',
        claim: 'ties concentrate among organizations with the same core system',
        metric: 'the same ratio for the same core (EPR) supplier',
        unit: 'ratio',
        configs: ['base'],
        value: (r) => of(r, 'base').ties_same_supplier_ratio,
        target: { kind: 'above', value: 1.25, why: 'declared minimum: 25% above chance' },
        stronger: 'higher',
        source: C('Common Challenges and Technological Functionality'),
      },
      {
        id: 'P3c',
        claim: 'ties concentrate within a care setting',
        metric: 'the same ratio for the same care setting',
        unit: 'ratio',
        configs: ['base'],
        value: (r) => of(r, 'base').ties_same_setting_ratio,
        target: { kind: 'above', value: 1.25, why: 'declared minimum: 25% above chance' },
        stronger: 'higher',
        source: C('Contextual Factors in Provider Organizations'),
      },
      {
        id: 'P3d',
        claim: 'ties join nearer organizations',
        metric: 'mean distance between the organizations of informal ties over the mean distance of all pairs',
        unit: 'ratio',
        configs: ['base'],
        value: (r) => of(r, 'base').ties_distance_ratio,
        target: { kind: 'below', value: 0.8, why: 'declared minimum: ties at least 20% shorter than chance' },
        stronger: 'lower',
        source: M('Interorganizational Level'),
      },
      {
        id: 'P3e',
        claim: 'pairings share a core system as often as observed',
        metric: 'share of exemplar/follower pairings with the same core (EPR) supplier',
        unit: 'share',
        configs: ['base'],
        value: (r) => of(r, 'base').pairings_same_supplier_share,
        target: { kind: 'proportion', successes: 19, trials: 25, of: '19 pairings with a common core system, read against the programme\'s 25 fast followers' },
        stronger: 'higher',
        source: C('Results'),
        knockout: { description: 'pairings made at random within the setting (no follower choice, no system criterion)', overrides: { pairingRule_code: 3 } },
        note: 'the source says "in our broader sample, 19 pairings"; the denominator 25 (the fast followers of 003 Table 1) is our reading. The share comes from the followers\' logit choice (own choice) and the programme\'s same-system criterion (policy pairings); pairingChoice_scale (2) was set with P3e/P3f in view (issue 11)',
      },
      {
        id: 'P3f',
        claim: 'pairings lie in the same local strategic grouping as often as observed',
        metric: 'share of pairings whose two organizations are in the same grouping',
        unit: 'share',
        configs: ['base'],
        value: (r) => of(r, 'base').pairings_same_grouping_share,
        target: { kind: 'proportion', successes: 6, trials: 12, of: '6 of the 12 in-depth cases' },
        stronger: 'higher',
        source: C('Results'),
        knockout: { description: 'pairings made at random within the setting (no follower choice, no system criterion)', overrides: { pairingRule_code: 3 } },
        note: 'the broader sample\'s "15 organizations" in one grouping (about 0.3 of 25 pairings) agrees with the model\'s level; the coordination benefit pairingSameGrouping_logRatio (2) was set with this target in view (issue 11): with only the contact-cost terms the share is about 0.1. Prior ties enter the choice through contact cost, so a spun-up network (issue 11 item 1) may raise it',
      },
    ],
  },
  {
    id: 'P4',
    name: 'Most centrally launched learning networks stop when national funding ends; profession-driven ones survive as communities of practice',
    sources: [M('Spectrum of Interorganizational Relationships and Partnerships'), C('Evolving Formal Processes')],
    mechanisms: ['each member\'s own membership review: information (own need), identity, bond (own ties) against time cost (own organization\'s time pressure)', 'a member organization taking over a programme network\'s coordination, by chance, likelier the more members would stay with a host', 'shared identity built by attending meetings, in any community (communityIdentity*)', 'funded coordination covers most of the cost while funded', 'identity benefit for the profession a network serves', 'a network ends below its minimum membership (Ren & Kraut)'],
    knockout: { description: 'funded coordination no longer covers membership cost', overrides: { fundedCoordination_share: 0 } },
    criteria: [
      {
        id: 'P4a',
        claim: 'most central networks stop when funding ends',
        metric: 'central networks alive in the last funded month minus those alive 36 months later, over central networks launched',
        unit: 'share',
        configs: ['base'],
        value: (r) => ratio(of(r, 'base').networks_central_alive_funding_end - of(r, 'base').networks_central_surviving, of(r, 'base').networks_central),
        target: { kind: 'above', value: 0.5, why: '"most": more than half' },
        stronger: 'higher',
        source: M('Spectrum of Interorganizational Relationships and Partnerships'),
        note: 'communityIdentityBenefit_index (0.6) and networkHostTakeover_probPerReview (0.2) were set by hand with this target in view. Without hosts every central network stopped and every profession-led one survived in 20 of 20 runs (one balance decided it); a member organization now takes a network over with a chance that grows with the share of members who would stay with a host coordinating, so 1 to 3 of 7 central networks survive per run at seed 1 (at 0.5 about half do). Every profession-led network still survives in every run (issue 11, still weak on that side)',
      },
      {
        id: 'P4b',
        claim: 'profession-led networks survive more than central ones',
        metric: 'share of profession-led networks alive 36 months after funding minus the share of central ones',
        unit: 'share',
        configs: ['base'],
        value: (r) => ratio(of(r, 'base').networks_profession_surviving, of(r, 'base').networks_profession) - ratio(of(r, 'base').networks_central_surviving, of(r, 'base').networks_central),
        target: { kind: 'above', value: 0.25, why: 'declared minimum: 25 percentage points' },
        stronger: 'higher',
        source: C('Evolving Formal Processes'),
        knockout: { description: 'no identity benefit from a network serving one\'s profession', overrides: { networkIdentityBenefit_index: 0 } },
        note: 'without the profession\'s identity profession-led networks still survive more often (more outside members of the profession join them), so the knock-out weakens but does not remove the gap',
      },
    ],
  },
  {
    id: 'P5',
    name: 'Blueprints alone transfer little implementation know-how, but are used to find whom to contact',
    sources: [M('Spectrum of Interorganizational Relationships and Partnerships'), C('Evolving Formal Processes')],
    mechanisms: ['blueprint uptake by the reader: absorptive capacity, project stage, and its own related tacit know-how for the small tacit part (7.9)', 'directory effect: a read that leaves a need triggers a request to an author and notes the authors for later search, by need and relevance (7.9, 7.6)'],
    knockout: { description: 'reads trigger no contacts: readers neither contact authors nor note them', overrides: BLUEPRINT_CONTACTS_OFF },
    criteria: [
      {
        id: 'P5a',
        claim: 'blueprints trigger contacts with their authors',
        metric: 'informal ties formed through a blueprint (at the read or later through the directory) per blueprint read (whole run)',
        unit: 'ties/read',
        configs: ['base'],
        value: (r) => ratio(of(r, 'base').blueprint_triggered_ties, of(r, 'base').blueprint_reads),
        target: { kind: 'above', value: 0.05, why: 'declared minimum: one contact per 20 reads' },
        stronger: 'higher',
        source: M('Spectrum of Interorganizational Relationships and Partnerships'),
        note: 'the rate depends on blueprintContact_prob (0.5, "many" read as half, set from the source\'s wording, not to this target), on readers\' remaining need and authors\' relevance, and on the authors\' willingness and routines',
      },
      {
        id: 'P5b',
        claim: 'the tacit know-how blueprints bring arrives mostly through the contacts they trigger, not the documents',
        metric: 'tacit knowledge readers took from blueprints as documents, over that plus the tacit knowledge readers received over the personal ties blueprints triggered (at a read or later through the directory), from the blueprints\' start to December 2023, blueprints the only programme mechanism',
        unit: 'share',
        configs: ['blueprintWithContacts'],
        value: (r) => ratio(of(r, 'blueprintWithContacts').blueprint_tacit_documents_funding_end, of(r, 'blueprintWithContacts').blueprint_tacit_documents_funding_end + of(r, 'blueprintWithContacts').blueprint_tacit_contacts_funding_end),
        target: { kind: 'below', value: 0.5, why: 'declared: "mostly" as under half from the documents themselves' },
        stronger: 'lower',
        source: M('Spectrum of Interorganizational Relationships and Partnerships'),
        note: 'a flow account within one world: every read books the tacit part the reader took from the document, and every tie a blueprint triggered books what the reader received over it. Until stop 17 the metric compared the outside organizations\' mean tacit stock across three worlds (documents only, with contacts, none); that ratio was 0.62 (0.34 to 0.90, seed 1, 20 reps; 0.53 as a ratio of means), too noisy to decide, because the worlds\' whole trajectories diverge and the gains were 0.002 on a stock of 0.45. The flow account was chosen for that reason, after seeing the old interval; its first measurement was 0.455 (0.44 to 0.47, seed 1, 10 reps). The knock-out (no triggered contacts) leaves only the documents, so it moves the share to 1 by construction; what is not by construction is the size of the share at the defaults, which sets the documents\' own tacit part (blueprintTacit_rate, an assumption, times the reader\'s related tacit know-how) against the tacit flow of the ties reads trigger',
      },
      {
        id: 'P5c',
        claim: 'blueprints read as documents transfer little tacit know-how',
        metric: 'gain in mean tacit knowledge of organizations outside the programme over their gain in codified knowledge (December 2023), blueprints as the only programme mechanism and read as documents only, against the same without blueprints',
        unit: 'ratio',
        configs: ['blueprintDocumentsOnly', 'blueprintWorldNone'],
        value: (r) => ratio(of(r, 'blueprintDocumentsOnly').tacit_funding_end_outside - of(r, 'blueprintWorldNone').tacit_funding_end_outside, of(r, 'blueprintDocumentsOnly').codified_funding_end_outside - of(r, 'blueprintWorldNone').codified_funding_end_outside),
        target: { kind: 'below', value: 0.25, why: 'declared: "little" as under a quarter of the codified gain' },
        stronger: 'lower',
        source: M('Spectrum of Interorganizational Relationships and Partnerships'),
        knockout: null,
        note: 'no knock-out: "little" is largely by construction, the size of an assumed rate (blueprintTacit_rate against blueprintCodified_rate, scaled by the reader\'s own tacit know-how), and switching the tacit part off would only make it smaller; the criterion checks that the assumed tacit part stays small once reader heterogeneity and indirect effects (codified knowledge raising absorptive capacity) play out',
      },
    ],
  },
  {
    id: 'P6',
    name: 'Labels can inhibit sharing; competition between neighbours inhibits, though a sharing culture mostly prevails',
    sources: [M('Interorganizational Level'), C('Reputational Benefits and Competition')],
    mechanisms: ['a follower\'s comparison with its exemplar (perceived standing: maturity gap plus status-seeking and noisy self-assessment) sets how much it discounts and engages with it; partner framing weakens the comparison (7.8, mechanisms/labels.ts)', 'status rivalry between local rivals enters the contacted person\'s willingness logit against their sharing motives (7.4, 7.6)'],
    knockout: { description: 'followers no longer discount their exemplar by their perceived standing', overrides: { labelInhibition_share: 0 } },
    criteria: [
      {
        id: 'P6a',
        claim: 'followers engage less under exemplar/follower labels than under partner framing',
        metric: 'mean engaged pairing months, partner framing over labels, minus 1',
        unit: 'relative change',
        configs: ['base', 'partnerFraming'],
        value: (r) => rel(of(r, 'partnerFraming').pairing_engaged_months_mean, of(r, 'base').pairing_engaged_months_mean),
        target: { kind: 'above', value: 0.05, why: 'declared minimum: 5% more engagement without labels' },
        stronger: 'higher',
        source: C('Reputational Benefits and Competition'),
        note: 'the size follows from how many followers judge themselves level or ahead (maturity gaps at pairing, status seeking and self-assessment noise) and from the assumed framing weight partnerFramingComparison_share and largest discount labelInhibition_share',
      },
      {
        id: 'P6b',
        claim: 'competition inhibits ties between local rivals, but most still form',
        metric: 'informal ties between local rivals with competition over the same without it',
        unit: 'ratio',
        configs: ['base', 'noCompetition'],
        value: (r) => ratio(of(r, 'base').ties_between_rivals, of(r, 'noCompetition').ties_between_rivals),
        target: { kind: 'between', low: 0.5, high: 0.95, why: 'declared: inhibits by at least 5%, yet more than half form' },
        stronger: 'lower',
        source: M('Interorganizational Level'),
        knockout: { description: 'no inhibition towards rivals', overrides: { competitionInhibition_logit: 0 } },
        note: 'no cap: rivalry lowers the willingness logit, so whether most ties still form depends on the distribution of sharing motives against status seeking; with competitionInhibition_logit at the top of its range the ratio can fall below one half',
      },
    ],
  },
  {
    id: 'P7',
    name: 'Burden asymmetry: sought-after exemplars get many requests; experienced ones set up routines that control contacts',
    sources: [M('Organizational Level'), C('Relative Costs and Efforts Associated With Knowledge Transfer')],
    mechanisms: ['requests are the contacts others\' search and blueprint reads send (7.6)', 'visibility: blueprint authors (participants) are contacted after reads and noted in readers\' directories, a search channel (7.9)', 'routines from experience and request load (7.2)', 'a routine routes part of the requests through an office: answered with documents at less time, no personal tie (7.6)'],
    knockout: { description: 'blueprint reads trigger no contacts (readers neither contact authors nor note them), so exemplars are no longer found through what they publish', overrides: BLUEPRINT_CONTACTS_OFF },
    criteria: [
      {
        id: 'P7a',
        claim: 'exemplars receive many more requests than other organizations',
        metric: 'requests received per organization-month, exemplars over all others (whole run)',
        unit: 'ratio',
        configs: ['base'],
        value: (r) => ratio(of(r, 'base').requests_per_exemplar, of(r, 'base').requests_per_other),
        target: { kind: 'above', value: 2, why: 'declared: "many" as at least twice as many' },
        stronger: 'higher',
        source: C('Relative Costs and Efforts Associated With Knowledge Transfer'),
      },
      {
        id: 'P7b',
        claim: 'routines control contacts: fewer requests to exemplars become personal ties',
        metric: 'personal ties formed per request received by exemplars (whole run), with routines over the same with no routine ever set up, minus 1, paired by replication',
        unit: 'relative change',
        configs: ['base', 'noRoutines'],
        value: (r) => rel(of(r, 'base').exemplar_ties_per_request, of(r, 'noRoutines').exemplar_ties_per_request),
        target: { kind: 'below', value: -0.1, why: 'declared minimum: at least 10% fewer personal ties per request' },
        stronger: 'lower',
        source: M('Organizational Level'),
        knockout: { description: 'a routine routes no request through an office', overrides: { routineRouting_share: 0 } },
        note: 'depends on how many exemplars set up a routine (the decision of 7.2) and how early; the requests of the pairing phase, while still counted there, dilute it',
      },
      {
        id: 'P7c',
        claim: 'routines cut the time sought-after organizations spend per request they answer',
        metric: 'hours exemplars spend answering requests per request answered (personally or by an office; whole run), with routines over the same with no routine ever set up, minus 1, paired by replication',
        unit: 'relative change',
        configs: ['base', 'noRoutines'],
        value: (r) => rel(of(r, 'base').exemplar_hours_per_answer, of(r, 'noRoutines').exemplar_hours_per_answer),
        target: { kind: 'below', value: -0.1, why: 'declared minimum: at least 10% less time per answered request' },
        stronger: 'lower',
        source: C('Relative Costs and Efforts Associated With Knowledge Transfer'),
        knockout: { description: 'a routine routes no request through an office', overrides: { routineRouting_share: 0 } },
        note: 'that an office answer costs less than a personal one is set by the parameters (routineRequest_hours 1.5 against requestHandling_hours 4); the model decides how many answers go through an office, i.e. how many exemplars set up a routine and when. Per request received the saving is smaller, since an office answers every request it routes while people decline some',
      },
      {
        id: 'P7d',
        claim: 'routines concentrate among exemplars',
        metric: 'share of exemplars with a request-handling routine minus the share of other organizations (end of run)',
        unit: 'share',
        configs: ['base'],
        value: (r) => of(r, 'base').routine_share_exemplar - of(r, 'base').routine_share_other,
        target: { kind: 'above', value: 0.1, why: 'declared minimum: 10 percentage points' },
        stronger: 'higher',
        source: M('Organizational Level'),
      },
    ],
  },
  {
    id: 'P8',
    name: 'Time is the biggest barrier; national activities cut the cost of transfer',
    sources: [C('Relative Costs and Efforts Associated With Knowledge Transfer')],
    mechanisms: ['one staff-time budget: projects take the hours they need first, sharing the rest; last month\'s project work plus sharing over the budget is time pressure (7.2)', 'time pressure lowers willingness (willingnessTime_logit), absorptive capacity, tie use and attendance', 'tie use, requests, meetings, pairing and partnership work cost time', 'national activities cut contact cost, the time cost of sharing and of attending meetings (nationalCostReduction_share)'],
    knockout: { description: 'time pressure no longer lowers willingness', overrides: { willingnessTime_logit: 0 } },
    criteria: [
      {
        id: 'P8a',
        claim: 'removing time pressure frees more ties than removing any other inhibitor',
        metric: 'informal formations (whole run) without the time inhibitor minus the most without ownership or uncertainty, over the baseline\'s',
        unit: 'relative change',
        configs: ['base', 'noTimeInhibitor', 'noOwnershipInhibitor', 'noUncertaintyInhibitor'],
        value: (r) => ratio(of(r, 'noTimeInhibitor').informal_formations_total - Math.max(of(r, 'noOwnershipInhibitor').informal_formations_total, of(r, 'noUncertaintyInhibitor').informal_formations_total), of(r, 'base').informal_formations_total),
        target: { kind: 'above', value: 0, why: 'direction only: time frees the most' },
        stronger: 'higher',
        source: C('Relative Costs and Efforts Associated With Knowledge Transfer'),
        note: 'time pressure comes from project work and sharing drawing on one budget (7.2): an unfunded organization\'s projects take up to projectTime_share (0.75, an assumption) of its staff time while they run, so its pressure is high in busy implementation years and falls as projects finish (mean 0.74 in 2017, 0.47 in 2026 outside the programme; one replication, seed 7). The size of the margin depends on that share and on the inhibitor weights, none of them set with this target in view. The knock-out is trivially weakening (no time term: the first difference is 0)',
      },
      {
        id: 'P8b',
        claim: 'national activities raise informal formation by cutting contact cost',
        metric: 'informal formations during funding, baseline over no national cost cut, minus 1',
        unit: 'relative change',
        configs: ['base', 'noNationalCostCut'],
        value: (r) => rel(of(r, 'base').informal_formations_programme, of(r, 'noNationalCostCut').informal_formations_programme),
        target: { kind: 'above', value: 0.05, why: 'declared minimum: 5%' },
        stronger: 'higher',
        source: C('Relative Costs and Efforts Associated With Knowledge Transfer'),
        knockout: { description: 'national activities do not cut contact cost', overrides: { nationalCostReduction_share: 0 } },
        note: 'the cut acts three times: on the cost of making contact (7.5), on the time sharing takes from the staff-time budget (7.2) and on the effort of a transfer over a tie (7.7, which makes ties formed in the funded years last longer). Only contacts sent by search weigh a contact cost: about a fifth of informal formations in the funded months (seed 1), which the cut raises by about 18%; pilot visits (about 40%), personnel moves and meeting ties weigh none, and sharing hours are a small part of the time budget, so the contact and time cuts alone raise the whole about 4%; with the effort cut it was 0.057 (0.050 to 0.064) at seed 1; since stop 17 the cut also lowers the time cost of attending meetings (busy staff attend more while national activities run), and P8b is 0.062 (0.051 to 0.072) at seed 1 (ODD 1.3, P8). The 5% minimum stays as declared',
      },
    ],
  },
  {
    id: 'P9',
    name: 'Supplier user groups start supplier-controlled and become more user-driven; joint specifications give adopters leverage',
    sources: [M('Macroenvironmental Level'), C('Common Challenges and Technological Functionality')],
    mechanisms: ['members attend when their organization has a stake in the supplier\'s modules', 'joint specifications of attending members that need functionality raise the users\' share, times supplier openness', 'the supplier pulls the agenda back towards the level users\' attendance alone holds (supplierAgendaPull_share)'],
    knockout: { description: 'a closed supplier: neither attendance nor joint specifications move the agenda', overrides: { userGroupOpenness_share: 0 } },
    criteria: [
      {
        id: 'P9a',
        claim: 'user groups start supplier-controlled',
        metric: 'users\' share of the agenda of supplier user groups when they were founded (at set-up, before the spin-up)',
        unit: 'share',
        configs: ['base'],
        value: (r) => of(r, 'base').user_agenda_founding,
        target: { kind: 'below', value: 0.5, why: 'supplier-controlled: users set less than half' },
        stronger: 'lower',
        source: M('Macroenvironmental Level'),
        knockout: null,
        note: 'an input: the starting agenda is the parameter userGroupInitialUserAgenda_share (0.15). Measured at founding, not in January 2017: the groups exist before the programme (spin-up), and by 2017 their agendas have moved to where participation and joint specifications hold them (about 0.5 at the defaults)',
      },
      {
        id: 'P9b',
        claim: 'user groups become more user-driven',
        metric: 'mean users\' share of the agenda over January 2017 to the end of the run minus the share at founding, same groups',
        unit: 'share',
        configs: ['base'],
        value: (r) => of(r, 'base').user_agenda_run_mean - of(r, 'base').user_agenda_founding,
        target: { kind: 'above', value: 0.1, why: 'declared minimum: 10 percentage points over a group\'s life' },
        stronger: 'higher',
        source: M('Macroenvironmental Level'),
        note: 'measured over the groups\' lives (founded before the spin-up) since the spin-up (issue 11): measured from January 2017 the agendas fall slightly, because they have already settled. The sign is partly built in: the level the supplier pulls towards rises above the founding share whenever members attend; the size comes from attendance and joint specifications, and the knock-out (a closed supplier) removes it. Agendas move both ways at every meeting: they settle where joint specifications balance the supplier\'s pull and fall with participation; larger groups (more pairs of customers) settle higher, some small ones cross back below 0.45',
      },
      {
        id: 'P9c',
        claim: 'joint specifications give adopters leverage',
        metric: 'users\' share of the agenda at the end, baseline minus no joint specifications',
        unit: 'share',
        configs: ['base', 'noJointSpecifications'],
        value: (r) => of(r, 'base').user_agenda_end - of(r, 'noJointSpecifications').user_agenda_end,
        target: { kind: 'above', value: 0.05, why: 'declared minimum: 5 percentage points' },
        stronger: 'higher',
        source: C('Common Challenges and Technological Functionality'),
        knockout: { description: 'joint specifications no longer move the agenda', overrides: { jointSpecificationAgenda_gain: 0 } },
      },
    ],
  },
  {
    id: 'P10',
    name: 'Pairings made fast on policy criteria sometimes lack real engagement',
    sources: [M('Macroenvironmental Level')],
    mechanisms: ['pairing engagement rises with fit (shared system, grouping, nearness)', 'followers that choose their own partner pick by fit'],
    knockout: { description: 'fit no longer raises pairing engagement', overrides: { pairingFitWeight_index: 0 } },
    criteria: [
      {
        id: 'P10a',
        claim: 'pairings on policy criteria are worked less than pairings the follower chose',
        metric: 'mean engaged months of own-choice pairings minus pairings on policy criteria (pairing to funding end)',
        unit: 'months',
        configs: ['base'],
        value: (r) => of(r, 'base').pairing_engaged_own_choice_mean - of(r, 'base').pairing_engaged_policy_mean,
        target: { kind: 'above', value: 1, why: 'declared minimum: at least a month more engagement' },
        stronger: 'higher',
        source: M('Macroenvironmental Level'),
        note: 'no coded discount: policy pairings are random within the setting, own-choice ones pick the best fit, and fit raises engagement (and so trust, meetings and overlays); the fit weight itself is a linear assumption',
      },
    ],
  },
  {
    id: 'P11',
    name: 'Almost all participants network',
    sources: [C('Results')],
    mechanisms: ['need-driven and proactive informal search', 'use of informal ties'],
    knockout: { description: 'no informal search', overrides: { search_probPerMonth: 0 } },
    criteria: [
      {
        id: 'P11a',
        claim: 'all but 5 of 36 evaluated organizations networked',
        metric: 'share of programme organizations with at least networkingExchanges_perQuarter informal exchanges a quarter, January 2018 to March 2020',
        unit: 'share',
        configs: ['base'],
        value: (r) => of(r, 'base').programme_orgs_networking_evaluation,
        target: { kind: 'proportion', successes: 31, trials: 36, of: 'all but 5 of 36 evaluated organizations' },
        stronger: 'higher',
        source: C('Results'),
        note: 'passes since time became one budget for project work and sharing (0.79 at seed 1; 0.72 after system renewal, near the bottom of the interval), but still set by how it is counted (issue 11): the share falls steeply with the counting threshold networkingExchanges_perQuarter (an assumption): 0.79 at 1, 0.41 at 2, 0.19 at 3 exchanges a quarter (6 replications, seed 3; before the funding change 0.99, 0.92, 0.69). Which organizations do not network now follows from their time pressure and need, but the level is the threshold\'s',
      },
    ],
  },
  {
    id: 'P12',
    name: 'Training cohorts (the academy) create cross-organization ties and raise absorptive capacity',
    sources: [C('Mediators Facilitating Knowledge Transfer Across the Wider Health System'), M('Linkages Across Levels in Activating Knowledge-Sharing Modes'), M('Macroenvironmental Level')],
    mechanisms: ['academy places drawn among programme staff by leadership role, motivation and time (7.13)', 'monthly cohort sessions: learning sets and conversations, ties from repeated contact and both people\'s willingness (7.13)', 'training raises absorptive capacity (absorptiveFromTraining_index)', 'professional network membership: joining against leaving, with the wider pool of digital leaders counted (7.12)'],
    knockout: { description: 'no academy cohorts', overrides: { academyCohorts_count: 0 } },
    criteria: [
      {
        id: 'P12a',
        claim: 'academy participants came from 29 programme organizations during data collection',
        metric: 'share of the 51 programme organizations with an academy participant in cohorts launched by March 2020',
        unit: 'share',
        configs: ['base'],
        value: (r) => of(r, 'base').academy_programme_orgs_share_evaluation,
        target: { kind: 'proportion', successes: 29, trials: 51, of: '29 GDE provider organizations, read against the 51 programme organizations' },
        stronger: 'higher',
        source: C('Mediators Facilitating Knowledge Transfer Across the Wider Health System'),
        note: 'the source says 29 "GDE provider organizations"; the model has 26 exemplars, so we read it as programme organizations. Emerges from how 50 places fall on the staff of 51 organizations (weighted by leadership role, motivation, time); about the same at academyLeader_ratio 1 or 10',
      },
      {
        id: 'P12b',
        claim: '50 academy participants during data collection',
        metric: 'participants of cohorts launched by March 2020',
        unit: 'people',
        configs: ['base'],
        value: (r) => of(r, 'base').academy_participants_evaluation,
        target: { kind: 'between', low: 37.1, high: 65.9, why: 'exact Poisson 95% interval of the count 50' },
        stronger: 'higher',
        source: C('Mediators Facilitating Knowledge Transfer Across the Wider Health System'),
        note: 'an input: academyCohortSize_count (25 places for programme staff a cohort) was set from this count, two cohorts by March 2020; counts participants from programme organizations only',
      },
      {
        id: 'P12c',
        claim: 'cohorts create cross-organization ties',
        metric: 'informal cross-organization ties formed within cohorts per participant (whole run)',
        unit: 'ties/person',
        configs: ['base'],
        value: (r) => of(r, 'base').academy_ties_per_participant,
        target: { kind: 'above', value: 0.5, why: 'declared minimum: one tie per two participants' },
        stronger: 'higher',
        source: C('Mediators Facilitating Knowledge Transfer Across the Wider Health System'),
        knockout: { description: 'contacts at cohort sessions never turn into ties', overrides: { academyContactTie_prob: 0 } },
        note: 'ties come from contacts at monthly sessions (learning sets meet every month, plus conversations), times both people\'s willingness; academyContactTie_prob (0.11) was set to keep about the previous 1.4 ties per participant (issue 11), not to this target',
      },
      {
        id: 'P12d',
        claim: 'the academy raises absorptive capacity',
        metric: 'mean absorptive capacity of exemplars in the last funded month, baseline minus no academy',
        unit: 'index 0-1',
        configs: ['base', 'noAcademy'],
        value: (r) => of(r, 'base').absorptive_funding_end_exemplar - of(r, 'noAcademy').absorptive_funding_end_exemplar,
        target: { kind: 'above', value: 0.01, why: 'declared minimum: 0.01 on the 0-1 index' },
        stronger: 'higher',
        source: M('Linkages Across Levels in Activating Knowledge-Sharing Modes'),
        knockout: { description: 'training no longer adds absorptive capacity', overrides: { absorptiveFromTraining_index: 0 } },
      },
      {
        id: 'P12e',
        claim: 'the academy and the professional network together brought over 5500 digital health leaders together',
        metric: 'members of the independent professional network in March 2020',
        unit: 'people',
        configs: ['base'],
        value: (r) => of(r, 'base').professional_network_members_evaluation,
        target: { kind: 'above', value: 5500, why: '"over 5500 NHS digital health leaders"' },
        stronger: 'higher',
        source: M('Macroenvironmental Level'),
        knockout: { description: 'nobody joins the professional network (so its steady state is empty)', overrides: { professionalNetworkJoin_probPerMonth: 0 } },
        note: 'partly an input: about 900 members are modelled staff (about 8 a trust), the rest come from a counted wider pool of NHS digital health leaders, widerDigitalLeaders_perOrganization (40 a trust, set with this target in view, issue 11), which joins and leaves like the staff; the membership share (about 0.55) is the steady state of joining against leaving',
      },
    ],
  },
];

/** The knock-out that applies to a criterion (its own, else its pattern's), or null. */
export function knockoutOf(pattern: Pattern, criterion: Criterion): Knockout | null {
  return criterion.knockout === undefined ? pattern.knockout : criterion.knockout;
}

export function allCriteria(): { pattern: Pattern; criterion: Criterion }[] {
  return PATTERNS.flatMap((pattern) => pattern.criteria.map((criterion) => ({ pattern, criterion })));
}
