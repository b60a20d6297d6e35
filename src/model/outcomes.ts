import { maturity } from '../agents/organization.js';
import { Domain, Formality, Mode, Status } from './enums.js';
import { distance_km } from './distance.js';
import { EventCode, type EventLog } from './eventLog.js';
import type { Params } from './parameters.js';
import type { Programme } from '../agents/programme.js';
import { GAIN_BASE, GAIN_INTERNAL, type State } from './state.js';
import { TIE_ENDED, TIE_FORMALITY, TIE_STRIDE } from './tieTable.js';
import { settleAsDoubles } from './shapes.js';
import { OUTCOME_DECLARATIONS } from './outcomeDeclarations.js';

/**
 * Outcomes of one replication: scalar answers to the brief's questions, one value each, declared
 * in outcomeDeclarations.ts. Every name is a column of replications.csv and a key of summary.json.
 */
export type OutcomeName = keyof typeof OUTCOME_DECLARATIONS;
export const OUTCOMES = Object.keys(OUTCOME_DECLARATIONS) as readonly OutcomeName[];
export type Outcomes = Record<OutcomeName, number>;

/** The unit of each outcome (comparison.csv, docs/outputs.md). */
export const OUTCOME_UNITS: Readonly<Record<OutcomeName, string>> = Object.fromEntries(OUTCOMES.map((n) => [n, OUTCOME_DECLARATIONS[n].unit])) as Record<OutcomeName, string>;

/**
 * Watches a run month by month for the outcomes that need a snapshot (start, funding end,
 * evaluation end) and computes the rest from the final state.
 */
export class OutcomeTracker {
  private readonly values = Object.fromEntries(OUTCOMES.map((k) => [k, NaN])) as Outcomes;
  private readonly followerAtPairing = new Map<number, number>();
  private readonly followerAtFundingEnd = new Map<number, number>();
  private requestsExemplar = 0;
  private requestsOther = 0;
  private informalProgramme = 0;
  private formalProgramme = 0;
  private informalTotal = 0;
  private blueprintReads = 0;
  private blueprintTriggered = 0;
  private codifiedFormal = 0;
  private codifiedAll = 0;
  private spendProgramme = 0;
  /** Capability gained over the run: through relationships by formality (0-2), and internal (3). */
  private readonly gains = new Float64Array(4);
  private partnerships = 0;
  private spendConsultancy = 0;
  private exchangesAtStart: number[] = [];
  /** Organizations outside the first wave that formed an informal tie with a participant while funded. */
  private readonly reached = new Set<number>();

  constructor(private readonly p: Params) {
    // Running sums of knowledge, requests and money (shapes.ts).
    settleAsDoubles(this as unknown as Record<string, number>, ['requestsExemplar', 'requestsOther', 'codifiedFormal', 'codifiedAll', 'spendProgramme', 'spendConsultancy']);
  }

  /** Called after every month's phases, with the month's events already in the state log. */
  observe(state: State, monthEvents: EventLog, flows: Float64Array): void {
    const p = this.p;
    const t = state.month;
    if (t === 0) this.snapshotMaturity(state, 'start');
    if (t === p.fundingEnd_month - 1) {
      this.snapshotMaturity(state, 'funding_end');
      this.countActive(state, 'funding_end');
      for (const id of state.programme.followers) this.followerAtFundingEnd.set(id, maturity(state.orgs[id]));
      this.snapshotStocks(state);
    }
    if (t === p.programmeStart_month + p.pairingLeadTime_months) for (const id of state.programme.followers) this.followerAtPairing.set(id, maturity(state.orgs[id]));
    // Exchanges are counted from the start of the window's first month to the end of its last.
    if (t === p.evaluationStart_month - 1) this.exchangesAtStart = state.orgs.map((o) => o.informalExchanges);
    if (t === Math.min(p.evaluationEnd_month, p.horizon_months - 1)) this.snapshotNetworking(state);
    const inProgramme = t >= p.programmeStart_month && t < p.fundingEnd_month;
    const ev = monthEvents;
    for (let i = 0; i < ev.length; i++) {
      if (ev.kind[i] !== EventCode.formed) continue;
      const formality = ev.formality[i];
      const mode = ev.mode[i];
      if (formality === Formality.informal) {
        this.informalTotal += 1;
        if (inProgramme) this.informalProgramme += 1;
      } else if (formality === Formality.formal && inProgramme) this.formalProgramme += 1;
      if (mode === Mode.blueprintUse) this.blueprintReads += 1;
      if (mode === Mode.partnership) this.partnerships += 1;
      if (ev.detail[i] === 'via_blueprint') this.blueprintTriggered += 1;
      if (inProgramme && formality === Formality.informal && ev.orgA[i] >= 0 && ev.orgB[i] >= 0) this.noteReach(state, ev.orgA[i], ev.orgB[i]);
    }
    for (let f = 0; f < 3; f++) this.gains[f] += flows[GAIN_BASE + f];
    this.gains[3] += flows[GAIN_INTERNAL];
    this.codifiedFormal += flows[Formality.formal * 2];
    for (let f = 0; f < 3; f++) this.codifiedAll += flows[f * 2];
    for (const org of state.orgs) {
      if (org.status === Status.exemplar) this.requestsExemplar += org.requestsThisMonth;
      else this.requestsOther += org.requestsThisMonth;
    }
    const prog = state.programme;
    this.spendProgramme += programmeSpend(prog);
    this.spendConsultancy += prog.spendConsultancy_gbp;
  }

  private noteReach(state: State, a: number, b: number): void {
    const sa = state.orgs[a].status;
    const sb = state.orgs[b].status;
    if (sa === Status.outside && sb !== Status.outside) this.reached.add(a);
    else if (sb === Status.outside && sa !== Status.outside) this.reached.add(b);
  }

  private snapshotMaturity(state: State, when: 'start' | 'funding_end'): void {
    const m = cohortMaturity(state);
    if (when === 'start') this.values.maturity_start_all = m[3];
    this.values[`maturity_${when}_exemplar`] = m[Status.exemplar];
    this.values[`maturity_${when}_follower`] = m[Status.follower];
    this.values[`maturity_${when}_outside`] = m[Status.outside];
  }

  /** Mean codified and tacit stocks of organizations outside the programme (readers of blueprints). */
  private snapshotStocks(state: State): void {
    let c = 0;
    let t = 0;
    let n = 0;
    for (const org of state.orgs) {
      if (org.status !== Status.outside) continue;
      for (let d = 0; d < org.tacit.length; d++) {
        c += org.codified[d];
        t += org.tacit[d];
      }
      n += org.tacit.length;
    }
    this.values.codified_funding_end_outside = n > 0 ? c / n : NaN;
    this.values.tacit_funding_end_outside = n > 0 ? t / n : NaN;
  }

  private countActive(state: State, when: 'funding_end'): void {
    const counts = activeByFormality(state);
    this.values[`informal_active_${when}`] = counts[Formality.informal];
    this.values[`formal_active_${when}`] = counts[Formality.formal];
    this.values[`periodic_active_${when}`] = counts[Formality.periodic];
  }

  private snapshotNetworking(state: State): void {
    let inProg = 0;
    let inProgNet = 0;
    let out = 0;
    let outNet = 0;
    const p = this.p;
    const quarters = Math.max(1, (Math.min(p.evaluationEnd_month, p.horizon_months - 1) - p.evaluationStart_month + 1) / 3);
    for (const org of state.orgs) {
      const exchanges = org.informalExchanges - (this.exchangesAtStart[org.id] ?? 0);
      const networking = exchanges >= p.networkingExchanges_perQuarter * quarters ? 1 : 0;
      if (org.status === Status.exemplar || org.status === Status.follower) {
        inProg += 1;
        inProgNet += networking;
      } else {
        out += 1;
        outNet += networking;
      }
    }
    const windowReached = p.horizon_months > p.evaluationStart_month;
    this.values.programme_orgs_networking_evaluation = inProg > 0 && windowReached ? inProgNet / inProg : NaN;
    this.values.outside_orgs_networking_evaluation = out > 0 && windowReached ? outNet / out : NaN;
  }

  finish(state: State): Outcomes {
    const p = this.p;
    const a = p.codifiedWeight_exponent;
    const v = this.values;
    const m = cohortMaturity(state);
    v.maturity_end_exemplar = m[Status.exemplar];
    v.maturity_end_follower = m[Status.follower];
    v.maturity_end_outside = m[Status.outside];
    v.maturity_end_all = m[3];
    v.informal_active_end = activeByFormality(state)[Formality.informal];
    v.informal_formations_programme = this.informalProgramme;
    v.formal_formations_programme = this.formalProgramme;
    v.informal_formations_total = this.informalTotal;
    this.networkSurvival(state);
    this.pairingOutcomes(state, a);
    this.proximity(state);
    v.blueprint_reads = this.blueprintReads;
    v.blueprint_triggered_ties = this.blueprintTriggered;
    v.codified_formal_share = this.codifiedAll > 0 ? this.codifiedFormal / this.codifiedAll : NaN;
    const g = this.gains;
    const gained = g[0] + g[1] + g[2] + g[3];
    const shareOf = (x: number) => (gained > 0 ? x / gained : NaN);
    v.maturity_growth_relational_share = shareOf(g[0] + g[1] + g[2]);
    v.maturity_growth_formal_share = shareOf(g[Formality.formal]);
    v.maturity_growth_periodic_share = shareOf(g[Formality.periodic]);
    v.maturity_growth_informal_share = shareOf(g[Formality.informal]);
    v.partnerships_formed = this.partnerships;
    v.request_routines = state.orgs.filter((o) => o.hasRoutine).length;
    const nEx = state.orgs.filter((o) => o.status === Status.exemplar).length;
    const months = state.month + 1;
    v.requests_per_exemplar = nEx > 0 ? this.requestsExemplar / nEx / months : NaN;
    v.requests_per_other = this.requestsOther / Math.max(1, state.orgs.length - nEx) / months;
    v.user_groups_user_driven = state.communities.filter((c) => c.mode === Mode.userGroup && c.ended < 0 && c.origin === 3).length;
    v.spend_programme_gbp = this.spendProgramme;
    v.spend_consultancy_gbp = this.spendConsultancy;
    v.maturity_gain_all = v.maturity_end_all - v.maturity_start_all;
    v.outside_orgs_reached = this.reached.size;
    v.secondments = state.programme.secondments.length;
    v.follow_on_organizations = state.programme.followOn.length;
    // Measured at the survival window's end, or at the last month if the run stops earlier;
    // undefined if the run stops before funding ends.
    const survivalMonth = Math.min(p.fundingEnd_month + p.survivalWindow_months, p.horizon_months - 1);
    v.informal_ties_alive_after_funding = !this.fundingEnded() ? NaN : state.ties.filter(
      (t) => t.formality === Formality.informal && t.formed < p.fundingEnd_month && t.formed >= p.programmeStart_month && (t.ended < 0 || t.ended > survivalMonth),
    ).length;
    const millions = this.spendProgramme / 1e6;
    const perMillion = (x: number) => (millions > 0 ? x / millions : NaN);
    v.maturity_gain_per_gbp_million = perMillion(v.maturity_gain_all);
    v.informal_ties_alive_per_gbp_million = perMillion(v.informal_ties_alive_after_funding);
    v.outside_reached_per_gbp_million = perMillion(v.outside_orgs_reached);
    return { ...v };
  }

  /** Whether the run reached the first month without national funding. */
  private fundingEnded(): boolean {
    return this.p.horizon_months > this.p.fundingEnd_month;
  }

  private networkSurvival(state: State): void {
    const p = this.p;
    const v = this.values;
    const survivalMonth = Math.min(p.fundingEnd_month + p.survivalWindow_months, p.horizon_months - 1);
    let central = 0;
    let profession = 0;
    let centralAlive = 0;
    let professionAlive = 0;
    let practice = 0;
    for (const id of state.programme.learningNetworks) {
      const c = state.communities[id];
      const alive = c.ended < 0 || c.ended > survivalMonth ? 1 : 0;
      if (c.professionLed) {
        profession += 1;
        professionAlive += alive;
      } else {
        central += 1;
        centralAlive += alive;
      }
      if (c.transformed >= 0) practice += 1;
    }
    v.networks_central = central;
    v.networks_profession = profession;
    v.networks_central_surviving = this.fundingEnded() ? centralAlive : NaN;
    v.networks_profession_surviving = this.fundingEnded() ? professionAlive : NaN;
    v.networks_became_practice = practice;
  }

  private pairingOutcomes(state: State, a: number): void {
    const v = this.values;
    const prog = state.programme;
    v.pairings = prog.pairings.length;
    let withOverlay = 0;
    const gainWith: number[] = [];
    const gainWithout: number[] = [];
    prog.pairings.forEach((id, i) => {
      const follower = state.ties[id].orgB;
      const overlay = prog.pairingOverlaySince[i] >= 0 && prog.pairingOverlaySince[i] < this.p.fundingEnd_month;
      if (overlay) withOverlay += 1;
      const before = this.followerAtPairing.get(follower);
      const after = this.followerAtFundingEnd.get(follower);
      if (before === undefined || after === undefined) return;
      (overlay ? gainWith : gainWithout).push(after - before);
    });
    v.pairings_with_overlay = withOverlay;
    v.follower_gain_with_overlay = mean(gainWith);
    v.follower_gain_without_overlay = mean(gainWithout);
    v.pairing_engaged_months_mean = prog.pairings.length > 0 ? prog.pairingEngagedMonths.reduce((x, y) => x + y, 0) / prog.pairings.length : NaN;
    let flow = 0;
    for (const id of prog.pairings) flow += state.ties[id].codifiedFlow + state.ties[id].tacitFlow;
    v.pairing_formal_flow_mean = prog.pairings.length > 0 ? flow / prog.pairings.length : NaN;
  }

  /**
   * Concentration of informal person-to-person ties on proximity: the share of ties that join
   * organizations in the same grouping (same core supplier, same setting), over the share of all
   * pairs of organizations that do; and mean distance of ties over mean distance of all pairs.
   */
  private proximity(state: State): void {
    const n = state.orgs.length;
    const v = this.values;
    let ties = 0;
    let rivals = 0;
    let g = 0;
    let s = 0;
    let c = 0;
    let dist = 0;
    for (const t of state.ties) {
      if (t.mode !== Mode.directContact || t.formality !== Formality.informal || t.personA < 0 || t.personB < 0 || t.orgA < 0 || t.orgB < 0 || t.orgA === t.orgB) continue;
      // Ties of the spin-up that ended before January 2017 (ODD 5) are not ties of the run.
      if (t.formed < 0 && t.ended === 0) continue;
      const x = state.orgs[t.orgA];
      const y = state.orgs[t.orgB];
      ties += 1;
      if (x.grouping === y.grouping) g += 1;
      if (x.grouping === y.grouping && x.setting === y.setting) rivals += 1;
      if (x.suppliers[Domain.epr] === y.suppliers[Domain.epr]) s += 1;
      if (x.setting === y.setting) c += 1;
      dist += distance_km(x, y);
    }
    let pairs = 0;
    let eg = 0;
    let es = 0;
    let ec = 0;
    let ed = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const x = state.orgs[i];
        const y = state.orgs[j];
        pairs += 1;
        if (x.grouping === y.grouping) eg += 1;
        if (x.suppliers[Domain.epr] === y.suppliers[Domain.epr]) es += 1;
        if (x.setting === y.setting) ec += 1;
        ed += distance_km(x, y);
      }
    }
    const ratio = (observed: number, expected: number) => (ties > 0 && expected > 0 ? observed / ties / (expected / pairs) : NaN);
    v.ties_between_rivals = rivals;
    v.ties_same_grouping_ratio = ratio(g, eg);
    v.ties_same_supplier_ratio = ratio(s, es);
    v.ties_same_setting_ratio = ratio(c, ec);
    v.ties_distance_ratio = ratio(dist, ed);
  }
}

/** This month's programme spend over every line, GBP (consultancy subsidy is inside national). */
export function programmeSpend(prog: Programme): number {
  return prog.spendGrants_gbp + prog.spendNational_gbp + prog.spendAcademy_gbp + prog.spendSecondments_gbp + prog.spendIndependentNetworks_gbp + prog.spendFollowOn_gbp;
}

/** Active relationships (ties and communities) by formality. */
function activeByFormality(state: State): number[] {
  const counts = [0, 0, 0];
  const table = state.tieTable.data;
  for (const id of state.activeTies) if (table[id * TIE_STRIDE + TIE_ENDED] < 0) counts[table[id * TIE_STRIDE + TIE_FORMALITY]] += 1;
  for (const c of state.communities) if (c.ended < 0) counts[c.formality] += 1;
  return counts;
}

function mean(xs: readonly number[]): number {
  return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

/** Mean maturity by status (exemplar, follower, outside) and over all organizations (index 3). */
export function cohortMaturity(state: State): number[] {
  const sums = [0, 0, 0, 0];
  const counts = [0, 0, 0, 0];
  for (const org of state.orgs) {
    const m = maturity(org);
    sums[org.status] += m;
    counts[org.status] += 1;
    sums[3] += m;
    counts[3] += 1;
  }
  return sums.map((s, i) => (counts[i] > 0 ? s / counts[i] : NaN));
}
