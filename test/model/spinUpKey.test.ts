import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Programme } from '../../src/agents/programme.js';
import { PARAMETERS, type ParameterName, type Params } from '../../src/model/parameters.js';
import { initState } from '../../src/model/population/init.js';
import { createStreams, replicateSeed } from '../../src/model/rng.js';
import { spinUp } from '../../src/model/spinup.js';
import { SPIN_UP_FREE_PARAMETERS, SPIN_UP_PARAMETERS, spinUpKey } from '../../src/model/spinUpKey.js';
import { createContext, type State } from '../../src/model/state.js';
import { resolveParams } from '../../src/model/validate.js';
import { SCENARIOS, resolveScenario } from '../../src/scenarios/index.js';

/** The world of January 2017 for a seed, with the parameters each read recorded. */
function spunUp(params: Params, seed: string, read?: Set<string>): State {
  const watched = read
    ? (new Proxy(params, { get: (target, key, receiver) => (typeof key === 'string' && read.add(key), Reflect.get(target, key, receiver)) }) as Params)
    : params;
  const ctx = createContext(watched, createStreams(seed));
  const state = initState(watched, ctx);
  spinUp(state, ctx, watched.spinUp_months);
  return state;
}

/**
 * The world without the one flag set-up copies from programmeActive_flag (see spinUpKey.ts).
 * Compared by value (isDeepStrictEqual: every number by Object.is, typed arrays by content), not
 * by v8.serialize, whose bytes also depend on whether V8 happens to hold a whole number as a
 * small integer or as a double.
 */
function world(state: State): State {
  (state.programme as { active: boolean } & Programme).active = false;
  return state;
}

describe('the parameters the spin-up never reads', () => {
  it('are names of the parameter table, and the key is made of all the others', () => {
    for (const name of SPIN_UP_FREE_PARAMETERS) expect(PARAMETERS).toHaveProperty(name);
    expect(SPIN_UP_PARAMETERS.length + SPIN_UP_FREE_PARAMETERS.size).toBe(Object.keys(PARAMETERS).length);
    const base = resolveParams({}, 'test');
    expect(spinUpKey(resolveParams({ exemplarGrant_gbp: base.exemplarGrant_gbp * 2 }, 'test'))).toBe(spinUpKey(base));
    expect(spinUpKey(resolveParams({ tieUse_probPerMonth: base.tieUse_probPerMonth / 2 }, 'test'))).not.toBe(spinUpKey(base));
  });

  it('are read by neither set-up nor spin-up of any built-in scenario (programmeActive_flag by set-up only)', () => {
    for (const scenario of SCENARIOS) {
      const read = new Set<string>();
      spunUp(resolveScenario(scenario), replicateSeed(1, 0), read);
      const readFree = [...read].filter((k) => SPIN_UP_FREE_PARAMETERS.has(k as ParameterName) && k !== 'programmeActive_flag');
      expect(readFree, `${scenario.name} reads`).toEqual([]);
      expect(read.has('spinUp_months')).toBe(true);
    }
  });

  it('leave the spun-up world unchanged, value for value, at either end of their ranges', () => {
    const small = { organizations_count: 80, groupings_count: 12, spinUp_months: 48 };
    const seed = replicateSeed(2, 1);
    const reference = world(spunUp(resolveParams(small, 'test'), seed));
    let checked = 0;
    for (const name of SPIN_UP_FREE_PARAMETERS) {
      for (const value of [PARAMETERS[name].min, PARAMETERS[name].max]) {
        let params: Params;
        try {
          params = resolveParams({ ...small, [name]: value }, 'test');
        } catch {
          continue; // a value that breaks a cross-field rule (e.g. more exemplars than organizations)
        }
        expect(isDeepStrictEqual(world(spunUp(params, seed)), reference), `${name} = ${value}`).toBe(true);
        checked += 1;
      }
    }
    // Most ends are valid on their own: a rule change that rejected them all would empty this test.
    expect(checked).toBeGreaterThan(1.5 * SPIN_UP_FREE_PARAMETERS.size);
  });
});
