/**
 * Every outcome of a replication, declared once, in column order: its unit, the window it is
 * measured over and how it is computed (the text docs/outputs.md carries for it, checked by
 * test/docs/odd.test.ts). The tracker (outcomes.ts) computes them; replications.csv, summary.json,
 * comparison files and the pattern table (src/patterns/table.ts) read their names and units here.
 * Append, never reorder: the order is the column order of replications.csv.
 */
export interface OutcomeDeclaration {
  readonly unit: string;
  readonly window: OutcomeWindow;
  /** How it is computed, as docs/outputs.md words it (terms such as month F are defined there). */
  readonly computed: string;
}

/**
 * When an outcome is measured: `start` end of month 0; `funding_end` end of month F (the last
 * funded month); `evaluation` the evaluation window (month evaluationStart_month to month E);
 * `programme` months in which the programme is funded; `survival` month S (survivalWindow_months
 * after funding ends, or the last month); `end` the end of the run; `run` the whole run.
 */
export type OutcomeWindow = 'start' | 'funding_end' | 'evaluation' | 'programme' | 'survival' | 'end' | 'run';

export const OUTCOME_DECLARATIONS = {
  maturity_start_exemplar: { unit: 'index 0-1', window: 'start', computed: "exemplars, end of month 0 (after that month's selection and learning)" },
  maturity_start_follower: { unit: 'index 0-1', window: 'start', computed: 'followers, end of month 0' },
  maturity_start_outside: { unit: 'index 0-1', window: 'start', computed: 'organizations outside the programme, end of month 0' },
  maturity_funding_end_exemplar: { unit: 'index 0-1', window: 'funding_end', computed: 'exemplars, end of month F' },
  maturity_funding_end_follower: { unit: 'index 0-1', window: 'funding_end', computed: 'followers, end of month F' },
  maturity_funding_end_outside: { unit: 'index 0-1', window: 'funding_end', computed: 'outside, end of month F' },
  maturity_end_exemplar: { unit: 'index 0-1', window: 'end', computed: 'exemplars, at the end' },
  maturity_end_follower: { unit: 'index 0-1', window: 'end', computed: 'followers, at the end' },
  maturity_end_outside: { unit: 'index 0-1', window: 'end', computed: 'outside, at the end' },
  maturity_end_all: { unit: 'index 0-1', window: 'end', computed: 'all organizations, at the end' },
  codified_funding_end_outside: { unit: 'index 0-1', window: 'funding_end', computed: 'mean codified stock (0-1) over organizations outside the programme and over the six domains, end of month F' },
  tacit_funding_end_outside: { unit: 'index 0-1', window: 'funding_end', computed: 'the same for the tacit stock' },
  informal_active_funding_end: { unit: 'relationships', window: 'funding_end', computed: 'active relationships of formality `informal` at the end of month F (ties, and communities once each, as `active` in `spectrum.csv`)' },
  formal_active_funding_end: { unit: 'relationships', window: 'funding_end', computed: 'the same, formality `formal`' },
  periodic_active_funding_end: { unit: 'relationships', window: 'funding_end', computed: 'the same, formality `periodic`' },
  informal_active_end: { unit: 'relationships', window: 'end', computed: 'active relationships of formality `informal` at the end, counted as for `informal_active_funding_end` (no community is informal, so these are ties)' },
  informal_formations_programme: { unit: 'relationships', window: 'programme', computed: 'formation events of formality `informal` in months `programmeStart_month` to F, one-offs (site visits, pilot visits, routed requests) included; the same calendar window is used in a scenario without a programme' },
  formal_formations_programme: { unit: 'relationships', window: 'programme', computed: 'formation events of formality `formal` in the same months (pairings, partnerships, consultancy engagements, blueprint reads)' },
  informal_formations_total: { unit: 'relationships', window: 'run', computed: 'formation events of formality `informal` over the whole run' },
  programme_orgs_networking_evaluation: { unit: 'share', window: 'evaluation', computed: "share of programme organizations (exemplars and followers) that were networking in the evaluation window: at least `networkingExchanges_perQuarter` x q informal exchanges in months `evaluationStart_month` to E (counted from the start of the first to the end of the last), where q = max(1, (E - `evaluationStart_month` + 1) / 3) quarters (9 by default). An informal exchange is one use of an informal tie between people of two organizations (it counts for both organizations) or one new personal tie formed by a search (it counts for both the seeker's and the contacted organization); routed requests, visits and ties formed at meetings are not exchanges. Empty if there are no programme organizations, and empty if the run ends before month `evaluationStart_month`" },
  outside_orgs_networking_evaluation: { unit: 'share', window: 'evaluation', computed: 'the same share for organizations outside the programme (empty under the same conditions)' },
  networks_central: { unit: 'networks', window: 'run', computed: 'programme learning networks launched that are run centrally' },
  networks_profession: { unit: 'networks', window: 'run', computed: 'programme learning networks launched that are profession-led' },
  networks_central_surviving: { unit: 'networks', window: 'survival', computed: 'centrally run networks not ended by the end of month S (a network that became a community of practice and is alive still counts); empty if the run stops before funding ends' },
  networks_profession_surviving: { unit: 'networks', window: 'survival', computed: 'the same for profession-led networks (empty under the same condition)' },
  networks_became_practice: { unit: 'networks', window: 'run', computed: 'learning networks that changed into a community of practice (which a network still alive does 6 months after its funding ends)' },
  pairings: { unit: 'pairings', window: 'run', computed: 'pairings formed' },
  pairings_with_overlay: { unit: 'pairings', window: 'run', computed: 'pairings whose informal overlay (first personal tie between people of the two organizations while the pairing is active) began before `fundingEnd_month`' },
  follower_gain_with_overlay: { unit: 'index 0-1', window: 'funding_end', computed: "mean, over pairings with an overlay (as in `pairings_with_overlay`), of the follower's maturity at the end of month F minus its maturity at the end of month `programmeStart_month` + `pairingLeadTime_months` (the month pairings form); empty if there is no such pairing or if the run stops before month F" },
  follower_gain_without_overlay: { unit: 'index 0-1', window: 'funding_end', computed: 'the same over pairings without an overlay' },
  pairing_engaged_months_mean: { unit: 'months', window: 'programme', computed: 'months in which a pairing was worked (counted by the pairing phase in each month it engaged the pair; a pairing is not worked in or after its end month `fundingEnd_month`), summed over pairings and divided by the number of pairings; empty if there are no pairings' },
  pairing_formal_flow_mean: { unit: 'knowledge units', window: 'run', computed: 'codified plus tacit knowledge moved over a pairing in both directions during its life, mean over pairings; empty if there are no pairings' },
  ties_between_rivals: { unit: 'ties', window: 'run', computed: 'count of these ties between organizations of the same local strategic grouping and the same care setting (local rivals); 0 if there are no such ties' },
  ties_same_grouping_ratio: { unit: 'ratio', window: 'run', computed: '(share of ties within one grouping) / (share of organization pairs within one grouping)' },
  ties_same_supplier_ratio: { unit: 'ratio', window: 'run', computed: '(share of ties between organizations with the same EPR (core system) supplier) / (share of pairs with the same EPR supplier)' },
  ties_same_setting_ratio: { unit: 'ratio', window: 'run', computed: '(share of ties within one care setting) / (share of pairs within one care setting)' },
  ties_distance_ratio: { unit: 'ratio', window: 'run', computed: '(mean distance in km between the organizations of a tie) / (mean distance over all pairs)' },
  blueprint_reads: { unit: 'reads', window: 'run', computed: 'blueprint reads (formations of mode `blueprint_use`) over the run' },
  blueprint_triggered_ties: { unit: 'ties', window: 'run', computed: "personal ties formed by a search that found the contact through the reader's blueprint directory (formation events with detail `via_blueprint`)" },
  codified_formal_share: { unit: 'share', window: 'run', computed: 'codified knowledge moved over formal relationships (blueprint reads, pairings and partnerships; consultancy moves no codified knowledge) divided by codified knowledge moved over all relationships, over the whole run (as in `knowledge_flow.csv`); empty if none moved' },
  request_routines: { unit: 'organizations', window: 'end', computed: 'organizations with a request-handling routine at the end' },
  requests_per_exemplar: { unit: 'requests/month', window: 'run', computed: 'knowledge requests received by exemplars (as in `requests_exemplar_mean`), summed over the run, per exemplar and per month; empty if there are no exemplars' },
  requests_per_other: { unit: 'requests/month', window: 'run', computed: 'the same for all other organizations (divided by max(1, their number))' },
  user_groups_user_driven: { unit: 'groups', window: 'end', computed: 'supplier user groups alive at the end that have become user-driven' },
  spend_programme_gbp: { unit: 'GBP', window: 'run', computed: 'programme spend over the run: the sum of `spend_total_gbp` over months (GBP)' },
  spend_consultancy_gbp: { unit: 'GBP', window: 'run', computed: 'consultancy fees over the run, whoever pays (GBP)' },
  informal_ties_alive_after_funding: { unit: 'ties', window: 'survival', computed: 'informal ties (not communities) formed in months `programmeStart_month` to F that have not ended by the end of month S (one-offs never count: they end in their month of formation); empty if the run stops before funding ends' },
  maturity_start_all: { unit: 'index 0-1', window: 'start', computed: 'mean maturity over all organizations at the end of month 0' },
  maturity_gain_all: { unit: 'index 0-1', window: 'run', computed: '`maturity_end_all` - `maturity_start_all`' },
  outside_orgs_reached: { unit: 'organizations', window: 'programme', computed: 'organizations outside the first wave (status outside, follow-on organizations included) that, in months `programmeStart_month` to F, formed an informal pairwise relationship (a personal tie, site visit or other informal contact; formal ones such as blueprint reads do not count) with an exemplar or follower' },
  secondments: { unit: 'secondments', window: 'run', computed: 'secondments started (0 unless the lever is set)' },
  follow_on_organizations: { unit: 'organizations', window: 'run', computed: 'organizations funded by the follow-on programme' },
  maturity_gain_per_gbp_million: { unit: 'index per GBP million', window: 'run', computed: '`maturity_gain_all` / (`spend_programme_gbp` / 10^6); empty when nothing is spent. Gross, not net of what would happen anyway: `lesim compare` against `no-programme` gives the net effect' },
  informal_ties_alive_per_gbp_million: { unit: 'ties per GBP million', window: 'survival', computed: '`informal_ties_alive_after_funding` / (`spend_programme_gbp` / 10^6); empty when nothing is spent or the run stops before funding ends' },
  outside_reached_per_gbp_million: { unit: 'organizations per GBP million', window: 'run', computed: '`outside_orgs_reached` / (`spend_programme_gbp` / 10^6); empty when nothing is spent' },
  maturity_growth_relational_share: { unit: 'share', window: 'run', computed: "capability gained through relationships of any formality (every knowledge transfer over a tie, pairing, partnership, consultancy, blueprint read, meeting, visit or secondment, booked as the receiver's capability after minus before) over that plus capability gained by organizations' own learning by doing and codification in their projects, summed over organizations and domains over the whole run; movers' tacit know-how and turnover losses are in neither; empty if nothing was gained" },
  maturity_growth_formal_share: { unit: 'share', window: 'run', computed: 'the same numerator restricted to relationships of formality `formal`, over the same denominator' },
  maturity_growth_periodic_share: { unit: 'share', window: 'run', computed: 'the same for formality `periodic`' },
  maturity_growth_informal_share: { unit: 'share', window: 'run', computed: 'the same for formality `informal`' },
  partnerships_formed: { unit: 'partnerships', window: 'run', computed: "partnerships and contracts formed on organizations' own initiative (formations of mode `partnership`) over the run" },
} as const satisfies Record<string, OutcomeDeclaration>;
