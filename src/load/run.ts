import { LesimError } from '../errors.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputFileError, readInputText } from '../io/inputFile.js';
import { FAMILIES, type Family } from '../model/recorder.js';
import { csvNumber, parseCsv } from './csv.js';

/** The metric families written by `lesim run`, one CSV each (docs/outputs.md). */
export const SERIES_FAMILIES = FAMILIES;
export type SeriesFamily = Family;

/**
 * One row of a series file: the month, its calendar label, the family's key columns (for example
 * measure, formality and origin in spectrum.csv) and the statistics across replications.
 */
export interface SeriesRow {
  readonly month: number;
  readonly date: string;
  readonly keys: Readonly<Record<string, string>>;
  readonly mean: number;
  readonly sd: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly n: number;
}

export interface OutcomeSummary {
  readonly mean: number | null;
  readonly sd: number | null;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  readonly n: number;
}

/** summary.json of a run. */
export interface RunSummary {
  readonly scenario: string;
  readonly title: string;
  readonly replications: number;
  readonly months: number;
  readonly base_seed: number;
  readonly outcomes: Readonly<Record<string, OutcomeSummary>>;
}

/** manifest.json of a run (the fields analysis needs; the file holds more). */
export interface RunManifest {
  readonly tool: string;
  readonly lesim_version: string;
  readonly git_commit: string;
  readonly node_version: string;
  readonly command: readonly string[];
  readonly started_at: string;
  readonly finished_at: string;
  readonly scenario: { readonly name: string; readonly title: string; readonly description: string; readonly sources: readonly string[]; readonly overrides: Readonly<Record<string, unknown>> };
  readonly replications: number;
  readonly months: number;
  readonly base_seed: number;
  readonly seeds: readonly { readonly replicate: number; readonly seed: string }[];
  readonly parameters: Readonly<Record<string, { readonly value: number; readonly unit: string }>>;
  readonly files: readonly string[];
}

/** Everything in a run directory, read from its files only. */
export interface RunData {
  readonly dir: string;
  readonly manifest: RunManifest;
  readonly summary: RunSummary;
  readonly series: Readonly<Record<SeriesFamily, readonly SeriesRow[]>>;
  /** replications.csv: one record per replicate; outcome values as numbers (NaN if undefined). */
  readonly replications: readonly Readonly<Record<string, number | string>>[];
}

export class RunDirectoryError extends LesimError {
  constructor(message: string) {
    super(message);
    this.name = 'RunDirectoryError';
  }
}

const STAT_COLUMNS = new Set(['month', 'date', 'mean', 'sd', 'ci_low', 'ci_high', 'n']);

/** Near the largest string Node can hold: an events.csv of a very long run. */
const MAX_RUN_FILE_BYTES = 500_000_000;

function readText(dir: string, name: string): string {
  const path = join(dir, name);
  if (!existsSync(path)) throw new RunDirectoryError(`${path}: not found; is '${dir}' a directory written by lesim run?`);
  try {
    return readInputText(path, { what: 'lesim output file', maxBytes: MAX_RUN_FILE_BYTES });
  } catch (error) {
    throw error instanceof InputFileError ? new RunDirectoryError(error.message) : error;
  }
}

function readJson<T>(dir: string, name: string): T {
  const text = readText(dir, name);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new RunDirectoryError(`${join(dir, name)}: not valid JSON (${(error as Error).message})`);
  }
}

/** Rows of one series file. */
export function loadSeries(dir: string, family: SeriesFamily): SeriesRow[] {
  const file = join(dir, `${family}.csv`);
  let records: Record<string, string>[];
  try {
    records = parseCsv(readText(dir, `${family}.csv`), file);
  } catch (error) {
    if (error instanceof RunDirectoryError) throw error;
    throw new RunDirectoryError((error as Error).message);
  }
  return records.map((r) => ({
    month: csvNumber(r.month),
    date: r.date,
    keys: Object.fromEntries(Object.entries(r).filter(([k]) => !STAT_COLUMNS.has(k))),
    mean: csvNumber(r.mean),
    sd: csvNumber(r.sd),
    ciLow: csvNumber(r.ci_low),
    ciHigh: csvNumber(r.ci_high),
    n: csvNumber(r.n),
  }));
}

/**
 * Reads a run directory written by `lesim run`: manifest, summary, every series file and the
 * per-replication outcomes. The events file is left out (it can be large); see loadEvents.
 */
export function loadRun(dir: string): RunData {
  const manifest = readJson<RunManifest>(dir, 'manifest.json');
  const summary = readJson<RunSummary>(dir, 'summary.json');
  const series = Object.fromEntries(SERIES_FAMILIES.map((f) => [f, loadSeries(dir, f)])) as Record<SeriesFamily, SeriesRow[]>;
  const replications = parseCsv(readText(dir, 'replications.csv'), join(dir, 'replications.csv')).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'seed' ? v : csvNumber(v)])),
  );
  return { dir, manifest, summary, series, replications };
}

/** events.csv as records (all fields strings), or an empty list if the run was written with --no-events. */
export function loadEvents(dir: string): Record<string, string>[] {
  if (!existsSync(join(dir, 'events.csv'))) return [];
  return parseCsv(readText(dir, 'events.csv'), join(dir, 'events.csv'));
}

/**
 * Flattens series rows to plain records (keys spread as columns), the shape Vega-Lite and
 * data-frame tools take.
 */
export function tidy(rows: readonly SeriesRow[]): Record<string, string | number>[] {
  return rows.map((r) => ({ month: r.month, date: r.date, ...r.keys, mean: r.mean, sd: r.sd, ci_low: r.ciLow, ci_high: r.ciHigh, n: r.n }));
}
