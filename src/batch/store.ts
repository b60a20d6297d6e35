import { isSystemError, LesimError, systemError } from '../errors.js';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeDirectories } from '../io/atomic.js';
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { ExactSeries } from '../analysis/exactSeries.js';
import type { Outcomes } from '../model/outcomes.js';
import { InputFileError, parseJsonInput, readGzipText, readJsonInput } from '../io/inputFile.js';
import { planFingerprint, type BatchPlan, type Shard } from './plan.js';
import { CheckpointSchema, CompleteSchema, firstIssue, RunRecordSchema, StoredPlanSchema } from './schemas.js';

/** Size caps of state files: generous for the largest real ones (a 100 000-point sweep plan, a 600-month checkpoint). */
const PLAN_MAX_BYTES = 500_000_000;
const RECORD_MAX_BYTES = 1_000_000;
const CHECKPOINT_MAX_BYTES = 200_000_000;

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

export class BatchStoreError extends LesimError {
  constructor(message: string) {
    super(message);
    this.name = 'BatchStoreError';
  }
}

/** Writes a file so that a reader sees the old content or the new, never a torn one. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    makeDirectories(dirname(path));
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw isSystemError(error) ? systemError(error, { path, doing: 'write the batch state', todo: error.code === 'ENOSPC' ? 'free some space, then continue with the same command and --resume' : undefined }) : error;
  }
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
    const stored = this.readState(file, StoredPlanSchema, 'plan', PLAN_MAX_BYTES) as unknown as StoredPlan;
    // The fingerprint is recomputed: a plan edited by hand (or torn) must not pass as the one that was run.
    if (planFingerprint(stored.plan) !== stored.fingerprint) {
      throw new BatchStoreError(`${file}: the plan does not match its fingerprint ${stored.fingerprint}; the file was changed after it was written: remove '${this.dir}' and run again`);
    }
    return stored;
  }

  /**
   * A state file read through the one input loader and checked against its schema: a file that
   * is not there, not a regular file, too large, not JSON or of the wrong shape is named.
   */
  private readState<T extends z.ZodType>(file: string, schema: T, what: string, maxBytes: number, gzipped = false): z.infer<T> {
    let data: unknown;
    try {
      const options = { what: `lesim ${what} file`, maxBytes };
      data = gzipped ? parseJsonInput(file, readGzipText(file, options)) : readJsonInput(file, options);
    } catch (error) {
      if (error instanceof InputFileError) throw new BatchStoreError(`${error.message}; the directory '${this.dir}' is damaged: remove it and run again`);
      throw error;
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new BatchStoreError(`${file}: not a lesim ${what} file (${firstIssue(parsed.error)}); the directory '${this.dir}' is damaged or was not written by lesim: remove it and run again`);
    return parsed.data;
  }

  writeRecord(record: RunRecord): void {
    writeFileAtomic(this.path('records', `p${record.point}`, `r${record.replicate}.json`), JSON.stringify(record) + '\n');
  }

  readRecord(point: number, replicate: number): RunRecord | undefined {
    const file = this.path('records', `p${point}`, `r${replicate}.json`);
    if (!existsSync(file)) return undefined;
    const record = this.readState(file, RunRecordSchema, 'run record', RECORD_MAX_BYTES) as RunRecord;
    if (record.point !== point || record.replicate !== replicate) {
      throw new BatchStoreError(`${file}: holds the record of point ${record.point}, replicate ${record.replicate}, not of point ${point}, replicate ${replicate}; the directory '${this.dir}' is damaged: remove it and run again`);
    }
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
    const data = this.readState(file, CheckpointSchema, 'checkpoint', CHECKPOINT_MAX_BYTES, true);
    return { folded: new Set(data.folded), series: ExactSeries.fromJSON(data.series) };
  }

  /** Marks the store as a complete shard (or whole batch) of the plan. */
  writeComplete(shard: Shard): void {
    writeFileAtomic(this.path('complete.json'), JSON.stringify({ shard }) + '\n');
  }

  readComplete(): Shard | undefined {
    const file = this.path('complete.json');
    return existsSync(file) ? this.readState(file, CompleteSchema, 'completion', RECORD_MAX_BYTES).shard : undefined;
  }
}
