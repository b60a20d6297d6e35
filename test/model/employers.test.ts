import { describe, expect, it } from 'vitest';
import { NO_EMPLOYER } from '../../src/agents/individual.js';
import { addPerson, employerColumn, setEmployer } from '../../src/model/employers.js';
import { createIndividual } from '../../src/model/population/staff.js';
import { makeRng } from '../../src/model/rng.js';
import { runReplication } from '../../src/model/run.js';
import type { State } from '../../src/model/state.js';
import { resolveParams } from '../../src/model/validate.js';

function mismatches(state: State): string[] {
  const out: string[] = [];
  for (const person of state.people) if (state.employer[person.id] !== person.org) out.push(`person ${person.id}: column ${state.employer[person.id]}, object ${person.org}`);
  return out;
}

describe('employer column', () => {
  it('equals the people after whole replications, with the programme and without (moves, consultants, leavers, refills, new posts)', () => {
    for (const overrides of [{ horizon_months: 60 }, { horizon_months: 60, programmeActive_flag: 0 }]) {
      const { finalState: state } = runReplication(resolveParams(overrides, 'test'), 5, 0);
      // The run must have exercised every way an employer changes for the check to mean anything.
      expect(state.people.some((x) => x.org === NO_EMPLOYER.left)).toBe(true);
      expect(state.people.some((x) => x.org === NO_EMPLOYER.consultant)).toBe(true);
      expect(state.people.length).toBeGreaterThan(state.orgs.reduce((n, o) => n + o.staff.length, 0));
      expect(mismatches(state)).toEqual([]);
    }
  });

  it('grows as people are added past its capacity, and refuses an id out of turn', () => {
    const params = resolveParams({}, 'test');
    const rng = makeRng('employers');
    const people = [createIndividual(rng, 0, 3, 0, params)];
    const state = { people, employer: employerColumn(people) } as unknown as State;
    const capacity = state.employer.length;
    for (let id = 1; id <= capacity + 5; id++) addPerson(state, createIndividual(rng, id, id % 7, 0, params));
    expect(state.employer.length).toBeGreaterThan(capacity);
    setEmployer(state, 2, NO_EMPLOYER.consultant);
    expect(state.people[2].org).toBe(NO_EMPLOYER.consultant);
    expect(mismatches(state)).toEqual([]);
    expect(() => addPerson(state, createIndividual(rng, 3, 0, 0, params))).toThrow(/person 3 added at/);
  });
});
