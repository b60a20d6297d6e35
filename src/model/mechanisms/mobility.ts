import { NO_EMPLOYER } from '../../agents/individual.js';
import { setKnowledge, type Organization } from '../../agents/organization.js';
import { Direction, Formality, Influence, Mode, Origin } from '../enums.js';
import { formTie, logEvent, mayTie } from '../relationships.js';
import { geometricGap, randInt } from '../rng.js';
import type { State, StepContext } from '../state.js';
import { createIndividual } from '../population/staff.js';

/**
 * Mobility (phase 11). People move, mostly to nearby organizations of the same care setting
 * (001 Interorganizational Level: personnel moving between nearby sites), carrying part of their
 * tacit know-how and keeping a tie to a former colleague (a personnel-move relationship); some
 * become independent consultants (001 Macroenvironmental). The post is refilled at once by a new
 * person in the same role, so staff numbers hold, but the leaver's organization loses a little
 * tacit know-how.
 */
export function mobilityPhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.mobility;
  const n = state.orgs.length;
  const employed = state.people.length;
  // Visit only the people who move this month: each does with the same small chance.
  for (let id = geometricGap(rng, p.mobility_probPerMonth); id < employed; id += 1 + geometricGap(rng, p.mobility_probPerMonth)) {
    const person = state.people[id];
    if (person.org < 0) continue;
    const from = state.orgs[person.org];
    const colleague = from.staff.length > 1 ? from.staff[randInt(rng, from.staff.length)] : -1;
    removeStaff(from, id);
    const a = p.codifiedWeight_exponent;
    for (let d = 0; d < from.tacit.length; d++) setKnowledge(from, d, from.codified[d], from.tacit[d] * (1 - p.turnoverTacitLoss_share), a);
    const replacement = createIndividual(rng, state.people.length, from.id, person.role, p);
    state.people.push(replacement);
    from.staff.push(replacement.id);
    if (rng() < p.becomeConsultant_share) {
      person.org = NO_EMPLOYER.consultant;
      person.carriedTacit = Float64Array.from(from.tacit);
      person.carriedSuppliers = Int16Array.from(from.suppliers);
      logEvent(state, ctx, 'person', 'became_consultant', from.id, -1, `person=${id}`);
      continue;
    }
    let best: Organization | undefined;
    let bestWeight = 0;
    for (let k = 0; k < 8; k++) {
      const to = state.orgs[randInt(rng, n)];
      if (to === from) continue;
      const weight = Math.exp(-state.distance_km[from.id * n + to.id] / p.mobilityDistance_km) * (to.setting === from.setting ? 1 : 0.3) * rng();
      if (weight > bestWeight) {
        bestWeight = weight;
        best = to;
      }
    }
    if (!best) continue;
    person.org = best.id;
    best.staff.push(id);
    for (let d = 0; d < from.tacit.length; d++) {
      const gap = from.tacit[d] - best.tacit[d];
      const system = from.suppliers[d] === best.suppliers[d] ? 1 : p.crossSupplierRelevance_share;
      if (gap > 0) {
        const moved = p.mobilityTacitCarry_share * gap * system;
        setKnowledge(best, d, best.codified[d], best.tacit[d] + moved, a);
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
        orgB: best.id,
        personA: colleague,
        personB: id,
        domain: -1,
        endsAt: Infinity,
        trust: 0.6,
      }, `person=${id}`);
    }
  }
}

function removeStaff(org: Organization, person: number): void {
  const i = org.staff.indexOf(person);
  if (i >= 0) org.staff.splice(i, 1);
}
