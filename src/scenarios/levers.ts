import { PAIRING_RULES, SELECTION_RULES } from '../model/enums.js';
import { PARAMETERS, type ParameterName } from '../model/parameters.js';

/**
 * How one plain-unit lever of a scenario file maps onto one model parameter. The table below is
 * the single place the two vocabularies meet: the file schema, the translation into parameters and
 * the reverse view (a resolved scenario shown in plain units) are all built from it.
 */
export type LeverKind =
  /** The parameter's own unit (GBP, counts, months, shares). */
  | { readonly kind: 'number' }
  /** A calendar month 'YYYY-MM' that maps to a month index from January of the start year. */
  | { readonly kind: 'month' }
  /** The last month of something, 'YYYY-MM'; the parameter is the month after it (an end). */
  | { readonly kind: 'lastMonth' }
  /** true/false for a 0/1 flag. */
  | { readonly kind: 'flag' }
  /** true/false that switches a rate between its default (true) and 0 (false). */
  | { readonly kind: 'switch' }
  /** A named rule; the parameter is the index of the name. */
  | { readonly kind: 'enum'; readonly names: readonly string[] };

export interface LeverSpec {
  /** Dotted path in the scenario file, e.g. 'pairing.rule'. */
  readonly path: string;
  readonly param: ParameterName;
  readonly lever: LeverKind;
  /** What the lever means to a policymaker (the parameter's own description is added). */
  readonly label: string;
}

const n = { kind: 'number' } as const;
const month = { kind: 'month' } as const;
const lastMonth = { kind: 'lastMonth' } as const;
const flag = { kind: 'flag' } as const;
const switchOnOff = { kind: 'switch' } as const;

export const LEVERS: readonly LeverSpec[] = [
  { path: 'run.months', param: 'horizon_months', lever: n, label: 'Months to simulate from January of the start year' },
  { path: 'run.start_year', param: 'startYear_year', lever: n, label: 'Calendar year of the first simulated month (dates in this file count from its January)' },
  { path: 'programme.active', param: 'programmeActive_flag', lever: flag, label: 'Whether the programme runs at all' },
  { path: 'programme.start', param: 'programmeStart_month', lever: month, label: 'Month the programme selects its participants (YYYY-MM)' },
  { path: 'programme.funding_end', param: 'fundingEnd_month', lever: lastMonth, label: 'Last month of national funding (YYYY-MM)' },
  { path: 'programme.taper_months', param: 'fundingTaper_months', lever: n, label: 'Months before the end over which funding tapers to zero (0: cliff edge)' },
  { path: 'budget.exemplar_grant_gbp', param: 'exemplarGrant_gbp', lever: n, label: 'Grant to each acute exemplar over the programme, GBP' },
  { path: 'budget.follower_grant_gbp', param: 'followerGrant_gbp', lever: n, label: 'Grant to each acute follower over the programme, GBP' },
  { path: 'budget.mental_health_grant_ratio', param: 'mentalHealthGrant_ratio', lever: n, label: 'Grant of mental health and ambulance sites relative to acute' },
  { path: 'budget.national_activities_gbp', param: 'nationalActivitiesBudget_gbp', lever: n, label: 'National activities (webinars, curation, learning networks, blueprint platform), GBP over the programme' },
  { path: 'budget.academy_gbp', param: 'academyBudget_gbp', lever: n, label: 'Digital Academy, GBP over its cohorts' },
  { path: 'participants.selection', param: 'selectionRule_code', lever: { kind: 'enum', names: SELECTION_RULES }, label: 'How exemplars and followers are selected' },
  { path: 'participants.selection_noise', param: 'selectionNoise_index', lever: n, label: 'Noise in judging maturity at selection' },
  { path: 'participants.exemplars.acute', param: 'exemplarsAcute_count', lever: n, label: 'Acute exemplars' },
  { path: 'participants.exemplars.mental_health', param: 'exemplarsMentalHealth_count', lever: n, label: 'Mental health exemplars' },
  { path: 'participants.exemplars.ambulance', param: 'exemplarsAmbulance_count', lever: n, label: 'Ambulance exemplars' },
  { path: 'participants.followers.acute', param: 'followersAcute_count', lever: n, label: 'Acute followers' },
  { path: 'participants.followers.mental_health', param: 'followersMentalHealth_count', lever: n, label: 'Mental health followers' },
  { path: 'pairing.rule', param: 'pairingRule_code', lever: { kind: 'enum', names: PAIRING_RULES }, label: 'Pairing rule' },
  { path: 'pairing.own_choice_share', param: 'ownChoicePairing_share', lever: n, label: 'Under own-choice: share of followers choosing their own exemplar' },
  { path: 'pairing.lead_time_months', param: 'pairingLeadTime_months', lever: n, label: 'Months from programme start to pairings' },
  { path: 'blueprints.mandate', param: 'blueprintProduction_probPerMonth', lever: switchOnOff, label: 'Whether participants are mandated to write blueprints' },
  { path: 'blueprints.start', param: 'blueprintStart_month', lever: month, label: 'Month blueprint writing starts (YYYY-MM)' },
  { path: 'blueprints.platform.read_chance_per_month', param: 'blueprintRead_probPerMonth', lever: n, label: 'Platform reach: monthly chance an organization with a need finds and reads a relevant blueprint' },
  { path: 'blueprints.platform.author_contact_chance', param: 'blueprintDirectory_prob', lever: n, label: 'Platform indexing: chance a reader notes the authors as people to contact' },
  { path: 'learning_networks.count', param: 'learningNetworks_count', lever: n, label: 'Learning networks launched in the first half of the programme' },
  { path: 'learning_networks.profession_led', param: 'professionLedNetworks_count', lever: n, label: 'Of those, profession-led (the rest are centrally run)' },
  { path: 'learning_networks.funded_months', param: 'learningNetworkFunded_months', lever: n, label: 'Months each network is funded after launch (never beyond the end of national funding)' },
  { path: 'learning_networks.meeting_interval_months', param: 'learningNetworkMeetingInterval_months', lever: n, label: 'Months between meetings' },
  { path: 'academy.cohorts', param: 'academyCohorts_count', lever: n, label: 'Academy cohorts' },
  { path: 'academy.cohort_size', param: 'academyCohortSize_count', lever: n, label: 'Places per cohort for staff of programme organizations' },
  { path: 'academy.interval_months', param: 'academyCohortInterval_months', lever: n, label: 'Months between cohorts' },
  { path: 'academy.first_cohort', param: 'academyStart_month', lever: month, label: 'Month of the first cohort (YYYY-MM)' },
  { path: 'new_roles.appointment_chance_per_month', param: 'newRole_probPerMonth', lever: n, label: 'Monthly chance an organization without a CCIO (or CNIO) appoints one' },
  { path: 'new_roles.funded_ratio', param: 'fundedNewRole_ratio', lever: n, label: 'Multiplier of that chance in funded organizations' },
  { path: 'labels', param: 'labelsActive_flag', lever: { kind: 'enum', names: ['partner', 'exemplar-follower'] }, label: 'Status labels: exemplar/follower, or partner framing' },
  { path: 'suppliers.user_group_openness', param: 'userGroupOpenness_share', lever: n, label: 'How open suppliers are to user control of their user groups' },
  { path: 'intermediaries.consultancy_day_rate_gbp', param: 'consultancyDayRate_gbp', lever: n, label: 'Consultant day rate, GBP' },
  { path: 'intermediaries.secondments_per_year', param: 'secondments_perYear', lever: n, label: 'Secondments funded per year while national funding lasts' },
  { path: 'intermediaries.secondment_months', param: 'secondmentDuration_months', lever: n, label: 'Length of a secondment' },
  { path: 'intermediaries.secondment_cost_gbp_per_month', param: 'secondmentCost_gbpPerMonth', lever: n, label: 'Cost of a secondment month, GBP' },
  { path: 'intermediaries.independent_network_support_gbp_per_year', param: 'independentNetworkSupport_gbpPerYear', lever: n, label: 'Support for independent professional networks, GBP a year while national funding lasts' },
  { path: 'national_activities.contact_cost_reduction_share', param: 'nationalCostReduction_share', lever: n, label: 'Fall in the cost of making contact while national activities are funded' },
  { path: 'follow_on.organizations', param: 'followOnOrganizations_count', lever: n, label: 'Organizations outside the first wave funded by a follow-on programme' },
  { path: 'follow_on.start', param: 'followOnStart_month', lever: month, label: 'Month the follow-on programme starts (YYYY-MM)' },
  { path: 'follow_on.funded_months', param: 'followOnFunded_months', lever: n, label: 'Months each follow-on organization is funded' },
  { path: 'follow_on.grant_gbp', param: 'followOnGrant_gbp', lever: n, label: 'Grant to each follow-on organization, GBP' },
  { path: 'context.procurement_pressure', param: 'procurementPressure_share', lever: n, label: 'Competitive context: procurement pressure and misaligned incentives (0 none, 1 strong)' },
];

/** The consultancy subsidy is given per day in GBP and becomes a share of the day rate. */
export const SUBSIDY_PATH = 'intermediaries.consultancy_subsidy_gbp_per_day';

/**
 * Budget by line and calendar year: budget.by_year.<line>.<year> in GBP. Each line given this way
 * sets the line's total and its yearly weights (`<line>Year<k>_ratio`), see translate.ts.
 */
export const BY_YEAR_PATH = 'budget.by_year';

/** Most GBP a line may be given in one year (the national budget's own upper bound). */
export const BY_YEAR_MAX_GBP = 1e10;

/** What each by_year line covers, for the schema, the docs and error messages. */
export const BY_YEAR_LINES: Readonly<Record<'grants' | 'national' | 'academy', string>> = {
  grants: 'grants to exemplars and followers (all of them; exemplar_grant_gbp, follower_grant_gbp and mental_health_grant_ratio set how it splits between organizations); the year shapes the staff hours they buy that year',
  national: 'national activities (webinars, curation, learning networks, blueprint platform); the year shapes the fall in contact cost they buy',
  academy: 'the Digital Academy (spend only; cohorts are set under academy)',
};

/** Lever paths that carry no parameter: the scenario's identity and inheritance. */
export const META_KEYS = ['name', 'title', 'description', 'sources', 'extends', 'parameters'] as const;

export function leverForParam(param: ParameterName): LeverSpec | undefined {
  return LEVERS.find((l) => l.param === param);
}

/** What a lever accepts, in words, for error messages and the schema's descriptions. */
export function allowedText(l: LeverSpec): string {
  const spec = PARAMETERS[l.param];
  switch (l.lever.kind) {
    case 'number':
      return `a${spec.integer ? ' whole' : ''} number from ${spec.min} to ${spec.max} (${spec.unit})`;
    case 'month':
    case 'lastMonth':
      return 'a month written YYYY-MM, e.g. 2019-06';
    case 'flag':
    case 'switch':
      return 'true or false';
    case 'enum':
      return `one of ${l.lever.names.join(', ')}`;
  }
}
