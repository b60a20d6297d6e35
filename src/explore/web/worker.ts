import { N_CELLS } from '../../model/recorder.js';
import { advance, replicationResult, startReplication, type Replication } from '../../model/run.js';
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
const scope = globalThis as unknown as { onmessage: ((e: { data: ToWorker }) => void) | null; postMessage: (m: FromWorker, transfer?: Transferable[]) => void };

function handle(m: ToWorker): void {
  if (m.type === 'start') {
    held.set(m.slot, { generation: m.generation, runs: m.replicates.map((k) => startReplication(m.params, m.baseSeed, k)) });
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
