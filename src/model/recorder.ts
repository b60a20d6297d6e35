import { FORMALITIES, MODES, Mode, ORIGINS, Origin, STATUSES, Status } from './enums.js';
import { cohortMaturity, programmeSpend } from './outcomes.js';
import { NetworkScratch, networkMeasures } from './network.js';
import type { State, StepContext } from './state.js';
import { EventCode } from './eventLog.js';
import { TIE_ENDED, TIE_FORMALITY, TIE_MODE, TIE_ORIGIN, TIE_STRIDE } from './tieTable.js';

/**
 * The metrics recorded every month, declared once: each cell has an output file (family) and
 * its key columns. A run's series is a months x cells Float64Array in this order.
 */
export interface Cell {
  readonly family: Family;
  readonly keys: Readonly<Record<string, string>>;
}

export const FAMILIES = ['spectrum', 'modes', 'knowledge_flow', 'maturity', 'network', 'programme'] as const;
export type Family = (typeof FAMILIES)[number];

const MEASURES = ['formations', 'endings', 'active'] as const;
export const NETWORK_MEASURES = ['density', 'mean_degree', 'clustering', 'largest_component', 'networked_share', 'intermediary_share'] as const;
export const PROGRAMME_MEASURES = [
  'spend_total_gbp',
  'spend_grants_gbp',
  'spend_national_gbp',
  'spend_academy_gbp',
  'spend_consultancy_gbp',
  'blueprints_published',
  'learning_networks_active',
  'communities_of_practice_active',
  'user_groups_user_driven',
  'request_routines',
  'requests_exemplar_mean',
  'requests_other_mean',
  'time_pressure_mean',
  'pairings_active',
  'pairings_with_overlay',
  'spend_secondments_gbp',
  'spend_independent_networks_gbp',
  'spend_follow_on_gbp',
  'spend_consultancy_subsidy_gbp',
  'secondments_active',
  'follow_on_funded',
] as const;
export const COHORTS = [...STATUSES, 'all'] as const;

function buildCells(): Cell[] {
  const cells: Cell[] = [];
  for (const measure of MEASURES) for (const formality of FORMALITIES) for (const origin of ORIGINS) cells.push({ family: 'spectrum', keys: { measure, formality, origin } });
  for (const measure of MEASURES) for (const mode of MODES) cells.push({ family: 'modes', keys: { measure, mode } });
  for (const formality of FORMALITIES) for (const knowledge of ['codified', 'tacit']) cells.push({ family: 'knowledge_flow', keys: { formality, knowledge } });
  for (const cohort of COHORTS) cells.push({ family: 'maturity', keys: { cohort } });
  for (const measure of NETWORK_MEASURES) cells.push({ family: 'network', keys: { measure } });
  for (const measure of PROGRAMME_MEASURES) cells.push({ family: 'programme', keys: { measure } });
  return cells;
}

export const CELLS: readonly Cell[] = buildCells();
export const N_CELLS = CELLS.length;

const nF = FORMALITIES.length;
const nO = ORIGINS.length;
const nM = MODES.length;
const SPECTRUM = 0;
const MODE_BASE = SPECTRUM + 3 * nF * nO;
const FLOW_BASE = MODE_BASE + 3 * nM;
const MATURITY_BASE = FLOW_BASE + nF * 2;
const NETWORK_BASE = MATURITY_BASE + COHORTS.length;
const PROGRAMME_BASE = NETWORK_BASE + NETWORK_MEASURES.length;

/** Index of a spectrum cell (measure 0 formations, 1 endings, 2 active). */
export const spectrumIndex = (measure: number, formality: number, origin: number) => SPECTRUM + (measure * nF + formality) * nO + origin;
export const modeIndex = (measure: number, mode: number) => MODE_BASE + measure * nM + mode;
export const flowIndex = (formality: number, tacit: number) => FLOW_BASE + formality * 2 + tacit;
export const maturityIndex = (cohort: number) => MATURITY_BASE + cohort;
export const networkIndex = (measure: (typeof NETWORK_MEASURES)[number]) => NETWORK_BASE + NETWORK_MEASURES.indexOf(measure);
export const programmeIndex = (measure: (typeof PROGRAMME_MEASURES)[number]) => PROGRAMME_BASE + PROGRAMME_MEASURES.indexOf(measure);

/**
 * Writes one month's metrics into `row`: formations and endings from the month's events, active
 * counts, maturity and network measures from the state, flows from the month's ledger. Pure in the
 * sense that it changes nothing.
 */
export function recordMonth(state: State, ctx: StepContext, row: Float64Array, scratch?: NetworkScratch): void {
  row.fill(0);
  const ev = ctx.events;
  for (let i = 0; i < ev.length; i++) {
    const kind = ev.kind[i];
    if (kind !== EventCode.formed && kind !== EventCode.ended) continue;
    const measure = kind === EventCode.formed ? 0 : 1;
    row[spectrumIndex(measure, ev.formality[i], ev.origin[i])] += 1;
    row[modeIndex(measure, ev.mode[i])] += 1;
  }
  const table = state.tieTable.data;
  for (let i = 0; i < state.activeTies.length; i++) {
    const o = state.activeTies[i] * TIE_STRIDE;
    if (table[o + TIE_ENDED] >= 0) continue;
    row[spectrumIndex(2, table[o + TIE_FORMALITY], table[o + TIE_ORIGIN])] += 1;
    row[modeIndex(2, table[o + TIE_MODE])] += 1;
  }
  let networksActive = 0;
  let practiceActive = 0;
  let userDriven = 0;
  for (const c of state.communities) {
    if (c.ended >= 0) continue;
    row[spectrumIndex(2, c.formality, c.origin)] += 1;
    row[modeIndex(2, c.mode)] += 1;
    if (c.mode === Mode.learningNetwork) networksActive += 1;
    if (c.mode === Mode.communityOfPractice) practiceActive += 1;
    if (c.mode === Mode.userGroup && c.origin === Origin.provider) userDriven += 1;
  }
  for (let i = 0; i < nF * 2; i++) row[FLOW_BASE + i] = ctx.flows[i];
  let routines = 0;
  let pressure = 0;
  let reqEx = 0;
  let nEx = 0;
  let reqOther = 0;
  for (const org of state.orgs) {
    if (org.hasRoutine) routines += 1;
    pressure += org.timePressure;
    if (org.status === Status.exemplar) {
      reqEx += org.requestsThisMonth;
      nEx += 1;
    } else reqOther += org.requestsThisMonth;
  }
  const byCohort = cohortMaturity(state);
  for (let c = 0; c < COHORTS.length; c++) row[maturityIndex(c)] = byCohort[c];
  const net = networkMeasures(state, scratch);
  row[networkIndex('density')] = net.density;
  row[networkIndex('mean_degree')] = net.meanDegree;
  row[networkIndex('clustering')] = net.clustering;
  row[networkIndex('largest_component')] = net.largestComponent;
  row[networkIndex('networked_share')] = net.networked;
  row[networkIndex('intermediary_share')] = net.intermediaryShare;
  const prog = state.programme;
  row[programmeIndex('spend_grants_gbp')] = prog.spendGrants_gbp;
  row[programmeIndex('spend_national_gbp')] = prog.spendNational_gbp;
  row[programmeIndex('spend_academy_gbp')] = prog.spendAcademy_gbp;
  row[programmeIndex('spend_consultancy_gbp')] = prog.spendConsultancy_gbp;
  row[programmeIndex('spend_total_gbp')] = programmeSpend(prog);
  row[programmeIndex('spend_secondments_gbp')] = prog.spendSecondments_gbp;
  row[programmeIndex('spend_independent_networks_gbp')] = prog.spendIndependentNetworks_gbp;
  row[programmeIndex('spend_follow_on_gbp')] = prog.spendFollowOn_gbp;
  row[programmeIndex('spend_consultancy_subsidy_gbp')] = prog.spendConsultancySubsidy_gbp;
  let seconded = 0;
  for (const s of prog.secondments) if (state.month >= s.start && state.month < s.endsAt) seconded += 1;
  row[programmeIndex('secondments_active')] = seconded;
  let followOnFunded = 0;
  for (const id of prog.followOn) if (state.month < state.orgs[id].fundedUntil) followOnFunded += 1;
  row[programmeIndex('follow_on_funded')] = followOnFunded;
  row[programmeIndex('blueprints_published')] = prog.blueprints.length;
  row[programmeIndex('learning_networks_active')] = networksActive;
  row[programmeIndex('communities_of_practice_active')] = practiceActive;
  row[programmeIndex('user_groups_user_driven')] = userDriven;
  row[programmeIndex('request_routines')] = routines;
  row[programmeIndex('requests_exemplar_mean')] = nEx > 0 ? reqEx / nEx : NaN;
  row[programmeIndex('requests_other_mean')] = state.orgs.length > nEx ? reqOther / (state.orgs.length - nEx) : NaN;
  row[programmeIndex('time_pressure_mean')] = state.orgs.length > 0 ? pressure / state.orgs.length : 0;
  let pairingsActive = 0;
  let overlay = 0;
  prog.pairings.forEach((id, i) => {
    if (state.ties[id].ended < 0) {
      pairingsActive += 1;
      if (prog.pairingOverlaySince[i] >= 0) overlay += 1;
    }
  });
  row[programmeIndex('pairings_active')] = pairingsActive;
  row[programmeIndex('pairings_with_overlay')] = overlay;
}
