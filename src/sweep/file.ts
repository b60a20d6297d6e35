import { LesimError } from '../errors.js';
import { LineCounter, parseDocument } from 'yaml';
import { describeValue, findNonFinite, InputFileError, readInputText, yamlToData } from '../io/inputFile.js';
import { yamlLocator } from '../io/yamlLocation.js';
import { z } from 'zod';
import type { BatchPlan } from '../batch/plan.js';
import { PARAMETERS, isParameterName, type ParameterName } from '../model/parameters.js';
import { closestParameterName, resolveParams, ParameterError } from '../model/validate.js';
import { dirname, resolve } from 'node:path';
import { loadScenarioArgument, resolveScenario, SCENARIO_NAMES } from '../scenarios/index.js';
import { DESIGNS, factorial, latinHypercube, sobol, type Design, type Levels } from './designs.js';
import { SOBOL_MAX_DIMENSIONS } from './sobol.js';

/** A problem in a sweep file: the file, the line where known, the field path and what is allowed. */
export class SweepFileError extends LesimError {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'SweepFileError';
  }
}

const MAX_POINTS = 100_000;
const MAX_SWEEP_FILE_BYTES = 1_000_000;

const sweepSchema = z
  .object({
    scenario: z.string().default('gde-baseline'),
    replications: z.number().int().min(1).max(1_000_000).default(10),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
    months: z.number().int().optional(),
    design: z.enum(DESIGNS).default('factorial'),
    samples: z.number().int().min(1).max(MAX_POINTS).optional(),
    parameters: z.record(z.string(), z.unknown()),
  })
  .strict();

export interface SweepSpec {
  readonly file: string;
  readonly scenario: string;
  readonly replications: number;
  readonly seed: number;
  readonly months?: number;
  readonly design: Design;
  readonly samples: number;
  readonly names: readonly ParameterName[];
  readonly points: readonly (readonly number[])[];
}

/**
 * Reads and checks a sweep file (YAML or JSON; JSON is YAML) and expands its design into points.
 * `seedOverride` (--seed) replaces the file's seed, which also draws a Latin hypercube.
 */
export function readSweepFile(file: string, seedOverride?: number): SweepSpec {
  let text: string;
  try {
    text = readInputText(file, { what: 'sweep file', maxBytes: MAX_SWEEP_FILE_BYTES });
  } catch (error) {
    throw error instanceof InputFileError ? new SweepFileError(file, '', error.problem) : error;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new SweepFileError(file, '', `not valid YAML or JSON: ${e.message.split('\n')[0]}`, line);
  }
  const locate = yamlLocator(doc, lines);
  const lineOf = (path: readonly (string | number)[]): number | undefined => locate(path)?.line;
  let raw: unknown;
  try {
    raw = yamlToData(file, doc);
  } catch (error) {
    throw error instanceof InputFileError ? new SweepFileError(file, '', error.problem) : error;
  }
  const bad = findNonFinite(raw);
  if (bad) throw new SweepFileError(file, bad.path.join('.'), `got ${describeValue(bad.value)}; allowed: a finite number`, lineOf(bad.path));
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new SweepFileError(file, '', 'expected a mapping with scenario, replications, seed, design and parameters', 1);
  const parsed = sweepSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0];
      throw new SweepFileError(file, [...path, key].join('.'), `unknown field; allowed: ${Object.keys(sweepSchema.shape).join(', ')}`, lineOf([...path, key]));
    }
    throw new SweepFileError(file, path.join('.'), explain(issue), lineOf(path));
  }
  const spec = parsed.data;
  // A built-in name, or a scenario file relative to the sweep file.
  const isFile = /\.(ya?ml|json)$/i.test(spec.scenario) || spec.scenario.includes('/');
  if (isFile) spec.scenario = resolve(dirname(file), spec.scenario);
  else if (!SCENARIO_NAMES.includes(spec.scenario)) {
    throw new SweepFileError(file, 'scenario', `unknown scenario '${spec.scenario}'; valid: ${SCENARIO_NAMES.join(', ')}, or a scenario file (.yaml, .yml or .json)`, lineOf(['scenario']));
  }
  loadScenarioArgument(spec.scenario);
  const names: ParameterName[] = [];
  const levels: Levels[] = [];
  for (const [name, value] of Object.entries(spec.parameters)) {
    const field = `parameters.${name}`;
    if (!isParameterName(name)) {
      const hint = closestParameterName(name);
      throw new SweepFileError(file, field, `unknown parameter${hint ? ` (did you mean '${hint}'?)` : ''}; see lesim params`, lineOf(['parameters', name]));
    }
    levels.push(readLevels(file, field, name, value, spec.design, (p) => lineOf(['parameters', name, ...p])));
    names.push(name);
  }
  if (names.length === 0) throw new SweepFileError(file, 'parameters', 'give at least one parameter to sweep', lineOf(['parameters']));
  let points: number[][];
  let samples = 0;
  if (spec.design === 'factorial') {
    if (spec.samples !== undefined) throw new SweepFileError(file, 'samples', 'a factorial design has no samples: its points are every combination of the lists', lineOf(['samples']));
    const size = levels.reduce((n, l) => n * (l.kind === 'list' ? l.values.length : 1), 1);
    if (size > MAX_POINTS) throw new SweepFileError(file, 'parameters', `the full factorial has ${size} points; at most ${MAX_POINTS} (use latin-hypercube or sobol)`, lineOf(['parameters']));
    points = factorial(levels);
  } else {
    if (spec.samples === undefined) throw new SweepFileError(file, 'samples', `a ${spec.design} design needs samples: the number of points, a whole number from 1 to ${MAX_POINTS}`, lineOf(['design']));
    samples = spec.samples;
    if (spec.design === 'sobol' && names.length > SOBOL_MAX_DIMENSIONS) throw new SweepFileError(file, 'parameters', `a sobol design takes at most ${SOBOL_MAX_DIMENSIONS} parameters (got ${names.length})`, lineOf(['parameters']));
    points = spec.design === 'sobol' ? sobol(levels, samples) : latinHypercube(levels, samples, seedOverride ?? spec.seed);
  }
  return { file, scenario: spec.scenario, replications: spec.replications, seed: seedOverride ?? spec.seed, months: spec.months, design: spec.design, samples, names, points };
}

function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_small':
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `allowed: ${issue.values.map((v) => String(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** A parameter's values: a list, {min, max} (with levels for a factorial design) or {from, to, step}. */
function readLevels(file: string, field: string, name: ParameterName, value: unknown, design: Design, lineOf: (p: (string | number)[]) => number | undefined): Levels {
  const spec = PARAMETERS[name];
  const allowed = `a${spec.integer ? 'n integer' : ' number'} from ${spec.min} to ${spec.max} (${spec.unit})`;
  const check = (x: unknown, path: (string | number)[]): number => {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < spec.min || x > spec.max || (spec.integer && !Number.isInteger(x))) {
      throw new SweepFileError(file, [field, ...path].join('.'), `got ${JSON.stringify(x)}; allowed: ${allowed}`, lineOf(path));
    }
    return x;
  };
  const shape = 'a list of values, {min, max} (with levels: n for a factorial design) or {from, to, step}';
  if (Array.isArray(value)) {
    if (value.length === 0) throw new SweepFileError(file, field, `empty list; give ${shape}`, lineOf([]));
    return { kind: 'list', values: value.map((x, i) => check(x, [i])) };
  }
  if (value === null || typeof value !== 'object') throw new SweepFileError(file, field, `got ${JSON.stringify(value)}; give ${shape}`, lineOf([]));
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).sort().join(',');
  if (keys === 'from,step,to') {
    const from = check(o.from, ['from']);
    const to = check(o.to, ['to']);
    const step = o.step;
    if (typeof step !== 'number' || !(step > 0)) throw new SweepFileError(file, `${field}.step`, `got ${JSON.stringify(step)}; allowed: a positive number`, lineOf(['step']));
    if (to < from) throw new SweepFileError(file, `${field}.to`, `${to} is below from (${from})`, lineOf(['to']));
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_POINTS) throw new SweepFileError(file, field, `${count} values; at most ${MAX_POINTS}`, lineOf([]));
    return { kind: 'list', values: Array.from({ length: count }, (_, i) => check(Number((from + i * step).toPrecision(12)), ['from'])) };
  }
  if (keys === 'max,min' || keys === 'levels,max,min') {
    const min = check(o.min, ['min']);
    const max = check(o.max, ['max']);
    if (max < min) throw new SweepFileError(file, `${field}.max`, `${max} is below min (${min})`, lineOf(['max']));
    if (o.levels === undefined) {
      if (design === 'factorial') throw new SweepFileError(file, field, 'a factorial design needs levels: n (how many evenly spaced values from min to max), or a list', lineOf([]));
      return { kind: 'range', min, max, integer: spec.integer === true };
    }
    const levels = o.levels;
    if (typeof levels !== 'number' || !Number.isInteger(levels) || levels < 2 || levels > 1000) throw new SweepFileError(file, `${field}.levels`, `got ${JSON.stringify(levels)}; allowed: a whole number from 2 to 1000`, lineOf(['levels']));
    const values = Array.from({ length: levels }, (_, i) => {
      const x = min + ((max - min) * i) / (levels - 1);
      return spec.integer ? Math.round(x) : Number(x.toPrecision(12));
    });
    return { kind: 'list', values: [...new Set(values)] };
  }
  throw new SweepFileError(file, field, `fields ${keys || '(none)'} not understood; give ${shape}`, lineOf([]));
}

/** The batch plan of a sweep: one point per design row, each a validated parameter set. */
export function sweepPlan(spec: SweepSpec, options: { crn: boolean; keepEvents: boolean; keepRuns: boolean; replications?: number; seed?: number }): BatchPlan {
  const { scenario } = loadScenarioArgument(spec.scenario);
  const base: Record<string, number> = { ...(scenario.overrides as Record<string, number>) };
  if (spec.months !== undefined) base.horizon_months = spec.months;
  // Validate the base once so that an error names the months rather than every point.
  try {
    resolveScenario(scenario, spec.months !== undefined ? { horizon_months: spec.months } : {});
  } catch (error) {
    if (error instanceof ParameterError) throw new SweepFileError(spec.file, 'months', error.issues.map((i) => i.message).join('; '));
    throw error;
  }
  const points = spec.points.map((row, id) => {
    const values = Object.fromEntries(spec.names.map((name, j) => [name, row[j]]));
    try {
      return { id, values, params: resolveParams({ ...base, ...values }, `${spec.file}: point ${id}`) };
    } catch (error) {
      if (error instanceof ParameterError) throw new SweepFileError(spec.file, `point ${id} (${spec.names.map((n, j) => `${n}=${row[j]}`).join(', ')})`, error.issues.map((i) => `${i.field}: ${i.message}`).join('; '));
      throw error;
    }
  });
  return {
    kind: 'sweep',
    scenario: { name: scenario.name, title: scenario.title, description: scenario.description, sources: scenario.sources, overrides: base },
    sweep: { file: spec.file, design: spec.design, samples: spec.samples, parameters: spec.names },
    points,
    replicates: options.replications ?? spec.replications,
    baseSeed: options.seed ?? spec.seed,
    crn: options.crn,
    keepEvents: options.keepEvents,
    keepRuns: options.keepRuns,
  };
}
