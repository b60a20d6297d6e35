import { parentPort } from 'node:worker_threads';
import { WorldCopier } from '../model/worldCopy.js';
import { jobShare } from './jobs.js';
import type { ToWorker } from './pool.js';
import { executeTask, type TaskSetup } from './task.js';

/**
 * A worker thread of a pool: holds the setup of the batch it is working on (a new one arrives
 * before the first job of each batch, so a warm thread serves many batches), runs the jobs it is
 * given, task by task in order, handing a spun-up world on between a job's tasks, and posts each
 * result back as it finishes (the series buffer is transferred, not copied).
 */
let setup: TaskSetup | undefined;
// Kept for the thread's life: its compiled copiers stay warm from job to job.
const copier = new WorldCopier();
parentPort!.on('message', (message: ToWorker) => {
  if ('setup' in message) {
    setup = message.setup;
    return;
  }
  const tasks = message.tasks;
  const share = jobShare(copier, tasks);
  for (const index of tasks) {
    // The test hook for a thread that dies mid-task (a crash or out of memory).
    if (setup!.exitTasks?.includes(index)) process.exit(7);
    const result = executeTask(setup!, index, share);
    parentPort!.postMessage(result, result.ok ? [result.series.buffer as ArrayBuffer] : []);
  }
});
