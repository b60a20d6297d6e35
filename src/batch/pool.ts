import { Worker } from 'node:worker_threads';
import { WorldCopier } from '../model/worldCopy.js';
import { jobShare, spreadJobs, taskJobs } from './jobs.js';
import { executeTask, type TaskResult, type TaskSetup } from './task.js';

export interface RunOptions {
  readonly setup: TaskSetup;
  /** Called once per task, in the order results arrive. */
  readonly onResult: (result: TaskResult) => void;
  /** Checked before each dispatch: true stops handing out tasks (e.g. after Ctrl-C). */
  readonly stopped?: () => boolean;
}

export interface PoolOptions extends RunOptions {
  /** Worker threads; 0 runs every task on the calling thread (no threads at all). */
  readonly workers: number;
  /**
   * A live pool to run on (at most `workers` of its threads at once), kept open afterwards;
   * without one, a pool is started for this call and closed at its end.
   */
  readonly pool?: WorkerPool;
}

/** What the pool posts to a worker: a new setup (once per run, before its first job) or a job: tasks to run in order. */
export type ToWorker = { readonly setup: TaskSetup } | { readonly tasks: readonly number[] };

/**
 * The worker script. Compiled code runs dist/batch/worker.js; under the tests, which run the
 * TypeScript sources, a small JS shim registers tsx inside the worker first (tsx does not hook
 * worker threads on Node 20).
 */
function workerScript(): { url: URL; data: Record<string, unknown> } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { url: new URL('../../test/helpers/tsx-worker.mjs', here), data: { entry: new URL('./worker.ts', here).href } };
  return { url: new URL('./worker.js', here), data: {} };
}

interface Slot {
  readonly worker: Worker;
  /** The run whose setup this worker holds (0: none yet). */
  generation: number;
  /** The tasks of its job not yet returned, in the order it runs them (the first is in flight); empty when idle. */
  pending: number[];
  /** Terminated on purpose (the caller's handler failed, or the pool closed): its results are dropped. */
  doomed: boolean;
  /** The error that killed it, reported when it exits. */
  why?: string;
}

interface ActiveRun {
  /** Jobs not yet handed out, next first (a dead thread's unstarted tasks go back to the front). */
  readonly jobs: number[][];
  readonly options: RunOptions;
  readonly generation: number;
  /** Threads this run may keep busy at once. */
  readonly limit: number;
  /** Threads with a job. */
  inFlight: number;
  failed: boolean;
  failure: unknown;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Worker threads that live for a whole command and run one batch of tasks after another, each
 * with its own setup, so the JIT warm-up (seconds of CPU per thread) is paid once per command,
 * not once per round or scenario. Tasks are handed out in jobs (jobs.ts: the runs of a replicate
 * that share a spun-up world; otherwise one task each). Threads start when the first jobs need
 * them (their start-up overlaps the first runs), each takes the next job as soon as it is free,
 * and a thread that dies (out of memory, say) fails only its current task, is replaced, and the
 * rest of its job goes back to be handed out again. Idle threads do not keep
 * the process alive, so a command that ends without closing its pool still exits.
 */
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private run_: ActiveRun | undefined;
  private generation = 0;
  private closed = false;
  /** Threads started so far, replacements included. */
  started = 0;

  constructor(private size_: number) {
    if (!(Number.isInteger(size_) && size_ >= 1)) throw new Error(`a worker pool needs at least one thread, got ${size_}`);
  }

  get size(): number {
    return this.size_;
  }

  /** Threads alive now. */
  get threads(): number {
    return this.slots.size;
  }

  /** Allows up to `size` threads from the next dispatch on (a pool never shrinks while open). */
  grow(size: number): void {
    this.size_ = Math.max(this.size_, size);
  }

  /**
   * Runs the tasks on at most `workers` threads (default: the pool's size). Results may arrive in
   * any order: callers must not depend on it. One run at a time.
   */
  run(tasks: readonly number[], options: RunOptions & { readonly workers?: number }): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (this.run_) return Promise.reject(new Error('the worker pool is already running a batch'));
    const limit = Math.max(1, Math.min(this.size_, options.workers ?? this.size_));
    return new Promise<void>((resolve, reject) => {
      this.run_ = { jobs: spreadJobs(taskJobs(options.setup, tasks), limit), options, generation: ++this.generation, limit, inFlight: 0, failed: false, failure: undefined, resolve, reject };
      this.pump();
    });
  }

  /** Ends every thread. Further runs are refused; a run still going is rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const run = this.run_;
    if (run && !run.failed) {
      run.failed = true;
      run.failure = new Error('the worker pool was closed during a batch');
    }
    await Promise.all([...this.slots].map((slot) => this.terminate(slot)));
  }

  private halted(run: ActiveRun): boolean {
    return run.failed || run.options.stopped?.() === true;
  }

  /** Hands out tasks while there are some and threads to take them; settles the run once idle. */
  private pump(): void {
    const run = this.run_;
    if (!run) return;
    while (run.inFlight < run.limit && run.jobs.length > 0 && !this.halted(run)) {
      const slot = this.idleSlot() ?? this.start();
      if (slot.generation !== run.generation) {
        slot.worker.postMessage({ setup: run.options.setup } satisfies ToWorker);
        slot.generation = run.generation;
      }
      const job = run.jobs.shift()!;
      slot.pending = job.slice();
      run.inFlight += 1;
      slot.worker.ref();
      slot.worker.postMessage({ tasks: job } satisfies ToWorker);
    }
    if (run.inFlight > 0) return;
    this.run_ = undefined;
    if (run.failed) run.reject(run.failure);
    else run.resolve();
  }

  private idleSlot(): Slot | undefined {
    for (const slot of this.slots) if (slot.pending.length === 0 && !slot.doomed) return slot;
    return undefined;
  }

  // No V8 flags are set for the threads: GC flags cannot be changed once the main isolate runs
  // (v8.setFlagsFromString('--single-threaded-gc') aborts it) nor given in a Worker's execArgv,
  // and --no-concurrent-recompilation, which can, moves the JIT warm-up onto the threads and made
  // short batches slower (see the commit that added this note for the figures).
  private start(): Slot {
    const script = workerScript();
    const worker = new Worker(script.url, { workerData: script.data });
    const slot: Slot = { worker, generation: 0, pending: [], doomed: false };
    this.slots.add(slot);
    this.started += 1;
    worker.on('message', (result: TaskResult) => this.received(slot, result));
    worker.on('error', (error: Error) => {
      slot.why ??= error.message;
    });
    worker.on('exit', (code) => this.exited(slot, code));
    return slot;
  }

  /** Gives a result to the caller; a handler that throws (the disk is full) fails the run. */
  private deliver(run: ActiveRun, result: TaskResult): void {
    try {
      run.options.onResult(result);
    } catch (error) {
      this.fail(run, error);
    }
  }

  /** Stops the run: threads with a task in flight are ended (and replaced by a later run), idle ones stay warm. */
  private fail(run: ActiveRun, error: unknown): void {
    if (!run.failed) {
      run.failed = true;
      run.failure = error;
    }
    for (const slot of this.slots) if (slot.pending.length > 0) void this.terminate(slot);
  }

  private terminate(slot: Slot): Promise<number> {
    slot.doomed = true;
    return slot.worker.terminate();
  }

  private received(slot: Slot, result: TaskResult): void {
    const run = this.run_;
    if (slot.doomed || !run || slot.pending.length === 0) return;
    slot.pending.shift();
    const idle = slot.pending.length === 0;
    if (idle) {
      run.inFlight -= 1;
      slot.worker.unref();
    }
    this.deliver(run, result);
    if (idle) this.pump();
  }

  /**
   * A thread ended. One that dies mid-task fails only that task (the caller fills in its seed)
   * and is replaced by the next dispatch; the tasks of its job it had not started go back to be
   * handed out first, so the rest of the batch goes on.
   */
  private exited(slot: Slot, code: number): void {
    this.slots.delete(slot);
    const run = this.run_;
    if (slot.pending.length === 0 || !run) return;
    const [lost, ...unstarted] = slot.pending;
    slot.pending = [];
    run.inFlight -= 1;
    if (!slot.doomed) {
      if (unstarted.length > 0) run.jobs.unshift(unstarted);
      this.deliver(run, { ok: false, index: lost, seed: '', error: `worker died: ${slot.why ?? `exited with code ${code}`}`, ms: 0 });
    }
    this.pump();
  }
}

/**
 * Runs the given tasks on worker threads (or, with 0 workers, on the calling thread), on the
 * pool given or on one started for this call and closed at its end. A worker that dies fails
 * only its current task, with its seed, and is replaced. Results may arrive in any order:
 * callers must not depend on it.
 */
export async function runTasks(tasks: readonly number[], options: PoolOptions): Promise<void> {
  if (options.workers <= 0) {
    const copier = new WorldCopier();
    for (const job of taskJobs(options.setup, tasks)) {
      const share = jobShare(copier, job);
      for (const index of job) {
        if (options.stopped?.()) return;
        options.onResult(executeTask(options.setup, index, share));
        // Let signal handlers and progress output run between tasks.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return;
  }
  if (tasks.length === 0) return;
  const pool = options.pool ?? new WorkerPool(Math.min(options.workers, tasks.length));
  try {
    await pool.run(tasks, { setup: options.setup, onResult: options.onResult, stopped: options.stopped, workers: options.workers });
  } finally {
    if (!options.pool) await pool.close();
  }
}

let shared: WorkerPool | undefined;

/**
 * The pool of this process's command: the batch engine's callers (a batch, the rounds of a
 * research command, the scenarios of the pattern evaluation) all run on it, so its threads stay
 * warm from one call to the next. Undefined for 0 workers (tasks run on the calling thread).
 * It is ended when the process has nothing else to do (or by closeSharedPool); its idle threads
 * never keep the process alive meanwhile.
 */
export function sharedPool(workers: number): WorkerPool | undefined {
  if (workers <= 0) return undefined;
  if (!shared) {
    shared = new WorkerPool(workers);
    process.once('beforeExit', () => void closeSharedPool());
  } else shared.grow(workers);
  return shared;
}

/** Ends the shared pool's threads (a later sharedPool call starts a new one). */
export async function closeSharedPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
