import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ExactSeries } from '../analysis/exactSeries.js';
import type { Outcomes } from '../model/outcomes.js';
import type { BatchPlan, Shard } from './plan.js';

/** What is kept of each finished run: its identity, seed, and outcomes or error. */
export interface RunRecord {
  readonly point: number;
  readonly replicate: number;
  readonly seed: string;
  readonly ok: boolean;
  readonly outcomes?: Outcomes;
  readonly error?: string;
}

export interface AccumulatorCheckpoint {
  readonly series: ExactSeries;
  /** Replicates whose series are in `series`. */
  readonly folded: ReadonlySet<number>;
}

/** Which lesim made a store: results of different versions must not be mixed. */
export interface MadeWith {
  readonly lesim_version: string;
  readonly git_commit: string;
}

export interface StoredPlan {
  readonly fingerprint: string;
  readonly shard: Shard;
  readonly made_with: MadeWith;
  readonly plan: BatchPlan;
}

export class BatchStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchStoreError';
  }
}

/** Writes a file so that a reader sees the old content or the new, never a torn one. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/**
 * The working state of a batch on disk: its plan, one record per finished run, checkpoints of
 * the running series sums per point, and (if asked) each run's events and raw series. A batch
 * interrupted at any moment can be resumed from it; a finished shard's store is what
 * `lesim merge` reads.
 */
export class BatchStore {
  constructor(readonly dir: string) {}

  private path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  exists(): boolean {
    return existsSync(this.path('plan.json'));
  }

  /**
   * The plan, its fingerprint, the slice of it this store runs, and the lesim that made it: a
   * resume or merge must match all of them.
   */
  writePlan(plan: BatchPlan, fingerprint: string, shard: Shard, madeWith: MadeWith): void {
    writeFileAtomic(this.path('plan.json'), JSON.stringify({ fingerprint, shard, made_with: madeWith, plan }) + '\n');
  }

  readPlan(): StoredPlan {
    const file = this.path('plan.json');
    if (!existsSync(file)) throw new BatchStoreError(`${file}: not found; '${this.dir}' does not hold a lesim batch`);
    return this.readJson<StoredPlan>(file);
  }

  private readJson<T>(file: string, gzipped = false): T {
    try {
      const bytes = readFileSync(file);
      return JSON.parse((gzipped ? gunzipSync(bytes) : bytes).toString('utf8')) as T;
    } catch (error) {
      throw new BatchStoreError(`${file}: unreadable (${(error as Error).message}); the directory is damaged: remove it and run again`);
    }
  }

  writeRecord(record: RunRecord): void {
    writeFileAtomic(this.path('records', `p${record.point}`, `r${record.replicate}.json`), JSON.stringify(record) + '\n');
  }

  readRecord(point: number, replicate: number): RunRecord | undefined {
    const file = this.path('records', `p${point}`, `r${replicate}.json`);
    if (!existsSync(file)) return undefined;
    const record = this.readJson<RunRecord>(file);
    // JSON has no NaN: an outcome undefined in this run (written as null) reads back as NaN.
    if (record.outcomes) for (const [k, v] of Object.entries(record.outcomes)) if (v === null) (record.outcomes as Record<string, number>)[k] = NaN;
    return record;
  }

  writeEvents(point: number, replicate: number, rows: string): void {
    writeFileAtomic(this.path('events', `p${point}`, `r${replicate}.csv`), rows);
  }

  eventsFile(point: number, replicate: number): string {
    return this.path('events', `p${point}`, `r${replicate}.csv`);
  }

  writeOrganizations(point: number, replicate: number, rows: string): void {
    writeFileAtomic(this.path('organizations', `p${point}`, `r${replicate}.csv`), rows);
  }

  organizationsFile(point: number, replicate: number): string {
    return this.path('organizations', `p${point}`, `r${replicate}.csv`);
  }

  writeRunSeries(point: number, replicate: number, csv: string): void {
    writeFileAtomic(this.path('runs', `p${point}`, `r${replicate}.csv`), csv);
  }

  runSeriesFile(point: number, replicate: number): string {
    return this.path('runs', `p${point}`, `r${replicate}.csv`);
  }

  writeCheckpoint(point: number, checkpoint: AccumulatorCheckpoint): void {
    const data = JSON.stringify({ folded: [...checkpoint.folded].sort((a, b) => a - b), series: checkpoint.series.toJSON() });
    writeFileAtomic(this.path('sums', `p${point}.json.gz`), gzipSync(data));
  }

  readCheckpoint(point: number): AccumulatorCheckpoint | undefined {
    const file = this.path('sums', `p${point}.json.gz`);
    if (!existsSync(file)) return undefined;
    const data = this.readJson<{ folded: number[]; series: Parameters<typeof ExactSeries.fromJSON>[0] }>(file, true);
    return { folded: new Set(data.folded), series: ExactSeries.fromJSON(data.series) };
  }

  /** Marks the store as a complete shard (or whole batch) of the plan. */
  writeComplete(shard: Shard): void {
    writeFileAtomic(this.path('complete.json'), JSON.stringify({ shard }) + '\n');
  }

  readComplete(): Shard | undefined {
    const file = this.path('complete.json');
    return existsSync(file) ? this.readJson<{ shard: Shard }>(file).shard : undefined;
  }
}
