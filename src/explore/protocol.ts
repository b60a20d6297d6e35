import type { Outcomes } from '../model/outcomes.js';
import type { Params } from '../model/parameters.js';
import type { NetworkSnapshot } from './networkMap.js';

/** Scenario slots of the page. */
export type Slot = 'A' | 'B';

/** Page to worker. `generation` tells a restarted scenario's answers from its old ones. */
export type ToWorker =
  | { readonly type: 'start'; readonly slot: Slot; readonly generation: number; readonly params: Params; readonly baseSeed: number; readonly replicates: readonly number[] }
  | { readonly type: 'drop'; readonly slot: Slot }
  /** Simulate every replication held up to month `to` (never beyond its horizon). */
  | { readonly type: 'advance'; readonly round: number; readonly to: number };

/** New months of one replication: rows are months x N_CELLS values from month `from`. */
export interface ReplicationUpdate {
  readonly slot: Slot;
  readonly generation: number;
  readonly replicate: number;
  readonly from: number;
  readonly rows: Float64Array;
  /** Outcomes as measured at the last month simulated. */
  readonly outcomes: Outcomes;
  /** Replication 0 only, every third month and at the horizon: the organizations and their links. */
  readonly network?: NetworkSnapshot;
}

/** Worker to page. */
export type FromWorker =
  | { readonly type: 'advanced'; readonly round: number; readonly updates: readonly ReplicationUpdate[]; readonly ms: number }
  | { readonly type: 'error'; readonly message: string };
