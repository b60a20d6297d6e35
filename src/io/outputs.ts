import type { EnsembleResult } from '../analysis/ensemble.js';
import { citeSource, fullCitation, referencesIn } from '../sources/bibliography.js';
import { summariseValues, type Summary } from '../analysis/stats.js';
import { DIRECTIONS, FORMALITIES, INFLUENCES, MODES, ORIGINS } from '../model/enums.js';
import { OUTCOMES } from '../model/outcomes.js';
import { PARAMETERS, PARAMETER_NAMES } from '../model/parameters.js';
import { CELLS, FAMILIES, N_CELLS, type Family } from '../model/recorder.js';
import type { Scenario } from '../scenarios/index.js';
import { csvLine, monthDate } from './csv.js';
import type { ModelEvent } from '../model/state.js';

/** Provenance the caller supplies (the library itself never reads the clock). */
export interface RunProvenance {
  readonly lesimVersion: string;
  readonly gitCommit: string;
  readonly nodeVersion: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly command: readonly string[];
}

/** The provenance keys every manifest starts with (run, sweep, merge, compare). */
export function provenanceFields(provenance: RunProvenance): Record<string, unknown> {
  return {
    tool: 'lesim',
    lesim_version: provenance.lesimVersion,
    git_commit: provenance.gitCommit,
    node_version: provenance.nodeVersion,
    command: provenance.command,
    started_at: provenance.startedAt,
    finished_at: provenance.finishedAt,
  };
}

const STAT_COLUMNS = ['mean', 'sd', 'ci_low', 'ci_high', 'n'];

function statValues(s: Summary): number[] {
  return [s.mean, s.sd, s.ciLow, s.ciHigh, s.n];
}

/** Leading columns for the rows of one sweep point: `point` and the swept parameters' values. */
export interface RowPrefix {
  readonly names: readonly string[];
  readonly values: readonly (string | number)[];
}

const NO_PREFIX: RowPrefix = { names: [], values: [] };

/** One tidy CSV per metric family: month, date, the family's key columns, then the statistics. */
export function seriesCsv(result: EnsembleResult, family: Family, prefix: RowPrefix = NO_PREFIX, header = true): string {
  const cells = CELLS.map((cell, index) => ({ cell, index })).filter((c) => c.cell.family === family);
  const keyNames = Object.keys(cells[0].cell.keys);
  let out = header ? csvLine([...prefix.names, 'month', 'date', ...keyNames, ...STAT_COLUMNS]) : '';
  for (let month = 0; month < result.months; month++) {
    const date = monthDate(result.params.startYear_year, month);
    for (const { cell, index } of cells) {
      out += csvLine([...prefix.values, month, date, ...keyNames.map((k) => cell.keys[k]), ...statValues(result.series.get(month * N_CELLS + index))]);
    }
  }
  return out;
}

/** One row per replication: its seed and every outcome (replicate numbers as in the seeds). */
export function replicationsCsv(result: EnsembleResult, prefix: RowPrefix = NO_PREFIX, header = true, replicates?: readonly number[]): string {
  let out = header ? csvLine([...prefix.names, 'replicate', 'seed', ...OUTCOMES]) : '';
  result.outcomes.forEach((o, k) => {
    out += csvLine([...prefix.values, replicates ? replicates[k] : k, result.seeds[k], ...OUTCOMES.map((name) => o[name])]);
  });
  return out;
}

export const EVENT_COLUMNS = ['replicate', 'month', 'date', 'kind', 'what', 'relationship', 'mode', 'formality', 'origin', 'influence', 'direction', 'org_a', 'org_b', 'detail'];

/** CSV rows (no header) of one replication's events; `prefix` values lead each row (e.g. a sweep point). */
export function eventRows(events: readonly ModelEvent[], replicate: number, startYear: number, prefix: readonly (string | number)[] = []): string {
  const label = (names: readonly string[], i: number) => (i >= 0 ? names[i] : '');
  let out = '';
  for (const e of events) {
    out += csvLine([
      ...prefix,
      replicate,
      e.month,
      monthDate(startYear, e.month),
      e.kind,
      e.what,
      e.relationship,
      label(MODES, e.mode),
      label(FORMALITIES, e.formality),
      label(ORIGINS, e.origin),
      label(INFLUENCES, e.influence),
      label(DIRECTIONS, e.direction),
      e.orgA >= 0 ? e.orgA : '',
      e.orgB >= 0 ? e.orgB : '',
      e.detail,
    ]);
  }
  return out;
}

export function eventsCsv(result: EnsembleResult): string {
  let out = csvLine(EVENT_COLUMNS);
  result.events.forEach((events, k) => {
    out += eventRows(events, k, result.params.startYear_year);
  });
  return out;
}

const CELL_KEY_COLUMNS = ['measure', 'formality', 'origin', 'mode', 'knowledge', 'cohort'];
export const RUN_SERIES_COLUMNS = ['month', 'date', 'family', ...CELL_KEY_COLUMNS, 'value'];

/**
 * One replication's raw monthly series (kept with --keep-runs): one row per month and cell, the
 * cell's keys in their own columns (empty where a family has no such key).
 */
export function runSeriesCsv(series: Float64Array, months: number, startYear: number): string {
  let out = csvLine(RUN_SERIES_COLUMNS);
  for (let month = 0; month < months; month++) {
    const date = monthDate(startYear, month);
    for (let c = 0; c < N_CELLS; c++) {
      const cell = CELLS[c];
      const keys = cell.keys as Readonly<Record<string, string>>;
      out += csvLine([month, date, cell.family, ...CELL_KEY_COLUMNS.map((k) => keys[k] ?? ''), series[month * N_CELLS + c]]);
    }
  }
  return out;
}

/** Every outcome summarised across replications (mean, sd, 95% interval of the mean). */
export function outcomeSummaries(result: EnsembleResult): Record<string, { mean: number | null; sd: number | null; ci_low: number | null; ci_high: number | null; n: number }> {
  const clean = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(8)) : null);
  return Object.fromEntries(
    OUTCOMES.map((name) => {
      const s = summariseValues(result.outcomes.map((o) => o[name]));
      return [name, { mean: clean(s.mean), sd: clean(s.sd), ci_low: clean(s.ciLow), ci_high: clean(s.ciHigh), n: s.n }];
    }),
  );
}

export function summaryJson(scenario: Pick<Scenario, 'name' | 'title'>, result: EnsembleResult, extra: Readonly<Record<string, unknown>> = {}): string {
  return (
    JSON.stringify(
      {
        scenario: scenario.name,
        title: scenario.title,
        replications: result.replications,
        months: result.months,
        base_seed: result.baseSeed,
        ...extra,
        outcomes: outcomeSummaries(result),
      },
      null,
      2,
    ) + '\n'
  );
}

export function manifestJson(
  scenario: Pick<Scenario, 'name' | 'title' | 'description' | 'sources' | 'overrides'>,
  result: EnsembleResult,
  provenance: RunProvenance,
  files: readonly string[],
  extra: Readonly<Record<string, unknown>> = {},
): string {
  const parameters = Object.fromEntries(PARAMETER_NAMES.map((name) => [name, { value: result.params[name], unit: PARAMETERS[name].unit }]));
  return (
    JSON.stringify(
      {
        ...provenanceFields(provenance),
        scenario: { name: scenario.name, title: scenario.title, description: scenario.description, sources: scenario.sources.map(citeSource), overrides: scenario.overrides },
        references: referencesIn(scenario.sources).map(fullCitation),
        replications: result.replications,
        months: result.months,
        base_seed: result.baseSeed,
        seeds: result.seeds.map((seed, replicate) => ({ replicate, seed })),
        parameters,
        files,
        ...extra,
      },
      null,
      2,
    ) + '\n'
  );
}

/** All files of a run directory, by name. */
export function runFiles(scenario: Scenario, result: EnsembleResult, provenance: RunProvenance, withEvents = true): Map<string, string> {
  const files = new Map<string, string>();
  for (const family of FAMILIES) files.set(`${family}.csv`, seriesCsv(result, family));
  files.set('replications.csv', replicationsCsv(result));
  if (withEvents) files.set('events.csv', eventsCsv(result));
  files.set('summary.json', summaryJson(scenario, result));
  files.set('manifest.json', manifestJson(scenario, result, provenance, [...files.keys(), 'manifest.json']));
  return files;
}
