import type { OutcomeName } from '../model/outcomes.js';

/**
 * Each outcome as a reader would name it (docs/outputs.md has the exact definitions). Used in the
 * comparison's summary, the report and the CLI table instead of the column names.
 */
export const OUTCOME_LABELS: Readonly<Record<OutcomeName, string>> = {
  maturity_start_exemplar: 'Digital maturity of exemplars at the start',
  maturity_start_follower: 'Digital maturity of followers at the start',
  maturity_start_outside: 'Digital maturity outside the programme at the start',
  maturity_funding_end_exemplar: 'Digital maturity of exemplars when funding ends',
  maturity_funding_end_follower: 'Digital maturity of followers when funding ends',
  maturity_funding_end_outside: 'Digital maturity outside the programme when funding ends',
  maturity_end_exemplar: 'Digital maturity of exemplars at the end',
  maturity_end_follower: 'Digital maturity of followers at the end',
  maturity_end_outside: 'Digital maturity outside the programme at the end',
  maturity_end_all: 'Digital maturity of all organizations at the end',
  codified_funding_end_outside: 'Codified know-how outside the programme when funding ends',
  tacit_funding_end_outside: 'Tacit know-how outside the programme when funding ends',
  informal_active_funding_end: 'Informal relationships active when funding ends',
  formal_active_funding_end: 'Formal relationships active when funding ends',
  periodic_active_funding_end: 'Communities active when funding ends',
  informal_active_end: 'Informal relationships active at the end',
  informal_formations_programme: 'Informal relationships formed while funded',
  formal_formations_programme: 'Formal relationships formed while funded',
  informal_formations_total: 'Informal relationships formed over the run',
  programme_orgs_networking_evaluation: 'Programme organizations networking in the evaluation window',
  outside_orgs_networking_evaluation: 'Organizations outside networking in the evaluation window',
  networks_central: 'Centrally run learning networks launched',
  networks_profession: 'Profession-led learning networks launched',
  networks_central_surviving: 'Centrally run learning networks still alive after funding',
  networks_profession_surviving: 'Profession-led learning networks still alive after funding',
  networks_became_practice: 'Learning networks that became communities of practice',
  pairings: 'Pairings formed',
  pairings_with_overlay: 'Pairings with an informal overlay',
  follower_gain_with_overlay: 'Follower maturity gain, pairings with an informal overlay',
  follower_gain_without_overlay: 'Follower maturity gain, pairings without one',
  pairing_engaged_months_mean: 'Months a pairing was worked (mean)',
  pairing_formal_flow_mean: 'Know-how moved over a pairing (mean)',
  ties_between_rivals: 'Personal ties between local rivals',
  ties_same_grouping_ratio: 'Concentration of ties within a local grouping',
  ties_same_supplier_ratio: 'Concentration of ties between customers of one supplier',
  ties_same_setting_ratio: 'Concentration of ties within a care setting',
  ties_distance_ratio: 'Distance of ties relative to all pairs',
  blueprint_reads: 'Blueprint reads',
  blueprint_triggered_ties: 'Personal ties found through blueprints',
  codified_formal_share: 'Share of codified know-how moved formally',
  request_routines: 'Organizations with a request-handling routine',
  requests_per_exemplar: 'Knowledge requests per exemplar per month',
  requests_per_other: 'Knowledge requests per other organization per month',
  user_groups_user_driven: 'Supplier user groups that became user-driven',
  spend_programme_gbp: 'Programme spend',
  spend_consultancy_gbp: 'Consultancy fees',
  informal_ties_alive_after_funding: 'Informal ties formed while funded and alive after funding',
  maturity_start_all: 'Digital maturity of all organizations at the start',
  maturity_gain_all: 'Gain in digital maturity of all organizations',
  outside_orgs_reached: 'Organizations outside the first wave reached informally',
  secondments: 'Secondments',
  follow_on_organizations: 'Organizations in the follow-on programme',
  maturity_gain_per_gbp_million: 'Maturity gain per GBP million',
  informal_ties_alive_per_gbp_million: 'Lasting informal ties per GBP million',
  outside_reached_per_gbp_million: 'Organizations reached per GBP million',
  maturity_growth_relational_share: 'Share of maturity growth through relationships',
  maturity_growth_formal_share: 'Share of maturity growth through formal relationships',
  maturity_growth_periodic_share: 'Share of maturity growth through periodic relationships',
  maturity_growth_informal_share: 'Share of maturity growth through informal relationships',
  partnerships_formed: 'Partnerships formed on own initiative',
};

/**
 * The step in which a cost per unit of an outcome is told, with its words: a 0-1 index moves in
 * hundredths ("GBP 9.1 million per 0.01 of maturity"), a count in ones ("GBP 24,000 per extra
 * tie"). Outcomes of a unit not listed (money, ratios to money, relative ratios) get no cost per unit.
 */
export interface CostStep {
  readonly step: number;
  /** "per 0.01 of the index", "per extra tie": the words after the amount, for a positive effect. */
  readonly more: string;
  /** The same for a negative effect: "per 0.01 less of the index", "per tie fewer". */
  readonly less: string;
}

const count = (one: string): CostStep => ({ step: 1, more: `per extra ${one}`, less: `per ${one} fewer` });

export const COST_STEPS: Readonly<Record<string, CostStep>> = {
  'index 0-1': { step: 0.01, more: 'per 0.01 more on the 0-1 index', less: 'per 0.01 less on the 0-1 index' },
  share: { step: 0.01, more: 'per percentage point more', less: 'per percentage point less' },
  relationships: count('relationship'),
  ties: count('tie'),
  networks: count('network'),
  pairings: count('pairing'),
  organizations: count('organization'),
  secondments: count('secondment'),
  groups: count('group'),
  reads: count('read'),
  partnerships: count('partnership'),
  months: { step: 1, more: 'per extra month', less: 'per month less' },
};
