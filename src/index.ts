/** The public library API of lesim: run the model from code, as the CLI does. */
export { runReplication, type RunResult, type RunOptions } from './model/run.js';
export { runEnsemble, type EnsembleOptions, type EnsembleResult } from './analysis/ensemble.js';
export { summariseValues, OnlineSummary, t975, type Summary } from './analysis/stats.js';
export { PARAMETERS, PARAMETER_NAMES, defaultParams, type Params, type ParameterName, type ParameterSpec } from './model/parameters.js';
export { resolveParams, ParameterError, closestParameterName } from './model/validate.js';
export { SCENARIOS, SCENARIO_NAMES, findScenario, resolveScenario, UnknownScenarioError, type Scenario } from './scenarios/index.js';
export { OUTCOMES, type OutcomeName, type Outcomes } from './model/outcomes.js';
export { CELLS, FAMILIES, N_CELLS, type Cell, type Family } from './model/recorder.js';
export * from './model/enums.js';
export { loadRun, loadSeries, loadEvents, tidy, parseCsv, RunDirectoryError, SERIES_FAMILIES, type RunData, type RunManifest, type RunSummary, type SeriesRow } from './load/index.js';
