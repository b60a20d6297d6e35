import type { Programme } from '../agents/programme.js';
import type { Params } from './parameters.js';
import { programmeSwitchedOn } from './population/init.js';
import { streamsFrom, streamStates, type RunStreams, type StreamStates } from './rng.js';
import { spinUpKey } from './spinUpKey.js';
import type { State } from './state.js';
import type { WorldCopier } from './worldCopy.js';

/** A world as it stands in January 2017, after the spin-up, with the streams ready for its run. */
export interface SpunUp {
  readonly state: State;
  readonly streams: RunStreams;
}

interface Held {
  readonly seed: string;
  readonly key: string;
  readonly state: State;
  readonly streams: StreamStates;
}

/**
 * One spun-up world handed on from the first of several runs to the others. Set-up and spin-up
 * depend on the run's seed and on the parameters spinUpKey names, nothing else, so runs that agree
 * on both (a scenario and its counterfactual, the points of a funding sweep, under common random
 * numbers) would each build the very same world: the first builds it and keeps a copy, the others
 * start from copies (the last from the kept one itself), streams included, so each run draws and
 * gives exactly what it would have on its own (test/model/spinUpShare.test.ts). A run whose seed
 * or key differs is simply not given the world and spins up for itself.
 */
export class SpinUpShare {
  private held: Held | undefined;
  /** Runs that were handed the world so far (the tests read it). */
  given = 0;

  /**
   * `takers`: the runs after the first that may take the world (the copy is let go after the
   * last); Infinity keeps it, and hands out copies, for as long as the share lives.
   */
  constructor(private readonly copier: WorldCopier, private takers: number) {}

  /** Whether it holds the world a run of `seed` with `params` would build. */
  holds(seed: string, params: Params): boolean {
    const held = this.held;
    return held !== undefined && held.seed === seed && held.key === spinUpKey(params);
  }

  /** The spun-up world for a run of `seed` with `params`, if one is held that such a run would build. */
  take(seed: string, params: Params): SpunUp | undefined {
    const held = this.held;
    if (held === undefined || !this.holds(seed, params)) return undefined;
    this.takers -= 1;
    this.given += 1;
    let state: State;
    if (this.takers <= 0) {
      state = held.state;
      this.held = undefined;
    } else state = this.copier.copy(held.state);
    // Set-up read the flag from the first run's parameters; the spin-up ran without the programme either way.
    (state.programme as { active: boolean } & Programme).active = programmeSwitchedOn(params);
    return { state, streams: streamsFrom(held.streams) };
  }

  /** Keeps a copy of a world its run has just spun up (before the run changes it), for the runs after. */
  keep(seed: string, params: Params, state: State, streams: RunStreams): void {
    if (this.takers <= 0 || this.held !== undefined) return;
    this.held = { seed, key: spinUpKey(params), state: this.copier.copy(state), streams: streamStates(streams) };
  }
}
