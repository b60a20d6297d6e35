import type { Params } from '../../model/parameters.js';
import { LiveEnsemble } from '../liveEnsemble.js';
import type { NetworkSnapshot } from '../networkMap.js';
import type { FromWorker, Slot, ToWorker } from '../protocol.js';

/** A scenario being run in the page: its parameters and the replications received so far. */
export interface Running {
  readonly generation: number;
  readonly name: string;
  readonly title: string;
  readonly ensemble: LiveEnsemble;
  /** The latest map of replication 0's organizations and links. */
  network?: NetworkSnapshot;
}

/**
 * The page's workers and the scenarios they run. Replicate k of A and of B live in the same
 * worker (k modulo the number of workers) and use the seed (base seed, k): paired replications,
 * as `lesim compare` runs them. Time moves in rounds: every worker advances what it holds to the
 * same month, and the round ends when all have answered.
 */
export class Session {
  private readonly workers: Worker[];
  private readonly running = new Map<Slot, Running>();
  private generation = 0;
  private round = 0;
  private waiting: { round: number; left: number; resolve: () => void; reject: (e: Error) => void } | undefined;
  /** The month every running scenario has been advanced to (or its horizon, if sooner). */
  month = 0;
  /** Milliseconds the workers spent simulating, summed over workers. */
  workerMs = 0;

  constructor(
    workerUrl: string,
    readonly reps: number,
    readonly seed: number,
    cores: number,
  ) {
    const n = Math.max(1, Math.min(reps, cores));
    this.workers = Array.from({ length: n }, () => {
      const w = new Worker(workerUrl);
      w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
      w.onerror = (e) => this.fail(new Error(`worker failed: ${e.message}`));
      return w;
    });
  }

  get workerCount(): number {
    return this.workers.length;
  }

  get(slot: Slot): Running | undefined {
    return this.running.get(slot);
  }

  /** The longest horizon of the running scenarios. */
  get horizon(): number {
    return Math.max(0, ...[...this.running.values()].map((r) => r.ensemble.horizon));
  }

  get finished(): boolean {
    return this.running.size > 0 && [...this.running.values()].every((r) => r.ensemble.months >= r.ensemble.horizon);
  }

  /** (Re)starts a scenario's replications from month 0; the next round brings it up to the others. */
  start(slot: Slot, params: Params, name: string, title: string): void {
    const generation = ++this.generation;
    this.running.set(slot, { generation, name, title, ensemble: new LiveEnsemble(params, this.seed, this.reps) });
    this.workers.forEach((w, i) => {
      const replicates = [];
      for (let k = i; k < this.reps; k += this.workers.length) replicates.push(k);
      this.post(w, { type: 'start', slot, generation, params, baseSeed: this.seed, replicates });
    });
  }

  drop(slot: Slot): void {
    this.running.delete(slot);
    for (const w of this.workers) this.post(w, { type: 'drop', slot });
  }

  private post(w: Worker, m: ToWorker): void {
    w.postMessage(m);
  }

  /** Advances every running scenario to month `to` (each at most to its horizon). */
  advanceTo(to: number): Promise<void> {
    if (this.waiting) return Promise.reject(new Error('a round is already running'));
    const round = ++this.round;
    return new Promise<void>((resolve, reject) => {
      this.waiting = {
        round,
        left: this.workers.length,
        resolve: () => {
          this.month = Math.max(this.month, Math.min(to, this.horizon));
          resolve();
        },
        reject,
      };
      for (const w of this.workers) this.post(w, { type: 'advance', round, to });
    });
  }

  get busy(): boolean {
    return this.waiting !== undefined;
  }

  private receive(m: FromWorker): void {
    if (m.type === 'error') return this.fail(new Error(m.message));
    for (const u of m.updates) {
      const r = this.running.get(u.slot);
      // Answers for a scenario restarted since (or dropped) are stale.
      if (r === undefined || r.generation !== u.generation) continue;
      r.ensemble.add(u.replicate, u.from, u.rows, u.outcomes);
      if (u.network) r.network = u.network;
    }
    this.workerMs += m.ms;
    const w = this.waiting;
    if (w && w.round === m.round && --w.left === 0) {
      this.waiting = undefined;
      w.resolve();
    }
  }

  private fail(error: Error): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.reject(error);
  }

  terminate(): void {
    for (const w of this.workers) w.terminate();
    this.fail(new Error('stopped'));
  }
}
