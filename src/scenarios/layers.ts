import type { z } from 'zod';
import { describeValue, findNonFinite } from '../io/values.js';
import { isParameterName, PARAMETERS, type ParameterName, type Params } from '../model/parameters.js';
import { editDistance, ParameterError, resolveParams } from '../model/validate.js';
import { BUILTIN_DOCUMENTS } from './builtin/index.js';
import { ScenarioError, type ScenarioIssue } from './errors.js';
import { LEVERS, allowedText, leverForParam } from './levers.js';
import { allowedKeys, ScenarioFileSchema, type ScenarioDocument } from './schema.js';
import type { Scenario } from './scenario.js';
import { getPath, leversToOverrides } from './translate.js';

/**
 * Scenario layers checked, chained and merged, with nothing read from disk: the part of scenario
 * loading that runs in the browser too (lesim explore). Reading files is in load.ts.
 */

/** One source of levers: a file, a built-in scenario, or one --set. */
export interface Layer {
  readonly source: string;
  readonly doc: ScenarioDocument;
  /** Line and column of a dotted path in the source, when it has lines. */
  readonly locate: (path: readonly (string | number)[]) => { line: number; column: number } | undefined;
}

export const NO_LINES = () => undefined;

export const builtinNames = (): string[] => Object.keys(BUILTIN_DOCUMENTS);

export const MAX_EXTENDS_DEPTH = 20;

/** The built-ins a built-in extends, then itself. A built-in extends built-ins only. */
export function builtinLayers(name: string, stack: readonly string[]): Layer[] {
  const doc = BUILTIN_DOCUMENTS[name];
  const layer: Layer = { source: `built-in scenario '${name}'`, doc, locate: NO_LINES };
  const parent = doc.extends as string | undefined;
  if (!parent) return [layer];
  const chain = [...stack, `builtin:${name}`];
  const source = layer.source;
  if (chain.length > MAX_EXTENDS_DEPTH) throw new ScenarioError([{ source, path: 'extends', message: `extends is nested more than ${MAX_EXTENDS_DEPTH} deep` }]);
  if (!(parent in BUILTIN_DOCUMENTS)) throw new ScenarioError([{ source, path: 'extends', message: unknownScenario(parent) }]);
  if (chain.includes(`builtin:${parent}`)) throw extendsCycle([...chain, `builtin:${parent}`].map((x) => x.slice('builtin:'.length)), source);
  return [...builtinLayers(parent, chain), layer];
}

export function unknownScenario(ref: string): string {
  return `unknown scenario '${ref}'; allowed: a built-in scenario (${builtinNames().join(', ')}) or the path of a .yaml, .yml or .json scenario file`;
}

export function extendsCycle(names: readonly string[], source: string): ScenarioError {
  return new ScenarioError([{ source, path: 'extends', message: `extends forms a cycle: ${names.join(' -> ')}; allowed: a chain that ends in a built-in scenario or a file without extends` }]);
}

/**
 * A scenario document that extends a built-in (as a scenario file of the page does), checked and
 * resolved exactly as the same file would be by lesim validate, with `source` naming it in messages.
 */
export function resolveOnBuiltin(doc: ScenarioDocument, source: string, fallbackName: string): { scenario: Scenario; params: Params } {
  const layer: Layer = { source, doc, locate: NO_LINES };
  checkLayer(layer);
  const parent = doc.extends as string | undefined;
  if (parent !== undefined && !(parent in BUILTIN_DOCUMENTS)) throw new ScenarioError([{ source, path: 'extends', message: unknownScenario(parent) }]);
  const layers = parent === undefined ? [layer] : [...builtinLayers(parent, []), layer];
  return scenarioFromLayers(layers, String(doc.name ?? fallbackName));
}

function leverAllowed(path: readonly (string | number)[]): string | undefined {
  const dotted = path.join('.');
  const l = LEVERS.find((x) => x.path === dotted);
  if (l) return allowedText(l);
  if (path[0] === 'parameters' && path.length === 2 && isParameterName(String(path[1]))) {
    const spec = PARAMETERS[path[1] as ParameterName];
    return `a${spec.integer ? ' whole' : ''} number from ${spec.min} to ${spec.max} (${spec.unit})`;
  }
  return undefined;
}

function issueMessage(issue: z.core.$ZodIssue, doc: ScenarioDocument): string {
  const got = `got ${describeValue(getPath(doc, issue.path.join('.')))}`;
  const allowed = leverAllowed(issue.path as (string | number)[]);
  switch (issue.code) {
    case 'invalid_type':
      return `${got}; allowed: ${allowed ?? (issue.expected === 'object' ? 'a mapping of fields' : issue.expected === 'array' ? 'a list' : issue.expected)}`;
    case 'too_big':
    case 'too_small':
      return `${got}; allowed: ${allowed ?? issue.message}`;
    case 'invalid_value':
      return `${got}; allowed: one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return `${got}; allowed: ${allowed ?? issue.message}`;
    default:
      return `${got}; ${issue.message}`;
  }
}

/** Checks one layer against the schema; throws every problem at once, each with its line. */
export function checkLayer(layer: Layer): void {
  const bad = findNonFinite(layer.doc);
  if (bad) throw new ScenarioError([{ source: layer.source, ...layer.locate(bad.path), path: bad.path.join('.'), message: `got ${describeValue(bad.value)}; allowed: a finite number` }]);
  const result = ScenarioFileSchema.safeParse(layer.doc);
  if (result.success) return;
  const issues: ScenarioIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(issue.path as (string | number)[]) ?? [];
      for (const key of issue.keys) {
        const path = [...issue.path, key] as (string | number)[];
        const hint = closest(key, allowed);
        issues.push({ source: layer.source, ...layer.locate(path), path: path.join('.'), message: `unknown field${hint ? ` (did you mean '${hint}'?)` : ''}; allowed here: ${allowed.join(', ')}` });
      }
      continue;
    }
    const path = issue.path as (string | number)[];
    issues.push({ source: layer.source, ...layer.locate(path), path: path.join('.'), message: issueMessage(issue, layer.doc) });
  }
  throw new ScenarioError(issues);
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  const prefixed = candidates.find((c) => word.length >= 3 && (c.startsWith(word) || word.startsWith(c)));
  if (prefixed) return prefixed;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return bestScore <= Math.max(2, word.length / 3) ? best : undefined;
}

interface Origin {
  readonly source: string;
  readonly line?: number;
  readonly column?: number;
}

const META = new Set(['name', 'title', 'description', 'sources', 'extends']);

function mergeInto(target: Record<string, unknown>, doc: Record<string, unknown>, prefix: string[], layer: Layer, origins: Map<string, Origin>): void {
  for (const [key, value] of Object.entries(doc)) {
    if (prefix.length === 0 && META.has(key)) continue;
    const path = [...prefix, key];
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const child = (target[key] ??= {}) as Record<string, unknown>;
      mergeInto(child, value as Record<string, unknown>, path, layer, origins);
    } else {
      target[key] = value;
      origins.set(path.join('.'), { source: layer.source, ...layer.locate(path) });
    }
  }
}

export function scenarioFromLayers(layers: readonly Layer[], name: string, topIndex = layers.length - 1): { scenario: Scenario; params: Params } {
  const levers: Record<string, unknown> = {};
  const origins = new Map<string, Origin>();
  for (const layer of layers) mergeInto(levers, layer.doc, [], layer, origins);
  const top = layers[topIndex];
  const meta = (key: string) => [...layers].reverse().find((l) => l.doc[key] !== undefined)?.doc[key];
  const where = (path: string): Origin => origins.get(path) ?? { source: top.source };
  const { overrides, issues } = leversToOverrides(levers);
  if (issues.length > 0) throw new ScenarioError(issues.map((i) => ({ ...where(i.path), path: i.path, message: i.message })));
  let params: Params;
  try {
    params = resolveParams(overrides, name);
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    throw new ScenarioError(error.issues.map((i) => parameterIssue(i.field, i.message, where)));
  }
  const ownDoc = top.doc;
  const scenario: Scenario = {
    name,
    title: String(meta('title') ?? name),
    description: String(meta('description') ?? ''),
    sources: (meta('sources') as string[] | undefined) ?? [],
    overrides,
    levers,
    extends: ownDoc.extends as string | undefined,
    origin: top.source,
  };
  return { scenario, params };
}

/** A cross-field problem from the parameter check, told in the lever vocabulary where one exists. */
function parameterIssue(field: string, message: string, where: (path: string) => Origin): ScenarioIssue {
  const names = field.split(/[^A-Za-z_]+/).filter((x) => isParameterName(x)) as ParameterName[];
  const lever = names.map((x) => leverForParam(x)).find((l) => l !== undefined);
  const path = lever ? `${lever.path} (${field})` : `parameters.${field}`;
  const origin = lever ? where(lever.path) : where(`parameters.${names[0] ?? field}`);
  return { ...origin, path, message };
}

/** The built-in scenario documents resolved (used to build the registry). */
export function resolveBuiltin(name: string): { scenario: Scenario; params: Params } {
  return scenarioFromLayers(builtinLayers(name, []), name);
}
