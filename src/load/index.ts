export { parseCsv, csvNumber } from './csv.js';
export { loadRun, loadSeries, loadEvents, tidy, RunDirectoryError, SERIES_FAMILIES } from './run.js';
export type { RunData, RunManifest, RunSummary, OutcomeSummary, SeriesFamily, SeriesRow } from './run.js';
