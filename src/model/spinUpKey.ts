import { PARAMETERS, type ParameterName, type Params } from './parameters.js';

/**
 * Parameters that the world before January 2017 never reads: set-up (initState) and the spin-up
 * (spinup.ts) run the same whatever their values, so runs that differ only in these, with one
 * seed, start 2017 from one and the same spun-up world (spinUpShare.ts lets them share it).
 * They are the programme's own parameters (the programme phase does nothing during the spin-up
 * and nobody holds a programme status), the rules that act on programme statuses, and the
 * output calendar.
 *
 * test/model/spinUpKey.test.ts holds this list to account both ways: set-up and spin-up of every
 * built-in scenario read none of them (a recording proxy on the parameters), and moving any of
 * them to the ends of its range leaves the spun-up world unchanged.
 *
 * programmeActive_flag is read at set-up, but only to say whether the programme will run; the
 * spin-up switches it off whatever it says, and a shared world is switched back to what its new
 * run's parameters say (spinUpShare.ts).
 */
export const SPIN_UP_FREE_PARAMETERS: ReadonlySet<ParameterName> = new Set<ParameterName>([
  // the output calendar and the horizon
  'horizon_months', 'evaluationStart_month', 'networkingExchanges_perQuarter', 'evaluationEnd_month', 'survivalWindow_months', 'startYear_year',
  'programmeActive_flag',
  // rules on programme statuses and labels (nobody holds one before 2017)
  'sameStatusCost_logRatio', 'labelInhibition_share', 'labelStandingScale_index', 'partnerFramingComparison_share', 'labelsActive_flag', 'selfAssessmentNoise_index',
  // selection and pairing
  'exemplarsAcute_count', 'exemplarsMentalHealth_count', 'exemplarsAmbulance_count', 'followersAcute_count', 'followersMentalHealth_count', 'selectionNoise_index', 'selectionRule_code',
  'ownChoicePairing_share', 'followerTier_ratio', 'pairingSameGrouping_logRatio', 'pairingChoice_scale', 'pairingLeadTime_months', 'pairingEngagementBase_index', 'pairingFitWeight_index',
  'pairingOverlayWeight_index', 'pairingOverlay_flag', 'pairingOverlayTacit_ratio', 'pairingCodified_rate', 'pairingTacit_rate', 'pairingMeeting_prob', 'pairingInteraction_hours', 'pairingRule_code',
  // funding, its schedule and what it buys
  'programmeStart_month', 'fundingEnd_month', 'fundingTaper_months', ...yearly('grants'), 'partnershipFunded_ratio',
  'independentNetworkSupport_gbpPerYear',
  'grantStaffShare_share', 'fundedHour_gbp', 'exemplarGrant_gbp', 'followerGrant_gbp', 'mentalHealthGrant_ratio', 'nationalActivitiesBudget_gbp', 'academyBudget_gbp', 'nationalCostReduction_share',
  // blueprints
  'blueprintStart_month', 'blueprintProduction_probPerMonth', 'blueprintRead_probPerMonth', 'blueprintCodified_rate', 'blueprintDirectory_prob', 'blueprintTacit_rate', 'blueprintOptimizationUse_share', 'blueprintContact_prob',
  // programme networks
  'learningNetworks_count', 'professionLedNetworks_count', 'networkMembersPerOrganization_count', 'networkOutsideJoin_prob', 'professionOutsideJoin_prob', 'programmeIdentityBenefit_index',
  'fundedCoordination_share', 'networkHostTakeover_probPerReview', 'networkHostLead_months', 'hostCoordination_share', 'hostCoordination_hoursPerMonth', 'learningNetworkMeetingInterval_months',
  'learningNetworkFunded_months',
  // the academy
  'academyStart_month', 'academyCohorts_count', 'academyCohortInterval_months', 'academyCohortSize_count', 'academyCohortDuration_months', 'academyOutsidePlaces_count', 'academyLeader_ratio',
  'academyLearningSet_count', 'academyConversations_count', 'academySimilarity_ratio', 'academyContactTie_prob',
  // new roles, yearly budget profiles, secondments, independent networks, follow-on funding
  'newRole_probPerMonth', 'fundedNewRole_ratio',
  ...yearly('national'), ...yearly('academy'),
  'consultancySubsidy_share', 'secondments_perYear', 'secondmentDuration_months', 'secondmentTacit_rate', 'secondmentCost_gbpPerMonth', 'independentNetworkEffect_perGbpMillion',
  'followOnOrganizations_count', 'followOnStart_month', 'followOnFunded_months', 'followOnGrant_gbp',
]);

function yearly(line: 'grants' | 'national' | 'academy'): ParameterName[] {
  return Array.from({ length: 10 }, (_, k) => `${line}Year${k + 1}_ratio` as ParameterName);
}

/** The parameters the spin-up reads, in table order. */
export const SPIN_UP_PARAMETERS: readonly ParameterName[] = (Object.keys(PARAMETERS) as ParameterName[]).filter((k) => !SPIN_UP_FREE_PARAMETERS.has(k));

/** Equal for two parameter sets exactly when set-up and spin-up read the same values from both. */
export function spinUpKey(params: Params): string {
  let key = '';
  for (const name of SPIN_UP_PARAMETERS) {
    const value = params[name];
    // String() is exact for every number but -0, which it writes as 0.
    key += Object.is(value, -0) ? '-0,' : `${value},`;
  }
  return key;
}
