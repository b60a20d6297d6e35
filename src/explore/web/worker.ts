import { N_CELLS } from '../../model/recorder.js';
import type { Params } from '../../model/parameters.js';
import { replicateSeed } from '../../model/rng.js';
import { advance, replicationResult, startReplication, type Replication } from '../../model/run.js';
import { SpinUpShare } from '../../model/spinUpShare.js';
import { WorldCopier } from '../../model/worldCopy.js';
import { networkSnapshot } from '../networkMap.js';
import type { FromWorker, ReplicationUpdate, Slot, ToWorker } from '../protocol.js';

/*
 * A Web Worker of lesim explore: it holds some replications of scenario A and the same
 * replications of B (paired: replicate k of both uses the seed (base seed, k)) and advances them
 * on request with the model's own step-by-step runner, the code `lesim run` runs.
 */

interface Held {
  readonly generation: number;
  readonly runs: Replication[];
}

/** Months between snapshots of the network map. */
const MAP_EVERY = 3;
const held = new Map<Slot, Held>();
const copier = new WorldCopier();
/**
 * Per replicate, the spun-up world of the last scenario started. Scenario B is A with levers
 * changed, and most levers are ones the world before 2017 never reads (model/spinUpKey.ts), so B
 * (and each edit of it) starts from a copy of A's world instead of simulating the spin-up again;
 * the results are the same either way (model/spinUpShare.ts).
 */
const spunUp = new Map<number, SpinUpShare>();

function start(params: Params, baseSeed: number, replicate: number): Replication {
  let share = spunUp.get(replicate);
  if (!share?.holds(replicateSeed(baseSeed, replicate), params)) {
    share = new SpinUpShare(copier, Infinity);
    spunUp.set(replicate, share);
  }
  return startReplication(params, baseSeed, replicate, { spinUpShare: share });
}
const scope = globalThis as unknown as { onmessage: ((e: { data: ToWorker }) => void) | null; postMessage: (m: FromWorker, transfer?: Transferable[]) => void };

function handle(m: ToWorker): void {
  if (m.type === 'start') {
    held.set(m.slot, { generation: m.generation, runs: m.replicates.map((k) => start(m.params, m.baseSeed, k)) });
    return;
  }
  if (m.type === 'drop') {
    held.delete(m.slot);
    return;
  }
  const started = performance.now();
  const updates: ReplicationUpdate[] = [];
  for (const [slot, h] of held) {
    for (const run of h.runs) {
      const from = run.monthsDone;
      if (advance(run, m.to - from) === 0) continue;
      const rows = run.series.slice(from * N_CELLS, run.monthsDone * N_CELLS);
      const mapMonth = run.replicate === 0 && (Math.floor(from / MAP_EVERY) !== Math.floor(run.monthsDone / MAP_EVERY) || run.monthsDone === run.params.horizon_months);
      updates.push({ slot, generation: h.generation, replicate: run.replicate, from, rows, outcomes: replicationResult(run).outcomes, network: mapMonth ? networkSnapshot(run.state) : undefined });
    }
  }
  const transfer = updates.flatMap((u) => [u.rows.buffer, ...(u.network ? [u.network.orgs.buffer, u.network.links.buffer] : [])]) as ArrayBuffer[];
  scope.postMessage({ type: 'advanced', round: m.round, updates, ms: performance.now() - started }, transfer);
}

scope.onmessage = (e) => {
  try {
    handle(e.data);
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? `${error.message}` : String(error) });
  }
};
