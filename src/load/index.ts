export { parseCsv, csvNumber } from './csv.js';
export { loadRun, loadSeries, loadEvents, tidy, RunDirectoryError, SERIES_FAMILIES } from './run.js';
export type { RunData, RunManifest, RunSummary, OutcomeSummary, SeriesFamily, SeriesRow } from './run.js';
// Statistics as the run files compute them, so analyses of replications.csv match summary.json.
export { summariseValues, t975, type Summary } from '../analysis/stats.js';
export { loadSweep, isSweepDirectory, SweepDirectoryError } from './sweep.js';
export type { SweepData, SweepSummary, SweepPoint, SweepOutcome } from './sweep.js';
