import type { Organization } from '../agents/organization.js';
import type { State } from './state.js';

/**
 * Academy training and the per-organization count of trained staff that absorptive capacity
 * reads each month (organizations.ts), kept here as people are trained and as staff join and
 * leave, so that the monthly step does not visit every person to count them. Every change of a
 * staff list after set-up goes through addStaff and removeStaff.
 */
export function markTrained(state: State, id: number): void {
  const person = state.people[id];
  if (person.trained) return;
  (person as { trained: boolean }).trained = true;
  if (person.org >= 0) state.orgs[person.org].trainedStaff += 1;
}

/** A person joins an organization's staff (their employer is already set to it). */
export function addStaff(state: State, org: Organization, id: number): void {
  org.staff.push(id);
  if (state.people[id].trained) org.trainedStaff += 1;
}

/** A person leaves an organization's staff (before their employer changes). */
export function removeStaff(state: State, org: Organization, id: number): void {
  const i = org.staff.indexOf(id);
  if (i < 0) return;
  org.staff.splice(i, 1);
  if (state.people[id].trained) org.trainedStaff -= 1;
}
