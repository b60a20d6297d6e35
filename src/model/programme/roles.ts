import { isFunded } from '../../agents/organization.js';
import { Role } from '../enums.js';
import { createIndividual } from '../population/staff.js';
import { logEvent } from '../relationships.js';
import type { State, StepContext } from '../state.js';
import { addStaff } from '../training.js';
import { addPerson } from '../employers.js';

/**
 * New mediator roles (001 Macroenvironmental: the Wachter review advanced CCIO and CNIO posts).
 * Organizations without the post create it at a base rate, faster while funded. Not during the
 * spin-up: the posts spread after the review of 2016, and the drawn shares (initialCcio_share,
 * initialCnio_share) describe January 2017, so ten years of pre-2017 appointments at today's
 * rate would make them wrong (85% with a CCIO instead of 45%).
 */
export function newRolesPhase(state: State, ctx: StepContext): void {
  if (state.spinningUp) return;
  const p = ctx.params;
  const rng = ctx.rng.programme;
  for (const org of state.orgs) {
    const rate = p.newRole_probPerMonth * (isFunded(org, state.month) ? p.fundedNewRole_ratio : 1);
    if (!org.hasCcio && rng() < rate) {
      org.hasCcio = true;
      addPost(state, ctx, org.id, Role.ccio);
    }
    if (!org.hasCnio && rng() < rate) {
      org.hasCnio = true;
      addPost(state, ctx, org.id, Role.cnio);
    }
  }
}

function addPost(state: State, ctx: StepContext, orgId: number, role: number): void {
  const person = createIndividual(ctx.rng.programme, state.people.length, orgId, role, ctx.params);
  addPerson(state, person);
  addStaff(state, state.orgs[orgId], person.id);
  logEvent(state, ctx, 'organization', role === Role.ccio ? 'ccio_appointed' : 'cnio_appointed', orgId);
}
