import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { csvNumber, parseCsv } from '../load/csv.js';
import { loadEvents, loadRun, RunDirectoryError, type RunData } from '../load/run.js';
import { isSweepDirectory, loadSweep, SweepDirectoryError, type SweepData } from '../load/sweep.js';
import { ChartInputError } from './runInfo.js';

export { ChartInputError, dateOfMonth, parameter } from './runInfo.js';

/** One row of comparison.csv, written by `lesim compare` (one row per scenario x outcome). */
export interface ComparisonRow {
  readonly scenario: string;
  readonly baseline: string;
  readonly outcome: string;
  readonly unit: string;
  readonly baselineMean: number;
  readonly scenarioMean: number;
  readonly differenceMean: number;
  readonly differenceCiLow: number;
  readonly differenceCiHigh: number;
  readonly n: number;
  /** Empty cost columns (cost undefined) read as NaN. */
  readonly extraCostGbp: number;
  readonly costPerUnitGbp: number;
  readonly costPerUnitCiLowGbp: number;
  readonly costPerUnitCiHighGbp: number;
}

export const COMPARISON_COLUMNS = [
  'scenario', 'baseline', 'outcome', 'unit', 'baseline_mean', 'scenario_mean', 'difference_mean', 'difference_ci_low',
  'difference_ci_high', 'n', 'extra_cost_gbp', 'cost_per_unit_gbp', 'cost_per_unit_ci_low_gbp', 'cost_per_unit_ci_high_gbp',
] as const;

/** A run directory (lesim run) and its events, read only if a chart needs them (the file is large). */
export interface RunSource {
  readonly type: 'run';
  readonly dir: string;
  readonly run: RunData;
  events(): readonly Record<string, string>[];
}

/** A comparison directory (lesim compare). */
export interface ComparisonSource {
  readonly type: 'comparison';
  readonly dir: string;
  readonly rows: readonly ComparisonRow[];
  /** manifest.json of the comparison, as written (provenance only). */
  readonly manifest: Readonly<Record<string, unknown>>;
}

/** A sweep directory (lesim sweep): its points and every outcome of each. */
export interface SweepSource {
  readonly type: 'sweep';
  readonly dir: string;
  readonly sweep: SweepData;
}

export type ChartSource = RunSource | ComparisonSource | SweepSource;

/** Reads comparison.csv, checking its header against the contract of `lesim compare`. */
export function loadComparison(dir: string): ComparisonRow[] {
  const file = join(dir, 'comparison.csv');
  let records: Record<string, string>[];
  try {
    records = parseCsv(readFileSync(file, 'utf8'), file);
  } catch (error) {
    throw new ChartInputError((error as Error).message);
  }
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  const missing = COMPARISON_COLUMNS.filter((c) => !header.includes(c));
  if (records.length === 0) throw new ChartInputError(`${file}: no rows; expected one row per scenario x outcome`);
  if (missing.length > 0) throw new ChartInputError(`${file}: missing column(s) ${missing.join(', ')}; expected ${COMPARISON_COLUMNS.join(',')}`);
  return records.map((r) => ({
    scenario: r.scenario,
    baseline: r.baseline,
    outcome: r.outcome,
    unit: r.unit,
    baselineMean: csvNumber(r.baseline_mean),
    scenarioMean: csvNumber(r.scenario_mean),
    differenceMean: csvNumber(r.difference_mean),
    differenceCiLow: csvNumber(r.difference_ci_low),
    differenceCiHigh: csvNumber(r.difference_ci_high),
    n: csvNumber(r.n),
    extraCostGbp: csvNumber(r.extra_cost_gbp),
    costPerUnitGbp: csvNumber(r.cost_per_unit_gbp),
    costPerUnitCiLowGbp: csvNumber(r.cost_per_unit_ci_low_gbp),
    costPerUnitCiHighGbp: csvNumber(r.cost_per_unit_ci_high_gbp),
  }));
}

/**
 * Opens a directory written by `lesim run`, `lesim compare` or `lesim sweep`, telling them apart by
 * their files (comparison.csv; summary.json of kind "sweep"; or manifest.json with summary.json and
 * the series files).
 */
export function openSource(dir: string): ChartSource {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ChartInputError(`'${dir}' is not a directory; give a directory written by lesim run or lesim compare`);
  if (existsSync(join(dir, 'comparison.csv'))) {
    const rows = loadComparison(dir);
    let manifest: Record<string, unknown> = {};
    const manifestFile = join(dir, 'manifest.json');
    if (existsSync(manifestFile)) {
      try {
        manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
      } catch (error) {
        throw new ChartInputError(`${manifestFile}: not valid JSON (${(error as Error).message})`);
      }
    }
    return { type: 'comparison', dir, rows, manifest };
  }
  if (isSweepDirectory(dir)) {
    try {
      return { type: 'sweep', dir, sweep: loadSweep(dir) };
    } catch (error) {
      if (error instanceof SweepDirectoryError) throw new ChartInputError(error.message);
      throw error;
    }
  }
  if (!existsSync(join(dir, 'manifest.json')) || !existsSync(join(dir, 'summary.json'))) {
    throw new ChartInputError(
      `'${dir}' is neither a run directory (written by lesim run: manifest.json, summary.json, spectrum.csv, ...), a comparison directory (written by lesim compare: comparison.csv) nor a sweep directory (written by lesim sweep: points.csv, outcomes.csv, summary.json)`,
    );
  }
  let run: RunData;
  try {
    run = loadRun(dir);
  } catch (error) {
    if (error instanceof RunDirectoryError) throw new ChartInputError(error.message);
    throw error;
  }
  let events: Record<string, string>[] | undefined;
  return {
    type: 'run',
    dir,
    run,
    events: () => {
      if (events === undefined) {
        try {
          events = loadEvents(dir);
        } catch (error) {
          throw new ChartInputError((error as Error).message);
        }
      }
      return events;
    },
  };
}
