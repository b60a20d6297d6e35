import { parentPort } from 'node:worker_threads';
import type { ToWorker } from './pool.js';
import { executeTask, type TaskSetup } from './task.js';

/**
 * A worker thread of a pool: holds the setup of the batch it is working on (a new one arrives
 * before the first task of each batch, so a warm thread serves many batches), runs the task
 * indices it is given and posts each result back (the series buffer is transferred, not copied).
 */
let setup: TaskSetup | undefined;
parentPort!.on('message', (message: ToWorker) => {
  if ('setup' in message) {
    setup = message.setup;
    return;
  }
  const index = message.task;
  // The test hook for a thread that dies mid-task (a crash or out of memory).
  if (setup!.exitTasks?.includes(index)) process.exit(7);
  const result = executeTask(setup!, index);
  parentPort!.postMessage(result, result.ok ? [result.series.buffer as ArrayBuffer] : []);
});
