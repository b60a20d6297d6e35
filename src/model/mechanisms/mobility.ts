import { NO_EMPLOYER } from '../../agents/individual.js';
import { setKnowledge, type Organization } from '../../agents/organization.js';
import { Direction, EndReason, Formality, Influence, Mode, Origin } from '../enums.js';
import { distance_km } from '../distance.js';
import { endTie, formTie, logEvent, mayTie, noteLostEmployer } from '../relationships.js';
import { geometricGap, randInt } from '../rng.js';
import type { State, StepContext } from '../state.js';
import { addStaff, removeStaff } from '../training.js';
import { createIndividual } from '../population/staff.js';
import { addPerson, setEmployer } from '../employers.js';

/**
 * Mobility (phase 11). People move, mostly to nearby organizations of the same care setting
 * (001 Interorganizational Level: personnel moving between nearby sites), carrying part of their
 * tacit know-how and keeping a tie to a former colleague (a personnel-move relationship); some
 * become independent consultants (001 Macroenvironmental). A move is a vacancy chain closed at
 * both ends, so every organization keeps its number of posts and the employed total holds: the
 * leaver's post is refilled at once by a newcomer in the same role, and the mover takes the post
 * of someone at the destination who leaves the digitally engaged workforce. Each departure costs
 * its organization a little tacit know-how.
 */
export function mobilityPhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.mobility;
  const employed = state.people.length;
  // Visit only the people who move this month: each does with the same small chance.
  for (let id = geometricGap(rng, p.mobility_probPerMonth); id < employed; id += 1 + geometricGap(rng, p.mobility_probPerMonth)) {
    const person = state.people[id];
    if (person.org < 0) continue;
    const from = state.orgs[person.org];
    const colleague = from.staff.length > 1 ? from.staff[randInt(rng, from.staff.length)] : -1;
    if (rng() < p.becomeConsultant_share) {
      depart(state, ctx, from, id, true);
      setEmployer(state, id, NO_EMPLOYER.consultant);
      noteLostEmployer(state, id);
      person.carriedTacit = Float64Array.from(from.tacit);
      person.carriedSuppliers = Int16Array.from(from.suppliers);
      addConsultant(state.consultants, id);
      logEvent(state, ctx, 'person', 'became_consultant', from.id, -1, `person=${id}`);
      continue;
    }
    const to = destination(state, ctx, from);
    // Nowhere near enough to be worth the move: the person stays.
    if (!to) continue;
    depart(state, ctx, from, id, true);
    if (to.staff.length > 0) {
      const leaver = to.staff[randInt(rng, to.staff.length)];
      depart(state, ctx, to, leaver, false);
      leaveWorkforce(state, ctx, leaver, to.id);
    }
    setEmployer(state, id, to.id);
    addStaff(state, to, id);
    const a = p.codifiedWeight_exponent;
    for (let d = 0; d < from.tacit.length; d++) {
      const gap = from.tacit[d] - to.tacit[d];
      const system = from.suppliers[d] === to.suppliers[d] ? 1 : p.crossSupplierRelevance_share;
      if (gap > 0) {
        const moved = p.mobilityTacitCarry_share * gap * system;
        setKnowledge(to, d, to.codified[d], to.tacit[d] + moved, a);
        ctx.flows[Formality.informal * 2 + 1] += moved;
      }
    }
    if (colleague >= 0 && colleague !== id && mayTie(state, ctx, colleague, id)) {
      formTie(state, ctx, {
        mode: Mode.personnelMove,
        formality: Formality.informal,
        origin: Origin.individual,
        influence: Influence.enable,
        direction: Direction.multi,
        orgA: from.id,
        orgB: to.id,
        personA: colleague,
        personB: id,
        domain: -1,
        endsAt: Infinity,
        trust: 0.6,
      }, `person=${id}`);
    }
  }
  consultancyExits(state, ctx);
}

/**
 * Consultancy spells end (assumption): a consultant between engagements leaves the digitally
 * engaged workforce (a return to an employed post outside it, or retirement) with a constant
 * monthly chance. Without it every move into consultancy would stay there for good and the
 * number of consultants would only grow (about 0.85 new ones a month at the defaults, against
 * 20 in January 2017); with it the count settles near inflow / exit chance.
 */
function consultancyExits(state: State, ctx: StepContext): void {
  const p = ctx.params;
  if (p.consultancyExit_probPerMonth <= 0) return;
  const rng = ctx.rng.mobility;
  const people = state.people;
  const consultants = state.consultants;
  // Leavers drop out of the list as it is walked: step back over each one removed.
  for (let i = 0; i < consultants.length; i++) {
    const id = consultants[i];
    if (people[id].engagedUntil > state.month) continue;
    if (rng() < p.consultancyExit_probPerMonth) {
      leaveWorkforce(state, ctx, id, -1);
      i -= 1;
    }
  }
}

/** Inserts a new consultant's id, keeping the list ascending (the order hiring scans it in). */
function addConsultant(consultants: number[], id: number): void {
  let i = consultants.length;
  while (i > 0 && consultants[i - 1] > id) i -= 1;
  consultants.splice(i, 0, id);
}

/** The best of eight random organizations, nearer and same-setting ones likelier; none if all weigh 0. */
function destination(state: State, ctx: StepContext, from: Organization): Organization | undefined {
  const p = ctx.params;
  const rng = ctx.rng.mobility;
  const n = state.orgs.length;
  let best: Organization | undefined;
  let bestWeight = 0;
  for (let k = 0; k < 8; k++) {
    const to = state.orgs[randInt(rng, n)];
    if (to === from) continue;
    const weight = Math.exp(-distance_km(from, to) / p.mobilityDistance_km) * (to.setting === from.setting ? 1 : 0.3) * rng();
    if (weight > bestWeight) {
      bestWeight = weight;
      best = to;
    }
  }
  return best;
}

/** A person leaves an organization, which loses a little tacit know-how; the post is refilled if asked. */
function depart(state: State, ctx: StepContext, org: Organization, person: number, refill: boolean): void {
  const p = ctx.params;
  removeStaff(state, org, person);
  for (let d = 0; d < org.tacit.length; d++) setKnowledge(org, d, org.codified[d], org.tacit[d] * (1 - p.turnoverTacitLoss_share), p.codifiedWeight_exponent);
  if (!refill) return;
  const role = state.people[person].role;
  const newcomer = createIndividual(ctx.rng.mobility, state.people.length, org.id, role, p);
  addPerson(state, newcomer);
  addStaff(state, org, newcomer.id);
}

/** Someone whose post a mover takes leaves the digitally engaged workforce; their ties end with them. */
function leaveWorkforce(state: State, ctx: StepContext, id: number, org: number): void {
  const person = state.people[id];
  if (person.org === NO_EMPLOYER.consultant) state.consultants.splice(state.consultants.indexOf(id), 1);
  setEmployer(state, id, NO_EMPLOYER.left);
  noteLostEmployer(state, id);
  for (const tie of [...person.ties]) endTie(state, ctx, state.ties[tie], EndReason.personLeft);
  logEvent(state, ctx, 'person', 'left_workforce', org, -1, `person=${id}`);
}
