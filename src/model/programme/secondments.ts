import { capability, need } from '../../agents/organization.js';
import { Direction, Formality, Influence, Mode, Origin, Status } from '../enums.js';
import { relevance, transferKnowledge } from '../mechanisms/knowledge.js';
import { formTie, logEvent, mayTie } from '../relationships.js';
import { randInt } from '../rng.js';
import type { State, StepContext } from '../state.js';

const HOST_TRIES = 10;

/**
 * Funded secondments (a lever; 003 Integration: personnel transfers move tacit knowledge). While
 * national funding lasts, `secondments_perYear` start, spread evenly over months: a host with a
 * need in some domain (not an exemplar) receives a person from the exemplar with the most relevant
 * capability there. Each month of the secondment the host closes `secondmentTacit_rate` of the
 * relevant tacit gap (times absorptive capacity); at the end the secondee keeps an informal tie
 * with a host colleague. Nothing is drawn from any stream when the lever is 0.
 */
export function secondmentPhase(state: State, ctx: StepContext, funded: boolean): void {
  const p = ctx.params;
  const prog = state.programme;
  if (funded && p.secondments_perYear > 0) {
    prog.secondmentsOwed += p.secondments_perYear / 12;
    while (prog.secondmentsOwed >= 1) {
      prog.secondmentsOwed -= 1;
      startSecondment(state, ctx);
    }
  }
  for (const s of prog.secondments) {
    if (state.month >= s.endsAt) continue;
    const home = state.orgs[s.home];
    const host = state.orgs[s.host];
    transferKnowledge(ctx, home.codified[s.domain], home.tacit[s.domain], host, s.domain, relevance(p, home, host, s.domain), relevance(p, home, host, s.domain), p.secondmentTacit_rate, 0, Formality.formal);
    prog.spendSecondments_gbp += p.secondmentCost_gbpPerMonth;
    if (state.month === s.endsAt - 1) endSecondment(state, ctx, s.host, s.person);
  }
}

function startSecondment(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.programme;
  const exemplars = state.programme.exemplars;
  if (exemplars.length === 0) return;
  for (let i = 0; i < HOST_TRIES; i++) {
    const host = state.orgs[randInt(rng, state.orgs.length)];
    if (host.status === Status.exemplar || host.staff.length === 0) continue;
    let domain = -1;
    for (let d = 0; d < host.tacit.length; d++) if (need(host, d) > 0 && (domain < 0 || need(host, d) > need(host, domain))) domain = d;
    if (domain < 0) continue;
    let home = -1;
    let best = 0;
    for (const id of exemplars) {
      const e = state.orgs[id];
      const value = (capability(e, domain) - capability(host, domain)) * relevance(p, e, host, domain);
      if (e.staff.length > 0 && value > best) {
        best = value;
        home = id;
      }
    }
    if (home < 0) continue;
    const staff = state.orgs[home].staff;
    const person = staff[randInt(rng, staff.length)];
    const colleague = host.staff[randInt(rng, host.staff.length)];
    const endsAt = state.month + p.secondmentDuration_months;
    state.programme.secondments.push({ host: host.id, home, person, domain, start: state.month, endsAt });
    formTie(state, ctx, {
      mode: Mode.personnelMove,
      formality: Formality.formal,
      origin: Origin.policy,
      influence: Influence.enable,
      direction: Direction.oneWay,
      orgA: home,
      orgB: host.id,
      personA: person,
      personB: colleague,
      domain,
      endsAt,
      trust: 0.5,
    }, 'secondment');
    return;
  }
  logEvent(state, ctx, 'programme', 'secondment_unfilled');
}

/** The secondee keeps a personal tie with a colleague at the host (assumption: as a personnel move). */
function endSecondment(state: State, ctx: StepContext, hostId: number, person: number): void {
  const host = state.orgs[hostId];
  const rng = ctx.rng.programme;
  if (host.staff.length === 0 || state.people[person].org < 0) return;
  const colleague = host.staff[randInt(rng, host.staff.length)];
  if (!mayTie(state, ctx, person, colleague)) return;
  formTie(state, ctx, {
    mode: Mode.directContact,
    formality: Formality.informal,
    origin: Origin.policy,
    influence: Influence.enable,
    direction: Direction.multi,
    orgA: state.people[person].org,
    orgB: hostId,
    personA: person,
    personB: colleague,
    domain: -1,
    endsAt: Infinity,
    trust: 0.6,
  }, 'after_secondment');
}
