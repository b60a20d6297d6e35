import { Worker } from 'node:worker_threads';
import { executeTask, type TaskResult, type TaskSetup } from './task.js';

export interface PoolOptions {
  /** Worker threads; 0 runs every task on the calling thread (no threads at all). */
  readonly workers: number;
  readonly setup: TaskSetup;
  /** Called once per task, in the order results arrive. */
  readonly onResult: (result: TaskResult) => void;
  /** Checked before each dispatch: true stops handing out tasks (e.g. after Ctrl-C). */
  readonly stopped?: () => boolean;
}

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

/**
 * Runs the given tasks on a pool of worker threads, each worker taking the next task as soon as
 * it is free. A worker that dies (out of memory, say) fails only its current task, with its seed,
 * and is replaced. Results may arrive in any order: callers must not depend on it.
 */
export async function runTasks(tasks: readonly number[], options: PoolOptions): Promise<void> {
  if (options.workers <= 0) {
    for (const index of tasks) {
      if (options.stopped?.()) return;
      options.onResult(executeTask(options.setup, index));
      // Let signal handlers and progress output run between tasks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  const script = workerScript();
  let next = 0;
  let active = 0;
  let failure: unknown;
  const workers = new Set<Worker>();
  await new Promise<void>((resolve, reject) => {
    const halted = () => failure !== undefined || options.stopped?.() === true;
    const finishIfIdle = () => {
      if (active > 0) return;
      if (failure !== undefined) reject(failure);
      else if (next >= tasks.length || options.stopped?.()) resolve();
    };
    // The caller's handler failed (e.g. the disk is full): stop every worker, report once idle.
    const fail = (error: unknown) => {
      failure ??= error;
      for (const w of workers) void w.terminate();
    };
    const deliver = (result: TaskResult): boolean => {
      try {
        options.onResult(result);
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    };
    const start = () => {
      const worker = new Worker(script.url, { workerData: { ...script.data, setup: options.setup } });
      workers.add(worker);
      let current = -1;
      const dispatch = () => {
        if (next >= tasks.length || halted()) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = tasks[next++];
        worker.postMessage(current);
      };
      // A worker that dies mid-task fails only that task, with its seed filled in by the caller,
      // and is replaced so the rest of the batch goes on.
      const lose = (why: string) => {
        if (current < 0 || failure !== undefined) return;
        const lost = current;
        current = -1;
        if (deliver({ ok: false, index: lost, seed: '', error: `worker died: ${why}`, ms: 0 }) && next < tasks.length && !halted()) start();
      };
      active += 1;
      worker.on('message', (result: TaskResult) => {
        current = -1;
        if (deliver(result)) dispatch();
      });
      worker.on('error', (error: Error) => lose(error.message));
      worker.on('exit', (code) => {
        lose(`exited with code ${code}`);
        workers.delete(worker);
        active -= 1;
        finishIfIdle();
      });
      dispatch();
    };
    const n = Math.min(options.workers, tasks.length);
    if (n === 0) resolve();
    for (let i = 0; i < n; i++) start();
  });
}
