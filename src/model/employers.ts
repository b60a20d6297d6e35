import type { Individual } from '../agents/individual.js';
import type { State } from './state.js';

/**
 * Every person's employer (Individual.org) as a column indexed by person id, for the loops that
 * read nothing else of a person: a community's members checked for an employer, a meeting's
 * attendees placed in their region, a tie's ends mapped to organizations. Read from the person
 * objects, each of those is a pointer chase to an object of its own (about 7% of a replication
 * sat on such lines); the column is one small array. The objects stay the record; every change
 * goes through addPerson and setEmployer, which write both, so the column always equals the
 * objects (test/model/employers.test.ts checks it after whole replications).
 */
export function employerColumn(people: readonly Individual[]): Int32Array {
  const column = new Int32Array(Math.max(1024, 2 * people.length));
  for (let id = 0; id < people.length; id++) column[id] = people[id].org;
  return column;
}

/** A person joins the world after set-up (a refilled post, a new CCIO or CNIO); their id must be the next. */
export function addPerson(state: State, person: Individual): void {
  if (person.id !== state.people.length) throw new Error(`people: person ${person.id} added at ${state.people.length}`);
  state.people.push(person);
  if (person.id >= state.employer.length) {
    const grown = new Int32Array(2 * state.employer.length);
    grown.set(state.employer);
    state.employer = grown;
  }
  state.employer[person.id] = person.org;
}

/** A person's employer changes (an organization id, or NO_EMPLOYER's consultant or left). */
export function setEmployer(state: State, id: number, org: number): void {
  state.people[id].org = org;
  state.employer[id] = org;
}
