// tsx does not hook worker threads on Node 20: under tests, a worker starts here, registers tsx
// inside itself, then loads the TypeScript entry it was given.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
