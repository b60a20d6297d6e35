import { dirname, resolve } from 'node:path';
import { ResearchInputError } from './errors.js';
import { checkFactor, parseFactorList, type Factor } from './factors.js';
import { readYamlFile } from './yamlFile.js';

/** What a sensitivity analysis varies and on which scenario, from a sweep file or a list. */
export interface SensitivityInput {
  readonly source: string;
  readonly scenario?: string;
  readonly replications?: number;
  readonly seed?: number;
  readonly months?: number;
  readonly factors: readonly Factor[];
}

export function looksLikeFile(arg: string): boolean {
  return /\.(ya?ml|json)$/i.test(arg);
}

/**
 * A sweep file's parameters as factors: {min, max} ranges, lists (their smallest and largest
 * value) or {from, to, step}; the file's scenario, replications, seed and months are kept and
 * its design is replaced by the method's.
 */
export function readSensitivityFile(file: string): SensitivityInput {
  const { data, lineOf } = readYamlFile(file, 'sweep file');
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ResearchInputError(file, '', 'expected a sweep file: a mapping with scenario, replications, seed and parameters', 1);
  const o = data as Record<string, unknown>;
  const at = (field: string, problem: string, path: (string | number)[] = [field]) => new ResearchInputError(file, field, problem, lineOf(path));
  const whole = (field: string, min: number) => {
    const v = o[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw at(field, `got ${JSON.stringify(v)}; allowed: a whole number of at least ${min}`);
    return v;
  };
  const params = o.parameters;
  if (params === null || typeof params !== 'object' || Array.isArray(params) || Object.keys(params).length === 0) throw at('parameters', 'give at least one parameter with a range ({min, max}, a list, or {from, to, step})');
  const factors: Factor[] = [];
  for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
    const field = `parameters.${name}`;
    let min: number | undefined;
    let max: number | undefined;
    if (Array.isArray(value)) {
      if (value.length < 2 || value.some((v) => typeof v !== 'number')) throw at(field, 'a list needs at least two numbers (its smallest and largest are the range)', ['parameters', name]);
      min = Math.min(...(value as number[]));
      max = Math.max(...(value as number[]));
    } else if (value !== null && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      const lo = v.min ?? v.from;
      const hi = v.max ?? v.to;
      if (typeof lo !== 'number' || typeof hi !== 'number') throw at(field, 'expected {min, max}, {from, to, step} or a list of numbers', ['parameters', name]);
      min = lo;
      max = hi;
    } else throw at(field, `got ${JSON.stringify(value)}; expected {min, max}, {from, to, step} or a list of numbers`, ['parameters', name]);
    try {
      factors.push(checkFactor(file, field, name, min, max));
    } catch (error) {
      if (error instanceof ResearchInputError) throw new ResearchInputError(file, field, error.problem, lineOf(['parameters', name]));
      throw error;
    }
  }
  const scenario = o.scenario;
  if (scenario !== undefined && typeof scenario !== 'string') throw at('scenario', 'expected a scenario name or file');
  const isFile = typeof scenario === 'string' && (looksLikeFile(scenario) || scenario.includes('/'));
  return {
    source: file,
    scenario: isFile ? resolve(dirname(file), scenario) : scenario,
    replications: whole('replications', 1),
    seed: whole('seed', 0),
    months: whole('months', 1),
    factors,
  };
}

export function sensitivityInput(arg: string): SensitivityInput {
  if (looksLikeFile(arg)) return readSensitivityFile(arg);
  return { source: 'parameter list', factors: parseFactorList(arg, 'parameter list') };
}
