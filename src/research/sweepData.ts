import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvNumber, parseCsv } from '../load/csv.js';
import { OUTCOMES } from '../model/outcomes.js';
import { ResearchInputError } from './errors.js';

/** The runs of a finished sweep directory (lesim sweep, or the runs of lesim sensitivity), as tables. */
export interface SweepData {
  readonly dir: string;
  readonly parameters: readonly string[];
  /** points[p][j]: the value of parameters[j] at point p. */
  readonly points: readonly (readonly number[])[];
  /** Replicate rows: point index and the outcomes of one run. */
  readonly replications: readonly { point: number; replicate: number; outcomes: Readonly<Record<string, number>> }[];
  readonly months: number;
  readonly startYear: number;
  readonly fingerprint?: string;
}

function read(dir: string, name: string): Record<string, string>[] {
  const file = join(dir, name);
  if (!existsSync(file)) throw new ResearchInputError(dir, name, 'missing: not a finished sweep directory (lesim sweep writes points.csv, replications.csv and manifest.json)');
  try {
    return parseCsv(readFileSync(file, 'utf8'), file);
  } catch (error) {
    throw new ResearchInputError(file, '', (error as Error).message);
  }
}

export function readSweepDir(dir: string): SweepData {
  if (!existsSync(dir)) throw new ResearchInputError(dir, '', 'directory not found');
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new ResearchInputError(dir, 'manifest.json', 'missing: not a finished lesim sweep directory');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { sweep?: { parameters?: string[] }; parameters?: Record<string, { value: number }>; plan_fingerprint?: string };
  const parameters = manifest.sweep?.parameters;
  if (!parameters) throw new ResearchInputError(manifestFile, 'sweep', 'not a sweep directory (a lesim run directory has no swept parameters)');
  const pointRows = read(dir, 'points.csv');
  const points = pointRows.map((r) => parameters.map((p) => csvNumber(r[p])));
  const replications = read(dir, 'replications.csv').map((r) => ({
    point: Number(r.point),
    replicate: Number(r.replicate),
    outcomes: Object.fromEntries(OUTCOMES.filter((o) => o in r).map((o) => [o, csvNumber(r[o])])),
  }));
  return {
    dir,
    parameters,
    points,
    replications,
    months: manifest.parameters?.horizon_months?.value ?? 120,
    startYear: manifest.parameters?.startYear_year?.value ?? 2017,
    fingerprint: manifest.plan_fingerprint,
  };
}

/** Checks an outcome name against the model's outcomes, naming the option. */
export function checkOutcome(name: string, option = '--outcome'): string {
  if (!(OUTCOMES as readonly string[]).includes(name)) {
    const close = OUTCOMES.filter((o) => o.includes(name) || name.includes(o)).slice(0, 5);
    throw new ResearchInputError(option, name, `unknown outcome${close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : ''}; the outcomes are the columns of replications.csv (docs/outputs.md)`);
  }
  return name;
}

/** Per point, the replicate values of one outcome (NaN where undefined or failed). */
export function outcomeByPoint(data: SweepData, outcome: string): number[][] {
  const out: number[][] = data.points.map(() => []);
  for (const r of data.replications) out[r.point][r.replicate] = r.outcomes[outcome] ?? NaN;
  return out.map((xs) => Array.from(xs, (x) => (x === undefined ? NaN : x)));
}

/**
 * A monthly series of every point, from a family file of the sweep (e.g. maturity.csv with
 * cohort=all): series[p][month] is the mean over replicates.
 */
export function pointSeries(data: SweepData, family: string, keys: Readonly<Record<string, string>>): { series: number[][]; dates: string[] } {
  const rows = read(data.dir, `${family}.csv`);
  const series: number[][] = data.points.map(() => []);
  const dates: string[] = [];
  for (const r of rows) {
    if (Object.entries(keys).some(([k, v]) => r[k] !== v)) continue;
    const m = Number(r.month);
    series[Number(r.point)][m] = csvNumber(r.mean);
    dates[m] = r.date;
  }
  if (dates.length === 0) throw new ResearchInputError(`${data.dir}/${family}.csv`, Object.entries(keys).map(([k, v]) => `${k}=${v}`).join(','), 'no rows match');
  return { series, dates };
}
