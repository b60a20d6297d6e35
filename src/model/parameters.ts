/**
 * The one table of model parameters: name (with its unit as a suffix), unit, default,
 * allowed range, and source. docs/ODD.md carries the same table (generated from this one by
 * `npm run docs:params`, and checked by test/model/parameters.test.ts).
 *
 * Sources: "001 <section>" is seeds/001_d6a97f109499ec83.txt, "003 <section>" is
 * seeds/003_53c943aff26264ac.txt, "brief" is shared/MODEL-BRIEF.md; "assumption: ..." gives
 * the rationale where no source fixes the value.
 */

export interface ParameterSpec {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  /** Whole numbers only (counts, months). */
  readonly integer?: boolean;
  readonly description: string;
  readonly source: string;
}

/** Programme years a budget line can be shaped over (calendar years from the programme start's). */
export const BUDGET_YEARS_MAX = 10;
type BudgetYear = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/**
 * The per-year weights of one budget line, `<line>Year1_ratio` to `<line>Year10_ratio`: spend per
 * funded month in that calendar year of the programme relative to an even spread of the line's
 * total (1 in every year: the even spread; the total is unchanged, see programme/funding.ts).
 */
function yearRatios<L extends string>(line: L, what: string): Record<`${L}Year${BudgetYear}_ratio`, ParameterSpec> {
  const out: Record<string, ParameterSpec> = {};
  for (let k = 1; k <= BUDGET_YEARS_MAX; k++) {
    out[`${line}Year${k}_ratio`] = spec(
      1,
      0,
      10,
      'ratio to an even year',
      `${what} per funded month in programme year ${k} (the programme start's calendar year${k > 1 ? ` + ${k - 1}` : ''}) relative to an even spread of the line's total; the line's total is unchanged (1 in every year: even).`,
      'assumption: the sources give the GBP 395 million total (003 Objectives) but no yearly profile; yearly budgets are a policy lever (budget.by_year), 1 in the baseline',
    );
  }
  return out as Record<`${L}Year${BudgetYear}_ratio`, ParameterSpec>;
}

const spec = (
  d: number,
  min: number,
  max: number,
  unit: string,
  description: string,
  source: string,
  integer = false,
): ParameterSpec => ({ default: d, min, max, unit, description, source, integer });

export const PARAMETERS = {
  // ---- Time ---------------------------------------------------------------------------------
  horizon_months: spec(120, 1, 600, 'months', 'Simulated months from January of the start year (2017-2023 programme plus three years).', 'brief (Facts for the baseline scenario); issue 2', true),
  evaluationStart_month: spec(12, 0, 600, 'month', 'Month the evaluation of 003 started (January 2018).', '003 Design (January 2018 to March 2020)', true),
  networkingExchanges_perQuarter: spec(1, 0, 100, 'exchanges/quarter', 'Informal exchanges per quarter of the evaluation window that count an organization as networking.', 'assumption: "involvement in networking activities" (003 Results) read as at least one informal exchange a quarter'),
  evaluationEnd_month: spec(38, 0, 600, 'month', 'Month the evaluation of 003 ended (March 2020), when networking is measured.', '003 Design (January 2018 to March 2020)', true),
  survivalWindow_months: spec(36, 1, 600, 'months', 'Months after funding ends at which survival of networks and ties is measured.', 'brief (what is left 3 years after the money stops)', true),
  startYear_year: spec(2017, 2000, 2100, 'year', 'Calendar year of month 0, used only to label output dates.', 'brief: programme 2017-2023', true),
  // spin-up (issue 11 item 1): the ecosystem before the programme, ODD 5
  spinUp_months: spec(120, 0, 600, 'months', 'Months simulated before month 0 (January 2017) without the programme, so the run starts from a grown network; never written to the outputs.', 'assumption: ten years, many times the time scales of trust decay (1/trustDecay_perMonth) and running-value memory; chosen with the steadiness check of issue 11 in view (the counterfactual trend over 2017-2026 within 5% a year: +3% with 60 months, +1% with 120, seed 7, 4 replications)', true),

  // ---- Population ---------------------------------------------------------------------------
  organizations_count: spec(220, 20, 5000, 'organizations', 'Provider organizations (NHS trusts) in the system.', 'brief: roughly 220 NHS provider trusts', true),
  regions_count: spec(7, 1, 20, 'regions', 'Regions.', 'brief: 7 regions', true),
  groupings_count: spec(42, 1, 1000, 'groupings', 'Local strategic groupings (integrated-care-system-like).', 'brief: 42 integrated care systems', true),
  acuteShare_share: spec(0.573, 0, 1, 'share', 'Share of organizations in acute care (126 of 220).', 'assumption: NHS England trust counts c. 2017 (126 acute non-specialist)'),
  mentalHealthShare_share: spec(0.227, 0, 1, 'share', 'Share in mental health (50 of 220).', 'assumption: NHS England trust counts c. 2017'),
  specialistShare_share: spec(0.077, 0, 1, 'share', 'Share in specialist acute care (17 of 220).', 'assumption: NHS England trust counts c. 2017'),
  communityShare_share: spec(0.078, 0, 1, 'share', 'Share in community care (17 of 220).', 'assumption: NHS England trust counts c. 2017'),
  ambulanceShare_share: spec(0.045, 0, 1, 'share', 'Share of ambulance services (10 of 220).', 'assumption: 10 ambulance trusts in England'),
  staffPerOrganization_mean: spec(8, 2, 40, 'people', 'Mean digitally engaged staff per organization (scaled by organization size).', 'assumption: the digital leadership cadre of 001 Table 2 (about 15 interviewees per in-depth site)'),
  countryWidth_km: spec(450, 50, 5000, 'km', 'Width of the square in which regions are laid out (England is about 450 km across).', 'assumption: geography of England'),
  megaSuiteShare_share: spec(0.45, 0, 1, 'share', 'Share of acute and specialist organizations whose core system comes from a mega-suite supplier.', 'assumption: 001 Macroenvironmental (mega-suite vs best-of-breed); market shares not given in the sources'),
  initialMaturityMean_index: spec(0.28, 0, 1, 'index 0-1', 'Mean initial capability per domain.', 'assumption: most trusts were early in digital transformation in 2017 (001 Introduction)'),
  initialMaturitySd_index: spec(0.1, 0, 0.5, 'index 0-1', 'Between-organization standard deviation of initial capability.', 'assumption: programme picked "digitally advanced" sites (001 Research Setting), so variation exists'),
  proactiveSearch_share: spec(0.35, 0, 1, 'share', 'Share of organizations with a proactive (strategic scanning) external search strategy; the rest are reactive.', '001 Organizational Level (external search strategies); share is an assumption'),
  statusSeeking_mean: spec(0.3, 0, 1, 'index 0-1', 'Mean status-seeking of organizations (drives local rivalry and self-assessment).', '003 Reputational Benefits and Competition; value assumption'),
  initialCcio_share: spec(0.45, 0, 1, 'share', 'Share of organizations with a CCIO at month 0.', '001 Macroenvironmental (Wachter review advanced CCIO/CNIO roles); value assumption'),
  initialCnio_share: spec(0.15, 0, 1, 'share', 'Share of organizations with a CNIO at month 0.', '001 Macroenvironmental; value assumption'),
  initialConsultants_count: spec(20, 0, 5000, 'people', 'Independent consultants at month 0.', '001 Macroenvironmental (intermediaries); value assumption'),

  // ---- Knowledge and projects ---------------------------------------------------------------
  codifiedWeight_exponent: spec(0.35, 0.05, 0.95, 'exponent', 'Weight a of codified knowledge in capability K = C^a T^(1-a): both stocks are needed.', '001 Spectrum (blueprints lacked tacit knowledge); mechanisms.md sketch; value assumption'),
  crossSupplierRelevance_share: spec(0.35, 0, 1, 'share', 'Share of a peer\'s tacit know-how that applies on another supplier\'s system.', '003 Common Challenges and Technological Functionality; value assumption'),
  crossSettingRelevance_share: spec(0.5, 0, 1, 'share', 'Share of a peer\'s know-how that applies in another care setting.', '003 Contextual Factors (common challenges of care settings); value assumption'),
  learningByDoing_perMonth: spec(0.006, 0, 0.2, '1/month', 'Rate at which tacit know-how grows inside an organization with an active project (times 1 - T).', 'assumption: learning by doing in adoption and use'),
  internalCodification_perMonth: spec(0.04, 0, 0.2, '1/month', 'Rate at which an organization codifies its own practice (times T - C where positive).', 'assumption: internal knowledge routines, 001 Organizational Level'),
  projectStart_probPerMonth: spec(0.03, 0, 1, 'probability/month', 'Chance an organization starts procurement in a domain with no project.', 'assumption'),
  systemLife_months: spec(120, 12, 600, 'months', 'Mean life of a system in use before it is replaced and procured again (a constant monthly chance of 1 / life); know-how is kept.', 'assumption: NHS electronic record contracts run about ten years; added in issue 11 so that procurement does not die out after the spin-up'),
  procurementDuration_months: spec(9, 1, 60, 'months', 'Typical procurement duration.', 'assumption'),
  adoptionDuration_months: spec(24, 1, 120, 'months', 'Typical adoption (implementation) duration at mid capability.', 'assumption'),
  // Funded staff time and project capacity (issue 11: funding buys something real; 7.2-7.3).
  grantStaffShare_share: spec(0.5, 0, 1, 'share', 'Share of a grant spent on staff time (programme and project staff, backfill, specialists); the rest buys systems and licences.', 'assumption: 003 Relative Costs ("the project team have the capacity... We would never have been able to do that pre-GDE") says grants bought staff capacity; the split is not given'),
  fundedHour_gbp: spec(100, 1, 10000, 'GBP/hour', 'Cost of one funded hour of staff time.', '001 Macroenvironmental Level (a specialist at GBP 750 a day, read as a 7.5-hour day)'),
  projectCapacity_hoursPerMonth: spec(240, 1, 5000, 'hours/month', 'Hours a project in adoption can usefully take in a month, funded hours included (half in procurement, a quarter in optimization).', 'assumption: a project team of about 1.5 full-time posts'),
  projectReference_hoursPerMonth: spec(80, 1, 5000, 'hours/month', 'Hours a project in adoption needs to go at its typical pace (procurementDuration_months, adoptionDuration_months, learningByDoing_perMonth; half in procurement, a quarter in optimization); own staff give at most this.', 'assumption: half a full-time post'),
  projectEffort_exponent: spec(0.5, 0, 1, 'exponent', 'Returns to project hours: pace = (hours / reference hours)^exponent (diminishing returns below 1).', 'assumption: diminishing returns to added staff on a project'),
  projectTime_share: spec(0.75, 0, 1, 'share', 'Most of its own staff time (funded hours apart) an organization commits to its projects in a month, which take the hours they need at their typical pace up to it; funded hours go to the projects on top, up to what they can use; the rest is left for sharing.', 'assumption: 003 Relative Costs (competing demands on time, day-to-day priorities first)'),
  peerExperienceStart_ratio: spec(2, 0, 20, 'ratio', 'Rise in the chance of starting a project in a domain when every organization one has a relationship with has implemented it (linear in their share).', 'assumption: 003 Evolving Formal Processes (blueprints and peers inform procurement); 001 Interorganizational Level (learning from others\' implementations)'),

  // ---- Organizations: absorptive capacity, time, routines -----------------------------------
  absorptiveBase_index: spec(0.25, 0, 1, 'index 0-1', 'Absorptive capacity of an organization with no related knowledge, routines or training.', '001 Organizational Level (absorptive capacity); value assumption'),
  absorptiveFromKnowledge_index: spec(0.35, 0, 1, 'index 0-1', 'Absorptive capacity added at full related knowledge (Cohen & Levinthal).', 'mechanisms.md (Nooteboom; Cohen & Levinthal); 001 Discussion'),
  absorptiveFromTraining_index: spec(0.25, 0, 1, 'index 0-1', 'Absorptive capacity added when all staff are academy-trained.', '001 Linkages Across Levels (Digital Academy improves absorptive capacity)'),
  absorptiveFromRoles_index: spec(0.08, 0, 1, 'index 0-1', 'Absorptive capacity added by each of the CCIO and CNIO mediator roles.', '001 Macroenvironmental (new roles as mediators)'),
  absorptiveFromExperience_index: spec(0.1, 0, 1, 'index 0-1', 'Absorptive capacity added at full collaboration experience.', '001 Discussion (absorptive capacity influenced by past experience)'),
  experienceScale_count: spec(60, 1, 10000, 'relationships', 'Relationships handled at which experience saturates.', 'assumption'),
  timePressurePenalty_index: spec(0.3, 0, 1, 'index 0-1', 'Absorptive capacity lost per unit of time pressure above 0.5.', '001 Organizational Level (less time given to absorbing)'),
  staffTime_hoursPerPersonMonth: spec(30, 0, 200, 'hours/person/month', 'Staff time each digitally engaged person gives to transformation work a month: project work and external sharing draw on it (one budget with the funded hours).', '003 Relative Costs (competing demands on time, the biggest barrier); value assumption'),
  tieUpkeep_hours: spec(2, 0, 40, 'hours', 'Time an informal tie costs each side when used in a month.', 'assumption'),
  meetingAttendance_hours: spec(5, 0, 40, 'hours', 'Time one person spends attending a network, group or cohort meeting.', 'assumption'),
  pairingInteraction_hours: spec(12, 0, 100, 'hours', 'Time each organization spends on one month of active pairing work.', 'assumption'),
  requestHandling_hours: spec(4, 0, 40, 'hours', 'Time a donor organization spends on an external knowledge request.', '003 Relative Costs; value assumption'),
  routineRequest_hours: spec(1.5, 0, 40, 'hours', 'Time per request once a request-handling routine exists.', '001 Organizational Level (past experience: routines)'),
  routineThreshold_requestsPerMonth: spec(1.5, 0, 1000, 'requests/month', 'Smoothed inbound requests at which an experienced organization sets up a routine.', '001 Organizational Level; 003 Relative Costs; value assumption'),
  routineExperience_count: spec(20, 0, 10000, 'relationships', 'Experience needed before a routine is set up.', 'assumption'),
  routineRouting_share: spec(0.7, 0, 1, 'share', 'Share of direct contacts that a routine routes through an office (no personal tie forms).', '001 Organizational Level (Site_C quote on Site_B)'),

  // ---- Individuals --------------------------------------------------------------------------
  willingnessIntercept_logit: spec(-0.2, -10, 10, 'logit', 'Intercept of willingness to share.', 'assumption'),
  willingnessIntrinsic_logit: spec(1.6, 0, 10, 'logit', 'Weight of intrinsic motivation (reputation, status, insight).', '001 Individual Level (intrinsic motivations)'),
  willingnessExtrinsic_logit: spec(1.4, 0, 10, 'logit', 'Weight of extrinsic/altruistic motivation (community, companionship, reciprocity).', '001 Individual Level (extrinsic motivations)'),
  willingnessOwnership_logit: spec(1.2, 0, 10, 'logit', 'Weight of psychological ownership of knowledge.', '001 Individual Level (inhibitors)'),
  willingnessUncertainty_logit: spec(1.0, 0, 10, 'logit', 'Weight of uncertainty about partners (relieved by the trust of an existing relationship, e.g. a pairing).', '001 Individual Level (inhibitors)'),
  willingnessTime_logit: spec(1.5, 0, 10, 'logit', 'Weight of the organization\'s time pressure.', '001 Individual Level (time); 003 Relative Costs'),
  mobility_probPerMonth: spec(0.004, 0, 0.2, 'probability/month', 'Chance a person moves to another organization.', 'assumption: about 5% a year for digital leadership posts'),
  mobilityDistance_km: spec(60, 1, 5000, 'km', 'Distance scale of moves (nearer organizations are likelier).', '001 Interorganizational Level (personnel moving between nearby sites)'),
  consultancyExit_probPerMonth: spec(0.04, 0, 1, 'probability/month', 'Chance a consultant between engagements leaves the digitally engaged workforce (mean spell about two years).', 'assumption: no source gives consultancy spells; set so that the number of consultants settles near its January 2017 value (initialConsultants_count) instead of growing through the spin-up (issue 11)'),
  becomeConsultant_share: spec(0.12, 0, 1, 'share', 'Share of moves that are into independent consultancy.', '001 Macroenvironmental (intermediaries: consultants)'),
  mobilityTacitCarry_share: spec(0.08, 0, 1, 'share', 'Share of the gap in tacit know-how a mover brings to the new organization.', '003 Integration (personnel transfers move tacit knowledge)'),
  turnoverTacitLoss_share: spec(0.01, 0, 1, 'share', 'Share of tacit know-how an organization loses when a person leaves.', 'assumption'),

  // ---- Informal search and ties -------------------------------------------------------------
  search_probPerMonth: spec(0.05, 0, 1, 'probability/month', 'Base chance a willing person looks outside for know-how in a month.', 'assumption'),
  reactiveNeedThreshold_index: spec(0.25, 0, 1, 'index 0-1', 'Knowledge need below which a reactive organization does not search.', '001 Organizational Level (need-driven search)'),
  proactiveSearchBoost_ratio: spec(0.5, 0, 10, 'ratio', 'Extra search rate of proactive organizations.', '001 Organizational Level (strategic scanning)'),
  candidatesPerSearch_count: spec(5, 1, 50, 'candidates', 'Contacts considered in one search.', 'assumption: bounded search'),
  discoveryRandom_share: spec(0.08, 0, 1, 'share', 'Share of candidates found at random nationally, outside any channel.', 'assumption'),
  benefitWeight_index: spec(3.0, 0, 50, 'utility', 'Utility per unit of relevant knowledge gap times absorptive capacity.', 'mechanisms.md (logit over benefit minus cost)'),
  contactCost_index: spec(1.5, 0, 50, 'utility', 'Base cost of establishing a contact.', '003 Contextual Factors (costs of establishing interactions)'),
  distanceCost_per100km: spec(0.35, 0, 10, 'log-cost/100 km', 'Rise in log cost per 100 km.', '003 Contextual Factors (geographical proximity)'),
  sameGroupingCost_logRatio: spec(0.5, 0, 5, 'log-ratio', 'Fall in log cost within a local strategic grouping.', '003 Contextual Factors (regional alignment)'),
  sameSupplierCost_logRatio: spec(0.5, 0, 5, 'log-ratio', 'Fall in log cost with the same core-system supplier.', '003 Contextual Factors (common core system)'),
  sameSettingCost_logRatio: spec(0.4, 0, 5, 'log-ratio', 'Fall in log cost in the same care setting.', '003 Common Challenges'),
  sizeDissimilarityCost_logRatio: spec(0.4, 0, 5, 'log-ratio', 'Rise in log cost per unit difference in log size (culture, footprint).', '003 Contextual Factors (similar size and culture)'),
  priorTieCost_logRatio: spec(0.6, 0, 5, 'log-ratio', 'Fall in log cost with a prior or current tie between the organizations.', '003 Contextual Factors (prior relationships)'),
  sameStatusCost_logRatio: spec(0.3, 0, 5, 'log-ratio', 'Fall in log cost when both hold the same programme status (collective identity).', '001 Interorganizational Level (collective identity)'),
  choiceTemperature_utility: spec(0.5, 0.01, 10, 'utility', 'Logit scale of contact choice (lower is more deterministic).', 'mechanisms.md (stochastic actor-oriented models)'),
  // ---- Labels and rivalry (helper "search", issue 11: a comparison, not a constant) ----
  competitionInhibition_logit: spec(1.5, 0, 10, 'logit', 'Fall in a contacted person\'s willingness logit per unit of status rivalry with the asking organization (rivalry: geometric mean of the two organizations\' status seeking, local rivals only).', '003 Reputational Benefits and Competition; 001 Interorganizational Level; value assumption: a rival as strong an inhibitor as full time pressure (willingnessTime_logit)'),
  labelInhibition_share: spec(0.55, 0, 1, 'share', 'Largest fall in a follower\'s engagement with, and valuation of, its exemplar, reached when it is sure it stands level or ahead; scaled by the logistic of its perceived standing.', '001 Interorganizational Level (relational recognition); 003 Reputational Benefits; value assumption'),
  labelStandingScale_index: spec(0.05, 0.001, 1, 'maturity 0-1', 'Scale of the logistic that turns a follower\'s perceived standing (own maturity plus self-assessment bias minus its exemplar\'s) into the weight of the label effect; small: a sharp judgement.', 'assumption'),
  partnerFramingComparison_share: spec(0.25, 0, 1, 'share', 'Weight of the follower\'s comparison with its exemplar under partner framing, relative to exemplar/follower labels.', '003 Reputational Benefits ("I don\'t call this fast follower I like the word partner"); value assumption'),
  labelsActive_flag: spec(1, 0, 1, 'flag 0/1', '1: exemplar/follower labels; 0: partner framing.', '003 Reputational Benefits ("I like the word partner")', true),
  selfAssessmentNoise_index: spec(0.08, 0, 1, 'index 0-1', 'Noise in how an organization judges its maturity against a partner.', 'assumption'),
  tieUse_probPerMonth: spec(0.45, 0, 1, 'probability/month', 'Scale of the monthly chance an informal tie is used; times (0.3 + 0.7 trust), need pull (at most 1) and (1 - time pressure / 2).', 'assumption'),
  tacitTransfer_rate: spec(0.1, 0, 1, 'share/use', 'Share of the relevant tacit gap closed by one use of a person-to-person tie, times absorptive capacity.', '003 Integration (tacit knowledge moves through people); value assumption'),
  codifiedTransfer_rate: spec(0.03, 0, 1, 'share/use', 'Share of the codified gap closed by one use of a person-to-person tie.', 'assumption'),
  trustGain_perUse: spec(0.12, 0, 1, 'share', 'Share of the remaining distance to full trust gained by a reciprocated use.', 'mechanisms.md (Cowan, Jonard & Zimmermann relational credit)'),
  trustDecay_perMonth: spec(0.03, 0, 1, '1/month', 'Trust lost per month without use.', 'mechanisms.md (relational credit decays)'),
  initialTrust_index: spec(0.3, 0, 1, 'index 0-1', 'Trust of a new informal tie.', 'assumption'),
  tieValueMemory_share: spec(0.8, 0, 1, 'share/month', 'Weight of last month in the running value of a tie.', 'mechanisms.md (keep-or-drop running value)'),
  bondBenefit_index: spec(0.15, 0, 5, 'utility/month', 'Companionship value of a used tie, times extrinsic motivation.', '001 Individual Level (companionship)'),
  tieKnowledgeValue_index: spec(25, 0, 1000, 'utility/unit', 'Value to a side of one unit of knowledge received through a tie.', 'mechanisms.md (keep-or-drop: learning value)'),
  tieUseCost_index: spec(0.12, 0, 10, 'utility/use', 'Cost to each side of using a tie, doubled at full time pressure.', '003 Relative Costs (time)'),
  reputationBenefit_index: spec(0.1, 0, 10, 'utility/use', 'Value of giving know-how to the giver, times intrinsic motivation (reputation, status).', '001 Individual Level; 003 Relative Costs (reputational benefits)'),
  tieEndValue_index: spec(-0.03, -10, 0, 'utility', 'Running value below which a side drops the tie, for a person of extrinsic motivation 0.5; each person\'s threshold is this times (0.5 + extrinsic motivation).', 'mechanisms.md (pairwise stability); heterogeneity: 001 Individual Level (companionship, reciprocity), assumption'),
  // running value of an unused tie (issue 11 item 2: ties end by value, not by grace periods or age factors)
  tieHoldingCost_index: spec(0.05, 0, 10, 'utility/month', 'Cost to a side of keeping an unused tie up (keeping in touch, remembering who knows what), times (1 - trust).', '003 Relative Costs (time); trust lowers it: mechanisms.md (relational credit); value assumption'),
  embeddedBond_ratio: spec(0.25, 0, 10, 'ratio', 'Bond value of an unused tie whose two people share a community, as a share of the companionship of a used tie (bondBenefit_index), times extrinsic motivation.', 'mechanisms.md (Burt 2002: embedded ties decay slower); 001 Individual Level (companionship); value assumption'),
  siteVisitDistance_km: spec(80, 0, 5000, 'km', 'Distance under which a tie use can be a site visit.', '001 Linkages Across Levels (nearby staff visit one another)'),
  siteVisit_prob: spec(0.15, 0, 1, 'probability', 'Chance a use of a near tie is an in-person site visit.', '003 Results (site visits); value assumption'),
  siteVisitTacit_ratio: spec(2.0, 0, 10, 'ratio', 'Tacit transfer of a site visit relative to a call or email.', '001 Table 4 (observe real-world use)'),

  // ---- Programme ----------------------------------------------------------------------------
  programmeActive_flag: spec(1, 0, 1, 'flag 0/1', '1: the GDE programme runs; 0: the counterfactual.', 'brief (scenarios)', true),
  programmeStart_month: spec(0, 0, 600, 'month', 'Month the programme starts (selection).', '003 Objectives (2017)', true),
  fundingEnd_month: spec(84, 1, 600, 'month', 'Month national funding stops (end of 2023).', 'brief: 2017-2023', true),
  exemplarsAcute_count: spec(16, 0, 200, 'organizations', 'Acute exemplars (GDEs).', '003 Table 1', true),
  exemplarsMentalHealth_count: spec(7, 0, 200, 'organizations', 'Mental health exemplars.', '003 Table 1', true),
  exemplarsAmbulance_count: spec(3, 0, 50, 'organizations', 'Ambulance exemplars (not paired).', '003 Objectives', true),
  followersAcute_count: spec(17, 0, 200, 'organizations', 'Acute fast followers.', '003 Table 1', true),
  followersMentalHealth_count: spec(8, 0, 200, 'organizations', 'Mental health fast followers.', '003 Table 1', true),
  selectionNoise_index: spec(0.05, 0, 1, 'index 0-1', 'Noise in the maturity-based selection of exemplars.', 'assumption'),
  ownChoicePairing_share: spec(0.7, 0, 1, 'share', 'Share of followers that choose their own exemplar (a logit choice on benefit against contact cost, 7.16); the rest are paired fast on policy criteria.', '003 Setting ("most organizations appeared to choose their own partners")'),
  // -- facts (issue 11): followers choose their exemplar (7.16) ----------------------------------
  followerTier_ratio: spec(2.5, 1, 20, 'ratio', 'Candidates for follower places (the next tier by maturity) per place.', 'assumption: 001 Research Setting ("somewhat less mature" sites); the tier width is not given'),
  pairingSameGrouping_logRatio: spec(2, 0, 10, 'log-ratio', 'Benefit of a pairing inside one local strategic grouping, which coordinates its members\' collaborations (shared plans), in log units on top of the lower contact cost.', '003 Results ("local strategic groupings coordinating collaborations of health care organizations"); value assumption, set with P3f (issue 11) in view'),
  pairingChoice_scale: spec(2, 0, 20, 'ratio', 'Sharpness of a follower\'s choice of exemplar (and of own-choice entry): the logit weight on the log of benefit over contact cost (1: odds proportional to the benefit-cost ratio).', 'assumption; set with P3e/P3f (issue 11) in view: 1 gives too few same-grouping pairings'),
  pairingLeadTime_months: spec(6, 0, 60, 'months', 'Months from programme start to pairings being formed.', '001 Macroenvironmental (compressed timeframes); value assumption', true),
  pairingEngagementBase_index: spec(0.25, 0, 1, 'probability/month', 'Monthly chance a pairing is actively worked at zero fit, no overlay trust and no time pressure.', 'assumption'),
  pairingFitWeight_index: spec(0.35, 0, 1, 'probability/month', 'Engagement added at full partner fit (shared system, grouping, nearness).', '003 Results (pairings sharing a core system or grouping)'),
  pairingOverlayWeight_index: spec(0.25, 0, 1, 'probability/month', 'Engagement added when people of the pair trust each other.', '003 Discussion (formal networks most effective with informal support)'),
  pairingOverlay_flag: spec(1, 0, 1, 'flag 0/1', '1: a pairing\'s work draws on informal ties between its people (engagement and tacit share rise with their trust); 0: knocked out, the ties still form but leave the formal work unchanged (an experiment, not a policy).', 'experiment for 003 Abstract ("formal networks most effective when supported by informal networking")', true),
  // Overlay synergy in the pairing's own work (issue 11, helper communities).
  pairingOverlayTacit_ratio: spec(2, 0, 20, 'ratio', 'Relative rise of the tacit share of an engaged pairing month at full trust between the pairing\'s people (joint problem solving).', 'assumption: 003 Discussion (tacit knowledge moves through people interacting; formal networks most effective with informal support); 001 Linkages Across Levels (trust-based recognition facilitates exchange beyond formal obligations)'),
  pairingCodified_rate: spec(0.06, 0, 1, 'share/month', 'Share of the codified gap a follower closes in an active pairing month.', '001 Interorganizational Level (formal contracts prescribe documents)'),
  pairingTacit_rate: spec(0.015, 0, 1, 'share/month', 'Share of the tacit gap closed by formal pairing work itself.', '001 Spectrum (formal means miss tacit knowledge)'),
  pairingMeeting_prob: spec(0.08, 0, 1, 'probability', 'Chance that an active pairing month puts two people of the pair in contact (overlay seed).', '001 Linkages Across Levels (voluntary exchange beyond formal obligations)'),
  exemplarGrant_gbp: spec(10e6, 0, 1e9, 'GBP', 'Grant to an acute exemplar over the programme.', 'assumption: consistent with the GBP 395 million total (003 Objectives)'),
  followerGrant_gbp: spec(5e6, 0, 1e9, 'GBP', 'Grant to an acute follower over the programme.', 'assumption: consistent with the GBP 395 million total'),
  mentalHealthGrant_ratio: spec(0.5, 0, 5, 'ratio', 'Grant of mental health and ambulance sites relative to acute.', 'assumption'),
  nationalActivitiesBudget_gbp: spec(60e6, 0, 1e10, 'GBP', 'National activities: webinars, curation, agenda setting, learning networks, blueprint platform.', 'assumption: remainder of GBP 395 million (003 Objectives)'),
  academyBudget_gbp: spec(20e6, 0, 1e10, 'GBP', 'Digital Academy budget over the programme.', 'assumption'),
  nationalCostReduction_share: spec(0.3, 0, 1, 'share', 'Fall in the cost of making contact, of a transfer\'s effort and time, and of the time cost deterring busy staff from meetings, while national activities are funded.', '003 Relative Costs (national activities cut costs)'),
  blueprintStart_month: spec(24, 0, 600, 'month', 'Month blueprint production starts.', '003 Evolving Formal Processes; value assumption', true),
  blueprintProduction_probPerMonth: spec(0.06, 0, 1, 'probability/month', 'Chance a participating organization writes a blueprint for a domain it has implemented.', '003 Setting (blueprinting mandated)'),
  blueprintRead_probPerMonth: spec(0.04, 0, 1, 'probability/month', 'Chance an organization with a need reads a relevant blueprint in a month.', '003 Evolving Formal Processes (platform)'),
  blueprintCodified_rate: spec(0.15, 0, 1, 'share', 'Share of the codified gap a reader closes from one blueprint, times absorptive capacity.', '001 Spectrum (blueprints offer codified knowledge)'),
  blueprintDirectory_prob: spec(0.6, 0, 1, 'probability', 'Chance a reader notes the authors as people to contact, times its remaining need and the author\'s relevance (when the author is more capable).', '003 Evolving Formal Processes; 001 Spectrum (blueprints used to find whom to contact)'),
  // ---- Blueprint uptake by the reader (helper "search", issue 11) ----
  blueprintTacit_rate: spec(0.05, 0, 1, 'share', 'Share of the tacit gap to the author a reader closes from one blueprint, times its absorptive capacity, relevance, stage use and its own tacit know-how in the domain.', 'assumption: a document conveys a third of the share of the codified gap (blueprintCodified_rate) to a reader with full related know-how; 001 Spectrum (tacit knowledge not included in blueprints)'),
  blueprintOptimizationUse_share: spec(0.5, 0, 1, 'share', 'Usefulness of a blueprint to a reader whose project is in optimization, relative to procurement and adoption.', '003 Evolving Formal Processes (conceived for rapid procurement and implementation; an initial introduction to a topic); value assumption'),
  blueprintContact_prob: spec(0.5, 0, 1, 'probability', 'Chance a read leads the reader to contact one of the author\'s staff at once, times its remaining need and the author\'s relevance (when the author is more capable).', '001 Spectrum ("many provider organizations used blueprints as a tool to identify which organizations and which actors were sources"); 003 Evolving Formal Processes (email exchanges, phone calls, site visits); value assumption: "many" as half'),
  learningNetworks_count: spec(10, 0, 100, 'networks', 'Learning networks launched in the first half of the programme.', '001 Research Setting; value assumption', true),
  professionLedNetworks_count: spec(3, 0, 100, 'networks', 'Of those, networks driven by a profession (e.g. pharmacists in e-prescribing).', '001 Spectrum; 003 Evolving Formal Processes; value assumption', true),
  networkMembersPerOrganization_count: spec(1, 0, 10, 'people', 'People each participating organization sends to a learning network in its domain.', 'assumption', true),
  networkOutsideJoin_prob: spec(0.05, 0, 1, 'probability', 'Chance a matching person outside the programme joins a learning network at launch.', '001 Research Setting (across the wider NHS)'),
  professionOutsideJoin_prob: spec(0.25, 0, 1, 'probability', 'Chance a member of the profession outside the programme joins a profession-led network at launch (a national professional agenda).', '003 Evolving Formal Processes (pharmacists in e-prescribing networks); 001 Spectrum (national communities of practice)'),
  networkInfoBenefit_index: spec(1.5, 0, 50, 'utility', 'Value of a network per unit of relevant knowledge among members, times need.', 'mechanisms.md (Ren & Kraut informational benefit)'),
  networkIdentityBenefit_index: spec(0.9, 0, 10, 'utility', 'Value of a network to a member whose profession it serves, times the mean of intrinsic and extrinsic motivation.', '003 Evolving Formal Processes (occupational groupings); mechanisms.md (Ren & Kraut identity)'),
  programmeIdentityBenefit_index: spec(0.3, 0, 10, 'utility', 'Value of a programme network to a member from a programme organization while funding lasts (collective identity), times intrinsic motivation.', '001 Interorganizational Level (collective identity, GDE status as anchor)'),
  // Shared identity built by taking part (issue 11, helper communities): any community, central or profession-led.
  communityIdentityBenefit_index: spec(0.6, 0, 10, 'utility', 'Value of a voluntary community to a member at full shared identity (attachment 1), times (0.5 + extrinsic motivation).', 'mechanisms.md (Ren & Kraut common-identity attachment); 001 Interorganizational Level (collective identity built through events and meetings); value assumption, calibrated by hand to P4\'s targets (issue 11): at 0.5 no central network survives, at 0.8 about 60% do'),
  communityIdentityGain_perMeeting: spec(0.05, 0, 1, 'share/meeting', 'Share of the way to full attachment a member closes by attending a meeting of a voluntary community.', 'assumption: identity grows with taking part (Ren & Kraut)'),
  communityIdentityDecay_perMeeting: spec(0.02, 0, 1, 'share/meeting', 'Share of attachment every member loses at each meeting of the community (before attendees gain), so absence erodes it.', 'assumption'),
  networkBondBenefit_index: spec(0.4, 0, 10, 'utility', 'Value of a network per share of members one has a personal tie with.', 'mechanisms.md (Ren & Kraut bond)'),
  networkTimeCost_index: spec(0.35, 0, 10, 'utility', 'Cost of membership at no time pressure (doubles at full pressure).', '003 Relative Costs'),
  fundedCoordination_share: spec(0.8, 0, 1, 'share', 'Share of the membership cost covered by funded coordination.', '003 Relative Costs (national activities)'),
  communityRecruit_prob: spec(0.15, 0, 1, 'probability/review', 'Chance a member of a voluntary community invites one of their ties at a membership review; the invitee joins if membership is worth it to them.', 'mechanisms.md (Ren & Kraut: recruitment through bonds); 003 Evolving Formal Processes (attracting participation)'),
  networkHostTakeover_probPerReview: spec(0.2, 0, 1, 'probability/review', 'Chance at a membership review of a programme network with no host, from networkHostLead_months before its funding ends, that a member organization takes over its coordination, times the share of members who would stay with a host coordinating.', 'assumption, set by hand with P4a in view (at 0.5 about half the central networks survive, at 0.2 one to three of seven): 001 Discussion (networks that sustained were "orchestrated through collaboration of provider organizations as they captured local and collective benefits"); 003 Evolving Formal Processes (knowledge transfer "needs to be evolving and shared between central program management and participating organizations")'),
  networkHostLead_months: spec(12, 0, 60, 'months', 'Months before a programme network\'s funding ends from which a member organization may take over its coordination (transition planning).', 'assumption'),
  hostCoordination_share: spec(0.5, 0, 1, 'share', 'Share of the membership cost a host organization\'s coordination covers once funding has ended.', 'assumption: a provider host does part of what funded coordination did (003 Relative Costs)'),
  hostCoordination_hoursPerMonth: spec(16, 0, 400, 'hours/month', 'Staff hours a month the host organization gives to coordinating the network (from its sharing time).', 'assumption: about two days a month'),
  membershipReview_months: spec(3, 1, 60, 'months', 'Months between a member\'s reviews of whether membership is worth it.', 'assumption: members reconsider after a few meetings', true),
  networkLeaveAfter_reviews: spec(1, 1, 60, 'reviews', 'Consecutive negative reviews before a member leaves.', 'assumption', true),
  networkMinMembers_count: spec(8, 2, 1000, 'people', 'Membership below which a network or community ends.', 'mechanisms.md (Ren & Kraut: communities die below a minimum)', true),
  learningNetworkMeetingInterval_months: spec(2, 1, 24, 'months', 'Months between meetings or calls of a learning network.', '003 Evolving Formal Processes ("monthly phone calls and meetings" in the most active); value assumption', true),
  meetingTie_prob: spec(0.05, 0, 1, 'probability', 'Chance two attendees of a meeting who meet form an informal tie.', 'assumption'),
  meetingContacts_count: spec(2, 0, 50, 'people', 'People each attendee talks to at a meeting.', 'assumption', true),
  meetingTacit_rate: spec(0.02, 0, 1, 'share', 'Share of the tacit gap to a contacted attendee\'s organization closed at a meeting (times absorptive capacity and relevance).', 'assumption'),
  meetingCodified_rate: spec(0.05, 0, 1, 'share', 'Share of the codified gap closed at a meeting.', 'assumption'),
  academyStart_month: spec(15, 0, 600, 'month', 'Month of the first academy cohort.', '003 Mediators (NHS Digital Academy during data collection)', true),
  academyCohorts_count: spec(4, 0, 100, 'cohorts', 'Academy cohorts.', 'assumption', true),
  academyCohortInterval_months: spec(12, 1, 120, 'months', 'Months between cohorts.', 'assumption', true),
  academyCohortSize_count: spec(25, 1, 1000, 'people', 'Places per cohort for staff of programme organizations (50 in two cohorts during data collection).', '003 Mediators (50 participants from 29 GDEs)', true),
  academyCohortDuration_months: spec(12, 1, 60, 'months', 'Length of a cohort.', 'assumption', true),
  academyOutsidePlaces_count: spec(4, 0, 1000, 'people', 'Places per cohort for staff of organizations outside the programme (the academy was national).', 'assumption: 003 Mediators counts only participants from programme organizations', true),
  academyLeader_ratio: spec(3, 1, 100, 'ratio', 'Weight of staff in leadership roles (CCIO, CNIO, CIO, digital director, clinical transformation lead) in the draw of academy places.', '001 Table 1 (a "cadre of digital transformation leaders"); value assumption'),
  // -- facts (issue 11): cohort ties from sessions (7.13) ---------------------------------------
  academyLearningSet_count: spec(6, 1, 100, 'people', 'Participants per learning set, who meet one another at every monthly session.', 'assumption: 003 Mediators (cohort learning); set size not given in the sources', true),
  academyConversations_count: spec(2, 0, 50, 'people', 'Further participants each attendee talks to at a session, outside their learning set.', '003 Mediators ("conversations, over dinner and things"); value assumption', true),
  academySimilarity_ratio: spec(2, 1, 20, 'ratio', 'Weight of a participant of the same role or care setting when choosing whom to talk to at a session.', 'assumption (homophily)'),
  academyContactTie_prob: spec(0.11, 0, 1, 'probability', 'Chance one contact at a session between people of two untied organizations forms an informal tie, times both people\'s willingness.', '003 Mediators ("otherwise we probably wouldn\'t have found time to have those conversations"); value assumption, set to keep about the previous 1.4 cohort ties per participant (issue 11)'),
  newRole_probPerMonth: spec(0.01, 0, 1, 'probability/month', 'Chance an organization without a CCIO (or CNIO) appoints one.', '001 Macroenvironmental (Wachter review)'),
  fundedNewRole_ratio: spec(3, 0, 20, 'ratio', 'Multiplier of that chance in funded organizations.', 'assumption'),

  // ---- Programme levers added for scenario files (issue: scenario files and policy levers) ---
  fundingTaper_months: spec(0, 0, 600, 'months', 'Months before fundingEnd_month over which funding tapers linearly (spend, and so the staff hours grants buy, fall towards zero; the budget is unchanged); 0: a cliff edge.', 'assumption: a taper is a policy choice the sources do not describe (issue lever); 0 in the baseline as in 003 Objectives (funding to 2023)', true),
  selectionRule_code: spec(0, 0, 1, 'code', 'How participants are selected: 0 most mature (exemplars the most mature, followers the next tier), 1 at random within each setting.', '001 Research Setting ("digitally advanced sites"); 1 is an experiment', true),
  pairingRule_code: spec(0, 0, 3, 'code', 'Pairing rule: 0 own choice (ownChoicePairing_share choose by fit, the rest on policy criteria), 1 same core supplier required where free, 2 same strategic grouping required where free, 3 random on policy criteria.', '003 Setting; 003 Results (pairings sharing a core system or grouping); rules 1-3 are levers', true),
  ...yearRatios('grants', 'Grants to exemplars and followers (spend and the staff hours they buy)'),
  ...yearRatios('national', 'National activities (spend and the fall in contact cost they buy)'),
  ...yearRatios('academy', 'Digital Academy spend'),
  learningNetworkFunded_months: spec(600, 1, 600, 'months', 'Months each learning network is funded after its launch, never beyond fundingEnd_month (600: to the end of national funding).', '001 Spectrum (networks ended with funding); shorter terms are a lever', true),
  secondments_perYear: spec(0, 0, 1000, 'secondments/year', 'Secondments funded per year while national funding lasts: a person from a more capable programme organization works at an organization with a need.', 'assumption: 003 Integration (personnel transfers move tacit knowledge) applied to a funded lever; 0 in the baseline', false),
  secondmentDuration_months: spec(6, 1, 60, 'months', 'Length of a secondment.', 'assumption', true),
  secondmentTacit_rate: spec(0.08, 0, 1, 'share/month', 'Share of the relevant tacit gap to the home organization a host closes per month of secondment, times absorptive capacity.', 'assumption: between a consultant (consultancyTacit_rate) and a personnel move, 003 Integration'),
  secondmentCost_gbpPerMonth: spec(9000, 0, 1e6, 'GBP/month', 'Cost of one secondment month (salary backfill).', 'assumption: a senior NHS digital post with on-costs'),
  independentNetworkSupport_gbpPerYear: spec(0, 0, 1e9, 'GBP/year', 'National funding for independent professional networks while national funding lasts.', 'assumption: 001 Macroenvironmental (independent networks as neutral spaces) made a lever; 0 in the baseline'),
  independentNetworkEffect_perGbpMillion: spec(0.3, 0, 10, 'ratio per GBP million/year', 'Relative rise in joining and event attendance of the independent professional network per GBP million a year of support (chances capped at 1).', 'assumption'),
  followOnOrganizations_count: spec(0, 0, 2000, 'organizations', 'Organizations outside the first wave funded by a follow-on programme (digital aspirants).', 'brief (programme status: later programmes; follow-on programmes); 0 in the baseline', true),
  followOnStart_month: spec(36, 0, 600, 'month', 'Month the follow-on programme selects its organizations.', 'assumption', true),
  followOnFunded_months: spec(36, 1, 600, 'months', 'Months each follow-on organization is funded.', 'assumption', true),
  followOnGrant_gbp: spec(3e6, 0, 1e9, 'GBP', 'Grant to each follow-on organization over its funded months.', 'assumption'),
  procurementPressure_share: spec(0, 0, 1, 'share', 'Competitive context: organizations of the same care setting in the same region become rivals (not only in the same grouping), scaled by this share, and their rivalry rises by it.', '001 Principal Findings (competitive procurement or misaligned incentives: protective, fragmented, transactional exchange); value assumption; 0 in the baseline'),

  // ---- Partnerships on organizations' own initiative (issue 11; ODD 7.19) ------------------
  partnership_probPerMonth: spec(0.006, 0, 1, 'probability/month', 'Chance an organization with a need in a project domain, paying from its own budget, seeks a time-bound formal partnership or contract with a more capable peer (times its need).', '001 Discussion (formal partnerships planned on clear strategic needs); 001 Spectrum (formal contractual agreements); value assumption'),
  partnershipFunded_ratio: spec(3, 0, 50, 'ratio', 'Rise of that chance while the organization is funded, times the stability of its funding (funded months left over the term, at most 1).', '001 Principal Findings (policy stability and national investment: more formalized collaborations); value assumption'),
  partnershipTerm_months: spec(12, 1, 120, 'months', 'Term of a partnership or contract.', 'assumption', true),
  partnershipFee_gbpPerMonth: spec(6000, 0, 1e6, 'GBP/month', 'Fee the client pays the provider per month of a partnership (paid from the grant while funded, so it buys fewer funded hours).', '001 Macroenvironmental Level (GBP 750 a day for a specialist; eight days a month: assumption)'),
  partnershipWork_hours: spec(10, 0, 200, 'hours', 'Staff time a partnership month takes from each side.', 'assumption'),
  partnershipCodified_rate: spec(0.05, 0, 1, 'share/month', 'Share of the codified gap a client closes per partnership month (times absorptive capacity and relevance).', '001 Interorganizational Level (formal contracts prescribe documents); value assumption'),
  partnershipTacit_rate: spec(0.01, 0, 1, 'share/month', 'Share of the tacit gap closed per partnership month.', '001 Spectrum (formal means miss tacit knowledge); value assumption'),
  partnershipCandidates_count: spec(6, 1, 100, 'organizations', 'Organizations a seeker considers (a random sample; it takes the most relevant one ahead of it).', 'assumption: bounded search', true),

  // ---- Suppliers ----------------------------------------------------------------------------
  userGroupMeetingInterval_months: spec(3, 1, 24, 'months', 'Months between supplier user-group meetings.', '001 Macroenvironmental (supplier user groups); value assumption', true),
  userGroupInitialUserAgenda_share: spec(0.15, 0, 1, 'share', 'Share of a user group\'s agenda set by users at start (the rest by the supplier).', '001 Macroenvironmental (supplier-set goals)'),
  userGroupOpenness_share: spec(0.5, 0, 1, 'share', 'Supplier openness: scales how fast users gain agenda control.', '001 Macroenvironmental (supplier encouraged adopters to share)'),
  jointSpecification_prob: spec(0.25, 0, 1, 'probability', 'Chance, per pair of member customers adopting the supplier\'s modules in a meeting month, of a joint specification.', '001 Spectrum (joint specification, Site_D)'),
  jointSpecificationAgenda_gain: spec(0.04, 0, 1, 'share', 'Share of the users\' remaining distance to full agenda control closed per joint specification (times openness).', '001 Macroenvironmental; 003 Common Challenges (bigger voice)'),
  // User-group agendas both ways (issue 11, helper communities).
  supplierAgendaPull_share: spec(0.15, 0, 1, 'share/meeting', 'Share of the way a user group\'s agenda moves at each meeting towards the level users\' attendance alone holds (start share + (1 - start share) x openness x share of members attending): the supplier reasserting its roadmap above it, users\' presence below it.', 'assumption: 001 Macroenvironmental (supplier-set goals; supplier-arranged learning drives adopters in particular directions; groups becoming user-driven)'),
  userGroupIdleAttend_share: spec(0.5, 0, 1, 'share', 'Attendance of a user-group member whose organization is neither procuring nor adopting any of the supplier\'s modules, relative to one that is.', 'assumption: customers take part when they need functionality (001 Spectrum: joint requirements)'),
  pilotVisit_probPerMonth: spec(0.15, 0, 1, 'probability/month', 'Chance a supplier arranges a pilot site visit for a customer in procurement.', '001 Macroenvironmental (pilot site visits)'),
  pilotVisitDepth_share: spec(0.25, 0, 1, 'share', 'Tacit transfer of a chaperoned pilot visit relative to a free site visit.', '001 Macroenvironmental ("chaperoned around")'),
  supplierBrokerage_prob: spec(0.3, 0, 1, 'probability', 'Chance a pilot visit leaves a brokered personal contact.', '003 Mediators (vendors connecting key individuals)'),

  // ---- Intermediaries -----------------------------------------------------------------------
  consultancyHire_probPerMonth: spec(0.02, 0, 1, 'probability/month', 'Chance an organization in adoption with low capability hires a consultant.', '001 Macroenvironmental (Site_M quote)'),
  consultancyDays_count: spec(15, 1, 1000, 'days', 'Days in a consultancy engagement.', '001 Macroenvironmental (15 days)', true),
  consultancyDayRate_gbp: spec(750, 0, 10000, 'GBP/day', 'Consultant day rate.', '001 Macroenvironmental (GBP 750 a day)'),
  consultancySubsidy_share: spec(0, 0, 1, 'share', 'Share of consultancy cost paid nationally (raises hiring).', 'issue 4 lever; 0 in the baseline'),
  consultancyTerm_months: spec(3, 1, 60, 'months', 'Length of an engagement.', 'assumption', true),
  consultancyTacit_rate: spec(0.12, 0, 1, 'share/month', 'Share of the tacit gap to the consultant\'s know-how closed per month.', '001 Macroenvironmental ("our pseudo blueprint")'),
  // -- facts (issue 11): the network's size and turnover (7.12) ---------------------------------
  professionalNetworkLeave_probPerMonth: spec(0.008, 0, 1, 'probability/month', 'Chance a member leaves the network in a month, times (1.5 - intrinsic motivation).', 'assumption: memberships lapse (about 10% a year); not given in the sources'),
  widerDigitalLeaders_perOrganization: spec(40, 0, 1000, 'people/organization', 'NHS digital health leaders per modelled organization who are not modelled as individuals (other trust staff, commissioners, primary care, national bodies), who may belong to the professional network; counted, not simulated.', '001 Macroenvironmental ("over 5500 NHS digital health leaders" in the networks); value assumption, set with P12e (issue 11) in view'),
  professionalNetworkJoin_probPerMonth: spec(0.01, 0, 1, 'probability/month', 'Chance a non-member joins in a month, times (0.5 + intrinsic motivation) and the programme\'s support to independent networks.', '001 Macroenvironmental (network growing)'),
  professionalNetworkEventInterval_months: spec(6, 1, 60, 'months', 'Months between regional events of the network.', '001 Macroenvironmental (regional and annual events)', true),
  professionalNetworkAttend_prob: spec(0.35, 0, 1, 'probability', 'Chance a member attends an event.', 'assumption'),
  userLedGroupFormation_probPerMonth: spec(0.02, 0, 1, 'probability/month', 'Chance that customers of one supplier facing the same need set up a user-led group.', '001 Macroenvironmental (user_group_name, GBP 200 fee)'),
  userLedGroupMinCustomers_count: spec(8, 2, 1000, 'organizations', 'Customers in adoption of one supplier and domain needed to set up a user-led group.', 'assumption', true),
} as const satisfies Record<string, ParameterSpec>;

export type ParameterName = keyof typeof PARAMETERS;
export type Params = { readonly [K in ParameterName]: number };
export const PARAMETER_NAMES = Object.keys(PARAMETERS) as ParameterName[];

export function defaultParams(): Params {
  const out = {} as Record<ParameterName, number>;
  for (const name of PARAMETER_NAMES) out[name] = PARAMETERS[name].default;
  return Object.freeze(out);
}

export function isParameterName(name: string): name is ParameterName {
  return Object.prototype.hasOwnProperty.call(PARAMETERS, name);
}
