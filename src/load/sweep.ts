import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LesimError } from '../errors.js';
import { InputFileError, readInputText } from '../io/inputFile.js';
import { csvNumber, parseCsv } from './csv.js';

/** summary.json of a sweep (docs/sweeps.md). */
export interface SweepSummary {
  readonly kind: 'sweep';
  readonly scenario: string;
  readonly title: string;
  readonly design: string;
  readonly parameters: readonly string[];
  readonly points: number;
  readonly replications: number;
  readonly base_seed: number;
  readonly failed_replications: number;
}

/** One design point: its number, the value of each swept parameter and how many runs it holds. */
export interface SweepPoint {
  readonly point: number;
  readonly values: Readonly<Record<string, number>>;
  readonly replicationsOk: number;
  readonly replicationsFailed: number;
}

/** One row of outcomes.csv: an outcome of one point over its replications (95% t interval). */
export interface SweepOutcome {
  readonly point: number;
  readonly values: Readonly<Record<string, number>>;
  readonly outcome: string;
  readonly mean: number;
  readonly sd: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly n: number;
}

export interface SweepData {
  readonly dir: string;
  readonly summary: SweepSummary;
  /** manifest.json as written (provenance, the sweep, the base parameters with units). */
  readonly manifest: Readonly<Record<string, unknown>> & {
    readonly lesim_version?: string;
    readonly git_commit?: string;
    readonly command?: readonly string[];
    readonly parameters?: Readonly<Record<string, { readonly value: number; readonly unit: string; readonly swept?: boolean }>>;
  };
  readonly points: readonly SweepPoint[];
  readonly outcomes: readonly SweepOutcome[];
}

/** A directory that is not a readable sweep: the message names the file and what was expected. */
export class SweepDirectoryError extends LesimError {
  constructor(message: string) {
    super(message);
    this.name = 'SweepDirectoryError';
  }
}

/** A sweep's outcomes.csv of many points can be large; the cap is the run files' (near the largest string Node holds). */
const MAX_SWEEP_FILE_BYTES = 500_000_000;

/** A file of the sweep directory, read through the one input loader (regular files only, size-capped). */
function readText(file: string): string {
  if (!existsSync(file)) throw new SweepDirectoryError(`${file}: missing; a sweep directory written by lesim sweep has it`);
  try {
    return readInputText(file, { what: 'lesim output file', maxBytes: MAX_SWEEP_FILE_BYTES });
  } catch (error) {
    throw error instanceof InputFileError ? new SweepDirectoryError(error.message) : error;
  }
}

/** Whether a directory holds the outputs of `lesim sweep` (summary.json says kind "sweep"). */
export function isSweepDirectory(dir: string): boolean {
  const file = join(dir, 'summary.json');
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readText(file)) as { kind?: unknown }).kind === 'sweep';
  } catch {
    return false;
  }
}

function readJson(file: string): Record<string, unknown> {
  const text = readText(file);
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new SweepDirectoryError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

function readCsv(dir: string, name: string, columns: readonly string[]): Record<string, string>[] {
  const file = join(dir, name);
  const text = readText(file);
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, file);
  } catch (error) {
    throw new SweepDirectoryError((error as Error).message);
  }
  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  const missing = columns.filter((c) => !header.includes(c));
  if (rows.length === 0) throw new SweepDirectoryError(`${file}: no rows`);
  if (missing.length > 0) throw new SweepDirectoryError(`${file}: missing column(s) ${missing.join(', ')}`);
  return rows;
}

/** Reads summary.json, manifest.json, points.csv and outcomes.csv of a sweep directory. */
export function loadSweep(dir: string): SweepData {
  const summary = readJson(join(dir, 'summary.json')) as unknown as SweepSummary;
  if (summary.kind !== 'sweep' || !Array.isArray(summary.parameters)) throw new SweepDirectoryError(`${join(dir, 'summary.json')}: not the summary of a sweep (kind "sweep" with its parameters)`);
  const manifest = readJson(join(dir, 'manifest.json')) as SweepData['manifest'];
  const names = summary.parameters;
  const valuesOf = (r: Record<string, string>) => Object.fromEntries(names.map((n) => [n, csvNumber(r[n])]));
  const points = readCsv(dir, 'points.csv', ['point', ...names, 'replications_ok', 'replications_failed']).map((r) => ({
    point: csvNumber(r.point),
    values: valuesOf(r),
    replicationsOk: csvNumber(r.replications_ok),
    replicationsFailed: csvNumber(r.replications_failed),
  }));
  const outcomes = readCsv(dir, 'outcomes.csv', ['point', ...names, 'outcome', 'mean', 'sd', 'ci_low', 'ci_high', 'n']).map((r) => ({
    point: csvNumber(r.point),
    values: valuesOf(r),
    outcome: r.outcome,
    mean: csvNumber(r.mean),
    sd: csvNumber(r.sd),
    ciLow: csvNumber(r.ci_low),
    ciHigh: csvNumber(r.ci_high),
    n: csvNumber(r.n),
  }));
  return { dir, summary, manifest, points, outcomes };
}
