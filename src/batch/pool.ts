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
  await new Promise<void>((resolve, reject) => {
    const finishIfIdle = () => {
      if (active === 0 && (next >= tasks.length || options.stopped?.())) resolve();
    };
    const start = () => {
      const worker = new Worker(script.url, { workerData: { ...script.data, setup: options.setup } });
      let current = -1;
      const dispatch = () => {
        if (next >= tasks.length || options.stopped?.()) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = tasks[next++];
        worker.postMessage(current);
      };
      active += 1;
      worker.on('message', (result: TaskResult) => {
        current = -1;
        try {
          options.onResult(result);
        } catch (error) {
          void worker.terminate();
          reject(error);
          return;
        }
        dispatch();
      });
      worker.on('error', (error: Error) => {
        if (current >= 0) {
          const lost = current;
          current = -1;
          try {
            options.onResult({ ok: false, index: lost, seed: '', error: `worker died: ${error.message}`, ms: 0 });
          } catch (inner) {
            reject(inner);
            return;
          }
          // Replace the dead worker so the rest of the batch goes on.
          if (next < tasks.length && !options.stopped?.()) start();
        }
      });
      worker.on('exit', () => {
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
