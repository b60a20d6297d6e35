import { parentPort, workerData } from 'node:worker_threads';
import { executeTask, type TaskSetup } from './task.js';

/**
 * A worker thread: takes task indices, runs them with the setup it was started with, and posts
 * each result back (the series buffer is transferred, not copied).
 */
const setup = (workerData as { setup: TaskSetup }).setup;
parentPort!.on('message', (index: number) => {
  const result = executeTask(setup, index);
  parentPort!.postMessage(result, result.ok ? [result.series.buffer as ArrayBuffer] : []);
});
