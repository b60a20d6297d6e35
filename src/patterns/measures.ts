import { Domain, Mode, Status } from '../model/enums.js';
import { EventCode } from '../model/eventLog.js';
import { ROUTED, VIA_DIRECTORY } from '../model/mechanisms/search.js';
import type { Params } from '../model/parameters.js';
import type { RunObserver } from '../model/run.js';
import { overlayTrust } from '../model/mechanisms/pairings.js';
import { BLUEPRINT_TACIT, type State, type StepContext } from '../model/state.js';

/**
 * Quantities the pattern table needs beyond the run outcomes (src/model/outcomes.ts), declared
 * once: unit, window and how each is computed. They are measured by a run observer, so the
 * model's own output files are untouched. Every value is one number per replication; NaN where
 * the quantity is undefined in that run (e.g. no pairing of the kind).
 */
export interface MeasureDeclaration {
  readonly unit: string;
  readonly window: string;
  readonly computed: string;
}

export const MEASURES = {
  pairing_flow_with_overlay: { unit: 'knowledge units/month', window: 'pairing to funding end', computed: 'codified plus tacit knowledge carried by the formal pairing ties themselves per active pairing-month, over months in which people of the two organizations had an informal tie (overlay trust above 0 at the end of the month)' },
  pairing_flow_without_overlay: { unit: 'knowledge units/month', window: 'pairing to funding end', computed: 'the same over active pairing-months without such a tie' },
  pairings_same_supplier_share: { unit: 'share', window: 'when pairings are formed', computed: 'share of exemplar/follower pairings whose two organizations have the same core (EPR) supplier' },
  pairings_same_grouping_share: { unit: 'share', window: 'when pairings are formed', computed: 'share of pairings whose two organizations are in the same local strategic grouping' },
  pairing_engaged_own_choice_mean: { unit: 'months', window: 'pairing to funding end', computed: 'mean months a pairing was actively worked, over pairings the follower chose itself' },
  pairing_engaged_policy_mean: { unit: 'months', window: 'pairing to funding end', computed: 'the same over pairings made on policy criteria' },
  networks_central_alive_funding_end: { unit: 'networks', window: 'last funded month', computed: 'centrally run programme learning networks still active in the last month of national funding' },
  routine_share_exemplar: { unit: 'share', window: 'end of run', computed: 'share of exemplars with a request-handling routine' },
  routine_share_other: { unit: 'share', window: 'end of run', computed: 'share of all other organizations with a request-handling routine' },
  user_agenda_first_month: { unit: 'share', window: 'first month', computed: 'mean share of the agenda set by users, over supplier user groups active in the first month' },
  user_agenda_founding: { unit: 'share', window: 'founding of each group (set-up, before the spin-up)', computed: 'users\' share of the agenda when the supplier user groups active in the first month were founded: every supplier group is founded at set-up with userGroupInitialUserAgenda_share' },
  user_agenda_run_mean: { unit: 'share', window: 'January 2017 to the end of the run', computed: 'mean over the run\'s months of the mean users\' share of the agenda of the groups active in the first month (those still active each month)' },
  user_agenda_end: { unit: 'share', window: 'end of run', computed: 'mean share of the agenda set by users, over the same groups (those still active)' },
  academy_participants_evaluation: { unit: 'people', window: 'cohorts launched by the evaluation end (March 2020)', computed: 'participants from programme organizations (exemplars and followers) of academy cohorts launched by the end of the evaluation window' },
  academy_programme_orgs_share_evaluation: { unit: 'share', window: 'cohorts launched by the evaluation end (March 2020)', computed: 'share of programme organizations (exemplars and followers) with at least one academy participant' },
  academy_ties_per_participant: { unit: 'ties/person', window: 'whole run', computed: 'informal cross-organization ties formed within academy cohorts, per participant' },
  absorptive_funding_end_exemplar: { unit: 'index 0-1', window: 'last funded month', computed: 'mean absorptive capacity of exemplars' },
  // Requests and routines (P7, helper "search"): counted from the requests organizations receive and the formation events of answers.
  exemplar_ties_per_request: { unit: 'ties/request', window: 'whole run', computed: 'personal ties formed in answer to requests (direct-contact formations with a `via_` detail, the exemplar as donor) over requests received by exemplars' },
  exemplar_hours_per_answer: { unit: 'hours/answer', window: 'whole run', computed: 'hours exemplars spent answering requests (requestHandling_hours per personal answer, routineRequest_hours per request routed through an office) over requests they answered (personal answers plus routed ones)' },
  professional_network_members_evaluation: { unit: 'people', window: 'end of the evaluation window (March 2020)', computed: 'members of the independent professional network: modelled staff who are members plus members counted from the wider pool of digital health leaders not modelled as individuals (widerDigitalLeaders_perOrganization)' },
  professional_network_staff_members_evaluation: { unit: 'people', window: 'end of the evaluation window (March 2020)', computed: 'members of the independent professional network among the modelled staff only' },
  blueprint_tacit_documents_funding_end: { unit: 'knowledge units', window: 'blueprints\' start to the last funded month', computed: 'tacit knowledge readers took from blueprints as documents (every read, summed over readers and domains)' },
  blueprint_tacit_contacts_funding_end: { unit: 'knowledge units', window: 'blueprints\' start to the last funded month', computed: 'tacit knowledge the readers received over the personal ties blueprints triggered (contacts made at a read and contacts found later through the blueprint directory: formations with detail `via_blueprint`), from their formation to the last funded month' },
  professional_network_members_change_counterfactual: { unit: 'relative change', window: 'month 0 to the evaluation end', computed: 'members (staff and wider pool) at the end of the evaluation window over members in the first month, minus 1' },
} as const satisfies Record<string, MeasureDeclaration>;

export type MeasureName = keyof typeof MEASURES;
export const MEASURE_NAMES = Object.keys(MEASURES) as MeasureName[];
export type Measures = Record<MeasureName, number>;

const mean = (xs: readonly number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/**
 * Watches one run for the measures above: snapshots at the months their windows name, and the
 * rest from the final state. Reads the state only.
 */
export class PatternProbe implements RunObserver {
  private readonly v = Object.fromEntries(MEASURE_NAMES.map((k) => [k, NaN])) as Measures;
  /** Pairings the follower chose, by their number in the events (a tie's ref, not its id). */
  private readonly ownChoice = new Set<number>();
  private readonly userGroupsAtStart: number[] = [];
  private agendaSum = 0;
  private agendaMonths = 0;
  private readonly academyPeople = new Set<number>();
  private readonly academyOrgs = new Set<number>();
  private academyParticipantsAll = 0;
  private academyTies = 0;
  /** Pairing flow so far per pairing, and flow and months split by whether the pairing was overlaid that month. */
  private readonly pairingFlowSeen: number[] = [];
  private readonly overlayFlow = [0, 0];
  private readonly overlayMonths = [0, 0];
  private membersAtStart = 0;
  private exemplarRequests = 0;
  private exemplarAnswersPersonal = 0;
  private exemplarAnswersRouted = 0;
  /** Ties blueprints triggered, by their number in the events, and the documents' tacit part so far. */
  private readonly blueprintTies = new Set<number>();
  private blueprintTacitDocuments = 0;

  constructor(private readonly p: Params) {}

  observe(state: State, ctx: StepContext): void {
    const p = this.p;
    const t = state.month;
    for (const org of state.orgs) if (org.status === Status.exemplar) this.exemplarRequests += org.requestsThisMonth;
    const ev = ctx.events;
    for (let i = 0; i < ev.length; i++) {
      if (ev.kind[i] !== EventCode.formed) continue;
      const mode = ev.mode[i];
      const detail = ev.detail[i];
      // A formed event's ref is its tie's number or, for a cohort, the community's id.
      const ref = ev.ref[i];
      const orgA = ev.orgA[i];
      if (mode === Mode.directContact && orgA >= 0 && state.orgs[orgA].status === Status.exemplar) {
        if (detail === ROUTED) this.exemplarAnswersRouted += 1;
        else if (detail.startsWith('via_')) this.exemplarAnswersPersonal += 1;
      }
      if (mode === Mode.pairing && detail === 'own_choice') this.ownChoice.add(ref);
      if (detail === 'academy') this.academyTies += 1;
      if (detail === VIA_DIRECTORY.label) this.blueprintTies.add(ref);
      if (mode === Mode.academyCohort) {
        const cohort = state.communities[ref];
        this.academyParticipantsAll += cohort.members.length;
        if (t <= p.evaluationEnd_month) {
          for (const person of cohort.members) {
            const org = state.people[person].org;
            if (org < 0 || state.orgs[org].status === Status.outside) continue;
            this.academyPeople.add(person);
            this.academyOrgs.add(org);
          }
        }
      }
    }
    if (t < p.fundingEnd_month) {
      state.programme.pairings.forEach((id, i) => {
        const tie = state.ties[id];
        const flow = tie.codifiedFlow + tie.tacitFlow;
        const moved = flow - (this.pairingFlowSeen[i] ?? 0);
        this.pairingFlowSeen[i] = flow;
        if (tie.ended >= 0) return;
        const k = overlayTrust(state, tie) > 0 ? 1 : 0;
        this.overlayFlow[k] += moved;
        this.overlayMonths[k] += 1;
      });
    }
    if (t === 0) {
      const net = state.communities[state.professionalNetwork];
      this.membersAtStart = net && net.ended < 0 ? net.members.length + (state.professionalNetworkWider ?? 0) : 0;
      for (const c of state.communities) if (c.mode === Mode.userGroup && c.supplier >= 0 && c.ended < 0) this.userGroupsAtStart.push(c.id);
      this.v.user_agenda_first_month = mean(this.userGroupsAtStart.map((id) => state.communities[id].userAgenda));
      // Supplier groups are founded at set-up (population/init.ts), before the spin-up, at this share.
      this.v.user_agenda_founding = this.userGroupsAtStart.length > 0 ? p.userGroupInitialUserAgenda_share : NaN;
    }
    const agenda = mean(this.userGroupsAtStart.filter((id) => state.communities[id].ended < 0).map((id) => state.communities[id].userAgenda));
    if (Number.isFinite(agenda)) {
      this.agendaSum += agenda;
      this.agendaMonths += 1;
    }
    if (t === Math.min(p.evaluationEnd_month, p.horizon_months - 1)) {
      const net = state.communities[state.professionalNetwork];
      const staffMembers = net && net.ended < 0 ? net.members.length : 0;
      const wider = net && net.ended < 0 ? (state.professionalNetworkWider ?? 0) : 0;
      this.v.professional_network_staff_members_evaluation = staffMembers;
      this.v.professional_network_members_evaluation = staffMembers + wider;
      this.v.professional_network_members_change_counterfactual = this.membersAtStart > 0 ? (staffMembers + wider) / this.membersAtStart - 1 : NaN;
      this.v.academy_participants_evaluation = this.academyPeople.size;
      const programmeOrgs = state.orgs.filter((o) => o.status !== Status.outside).length;
      this.v.academy_programme_orgs_share_evaluation = programmeOrgs > 0 ? this.academyOrgs.size / programmeOrgs : NaN;
    }
    if (t < p.fundingEnd_month) this.blueprintTacitDocuments += ctx.flows[BLUEPRINT_TACIT];
    if (t === p.fundingEnd_month - 1) {
      let contacts = 0;
      for (const tie of state.ties) if (this.blueprintTies.has(tie.ref)) contacts += tie.tacitToB;
      this.v.blueprint_tacit_documents_funding_end = this.blueprintTacitDocuments;
      this.v.blueprint_tacit_contacts_funding_end = contacts;
      let alive = 0;
      for (const id of state.programme.learningNetworks) if (!state.communities[id].professionLed && state.communities[id].ended < 0) alive += 1;
      this.v.networks_central_alive_funding_end = alive;
      this.v.absorptive_funding_end_exemplar = mean(state.orgs.filter((o) => o.status === Status.exemplar).map((o) => o.absorptive));
    }
  }

  finish(state: State): Measures {
    const v = this.v;
    const prog = state.programme;
    const own: number[] = [];
    const policy: number[] = [];
    let sameSupplier = 0;
    let sameGrouping = 0;
    prog.pairings.forEach((id, i) => {
      const tie = state.ties[id];
      (this.ownChoice.has(tie.ref) ? own : policy).push(prog.pairingEngagedMonths[i]);
      const a = state.orgs[tie.orgA];
      const b = state.orgs[tie.orgB];
      if (a.suppliers[Domain.epr] === b.suppliers[Domain.epr]) sameSupplier += 1;
      if (a.grouping === b.grouping) sameGrouping += 1;
    });
    const n = prog.pairings.length;
    v.pairing_flow_with_overlay = this.overlayMonths[1] > 0 ? this.overlayFlow[1] / this.overlayMonths[1] : NaN;
    v.pairing_flow_without_overlay = this.overlayMonths[0] > 0 ? this.overlayFlow[0] / this.overlayMonths[0] : NaN;
    v.pairing_engaged_own_choice_mean = mean(own);
    v.pairing_engaged_policy_mean = mean(policy);
    v.pairings_same_supplier_share = n > 0 ? sameSupplier / n : NaN;
    v.pairings_same_grouping_share = n > 0 ? sameGrouping / n : NaN;
    const exemplars = state.orgs.filter((o) => o.status === Status.exemplar);
    const others = state.orgs.filter((o) => o.status !== Status.exemplar);
    v.routine_share_exemplar = exemplars.length > 0 ? exemplars.filter((o) => o.hasRoutine).length / exemplars.length : NaN;
    v.routine_share_other = others.length > 0 ? others.filter((o) => o.hasRoutine).length / others.length : NaN;
    v.user_agenda_run_mean = this.agendaMonths > 0 ? this.agendaSum / this.agendaMonths : NaN;
    v.user_agenda_end = mean(this.userGroupsAtStart.filter((id) => state.communities[id].ended < 0).map((id) => state.communities[id].userAgenda));
    const req = this.exemplarRequests;
    v.exemplar_ties_per_request = req > 0 ? this.exemplarAnswersPersonal / req : NaN;
    const answers = this.exemplarAnswersPersonal + this.exemplarAnswersRouted;
    v.exemplar_hours_per_answer = answers > 0 ? (this.p.requestHandling_hours * this.exemplarAnswersPersonal + this.p.routineRequest_hours * this.exemplarAnswersRouted) / answers : NaN;
    v.academy_ties_per_participant = this.academyParticipantsAll > 0 ? this.academyTies / this.academyParticipantsAll : NaN;
    return { ...v };
  }
}
