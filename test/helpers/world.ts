import { defaultParams, type Params } from '../../src/model/parameters.js';
import { resolveParams } from '../../src/model/validate.js';
import { initState } from '../../src/model/population/init.js';
import { createStreams } from '../../src/model/rng.js';
import { createContext, type State, type StepContext } from '../../src/model/state.js';

/** A small world for unit tests: a fresh context and initial state from a seed and overrides. */
export function smallWorld(overrides: Record<string, number> = {}, seed = 'test'): { state: State; ctx: StepContext; params: Params } {
  const params = resolveParams({ organizations_count: 60, groupings_count: 12, ...overrides }, 'test');
  const ctx = createContext(params, createStreams(seed));
  const state = initState(params, ctx);
  return { state, ctx, params };
}

export { defaultParams };
