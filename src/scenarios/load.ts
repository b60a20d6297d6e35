import { existsSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { LineCounter, parse as parseYamlValue, parseDocument } from 'yaml';
import { describeValue, findNonFinite, InputFileError, readInputText, yamlToData } from '../io/inputFile.js';
import { yamlLocator } from '../io/yamlLocation.js';
import type { z } from 'zod';
import { isParameterName, PARAMETERS, type ParameterName, type Params } from '../model/parameters.js';
import { editDistance, ParameterError, resolveParams } from '../model/validate.js';
import { BUILTIN_DOCUMENTS } from './builtin/index.js';
import { ScenarioError, type ScenarioIssue } from './errors.js';
import { LEVERS, allowedText, leverForParam } from './levers.js';
import { allowedKeys, ScenarioFileSchema, type ScenarioDocument } from './schema.js';
import type { Scenario } from './scenario.js';
import { getPath, leversToOverrides } from './translate.js';

/** One source of levers: a file, a built-in scenario, or one --set. */
interface Layer {
  readonly source: string;
  readonly doc: ScenarioDocument;
  /** Line and column of a dotted path in the source, when it has lines. */
  readonly locate: (path: readonly (string | number)[]) => { line: number; column: number } | undefined;
}

const NO_LINES = () => undefined;
const MAX_FILE_BYTES = 1_000_000;
const MAX_EXTENDS_DEPTH = 20;

export const builtinNames = (): string[] => Object.keys(BUILTIN_DOCUMENTS);

/** Whether an argument names a scenario file rather than a built-in scenario. */
export function looksLikeFile(arg: string): boolean {
  return /[\\/]/.test(arg) || /\.(ya?ml|json)$/i.test(arg) || (existsSync(arg) && !(arg in BUILTIN_DOCUMENTS));
}

// ---- Reading and checking one layer -----------------------------------------------------------

function readLayer(path: string): Layer {
  const source = path;
  const fail = (message: string, line?: number, column?: number): never => {
    throw new ScenarioError([{ source, path: '', message, line, column }]);
  };
  if (!existsSync(path)) fail(`no such file; give a built-in scenario (${builtinNames().join(', ')}) or the path of a .yaml, .yml or .json scenario file`);
  const ext = extname(path).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) fail(`unknown file type '${ext || '(none)'}'; allowed: .yaml, .yml, .json`);
  let text = '';
  try {
    text = readInputText(path, { what: 'scenario file', maxBytes: MAX_FILE_BYTES });
  } catch (error) {
    if (error instanceof InputFileError) fail(error.problem);
    throw error;
  }
  if (ext === '.json') checkJson(text, fail);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return { source, path: '', line: pos?.line, column: pos?.col, message: `${ext === '.json' ? 'JSON/YAML' : 'YAML'} syntax error: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}` };
      }),
    );
  }
  let content: unknown;
  try {
    content = yamlToData(source, doc);
  } catch (error) {
    if (error instanceof InputFileError) fail(error.problem);
    throw error;
  }
  if (content === null || content === undefined) fail('the file is empty; a scenario file is a mapping of levers, e.g. "extends: gde-baseline"');
  if (typeof content !== 'object' || Array.isArray(content)) fail(`the file holds ${Array.isArray(content) ? 'a list' : `a ${typeof content}`}; a scenario file is a mapping of levers, e.g. "extends: gde-baseline"`);
  const layer: Layer = { source, doc: content as ScenarioDocument, locate: yamlLocator(doc, counter) };
  checkLayer(layer);
  return layer;
}

/** JSON files are held to JSON (YAML would forgive trailing commas); the error gets its line. */
function checkJson(text: string, fail: (message: string, line?: number, column?: number) => never): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    let line: number | undefined;
    let column: number | undefined;
    if (at) {
      const before = text.slice(0, Number(at[1])).split('\n');
      line = before.length;
      column = before[before.length - 1].length + 1;
    }
    fail(`JSON syntax error: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`, line, column);
  }
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
function checkLayer(layer: Layer): void {
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

// ---- extends chains ------------------------------------------------------------------------------

function builtinLayers(name: string, stack: readonly string[]): Layer[] {
  const doc = BUILTIN_DOCUMENTS[name];
  const layer: Layer = { source: `built-in scenario '${name}'`, doc, locate: NO_LINES };
  const parent = doc.extends as string | undefined;
  return parent ? [...layersOf(parent, undefined, [...stack, `builtin:${name}`]), layer] : [layer];
}

function layersOf(ref: string, from: string | undefined, stack: readonly string[], refSource?: string): Layer[] {
  if (stack.length > MAX_EXTENDS_DEPTH) {
    throw new ScenarioError([{ source: refSource ?? ref, path: 'extends', message: `extends is nested more than ${MAX_EXTENDS_DEPTH} deep` }]);
  }
  const isFile = from !== undefined ? looksLikeFile(ref) || !(ref in BUILTIN_DOCUMENTS) : looksLikeFile(ref);
  if (!isFile) {
    if (!(ref in BUILTIN_DOCUMENTS)) {
      throw new ScenarioError([{ source: refSource ?? 'command line', path: from ? 'extends' : '', message: `unknown scenario '${ref}'; allowed: a built-in scenario (${builtinNames().join(', ')}) or the path of a .yaml, .yml or .json scenario file` }]);
    }
    if (stack.includes(`builtin:${ref}`)) throw cycle([...stack, `builtin:${ref}`], refSource ?? ref);
    return builtinLayers(ref, stack);
  }
  const path = from ? resolve(dirname(from), ref) : resolve(ref);
  if (stack.includes(path)) throw cycle([...stack, path], refSource ?? ref);
  const rel = relative(process.cwd(), path);
  const shown = from ? (rel.startsWith('..') || isAbsolute(rel) ? path : rel) : ref;
  if (from && !existsSync(path)) {
    throw new ScenarioError([{ source: refSource ?? from, path: 'extends', message: `'${ref}' is neither a built-in scenario (${builtinNames().join(', ')}) nor an existing file (looked for ${path})` }]);
  }
  const layer = readLayer(shown);
  const parent = layer.doc.extends as string | undefined;
  if (parent === undefined) return [layer];
  return [...layersOf(parent, path, [...stack, path], layer.source), layer];
}

function cycle(chain: readonly string[], source: string): ScenarioError {
  const names = chain.map((x) => (x.startsWith('builtin:') ? x.slice(8) : basename(x)));
  return new ScenarioError([{ source, path: 'extends', message: `extends forms a cycle: ${names.join(' -> ')}; allowed: a chain that ends in a built-in scenario or a file without extends` }]);
}

// ---- --set ---------------------------------------------------------------------------------------

/** One `--set path=value` as a layer: the value is read as YAML (numbers, true/false, text). */
export function setLayer(expression: string): Layer {
  const source = `--set ${expression}`;
  const eq = expression.indexOf('=');
  if (eq <= 0) throw new ScenarioError([{ source, path: '', message: "expected path=value, e.g. --set pairing.rule=same-supplier or --set budget.exemplar_grant_gbp=8e6" }]);
  let path = expression.slice(0, eq).trim();
  if (isParameterName(path)) path = `parameters.${path}`;
  const text = expression.slice(eq + 1).trim();
  let value: unknown;
  try {
    value = text === '' ? null : parseYamlValue(text);
  } catch {
    value = text;
  }
  const parts = path.split('.');
  if (parts.some((x) => x === '')) throw new ScenarioError([{ source, path, message: 'empty part in the field path' }]);
  const doc: Record<string, unknown> = {};
  let node = doc;
  for (const part of parts.slice(0, -1)) node = node[part] = {} as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
  const layer: Layer = { source, doc, locate: NO_LINES };
  checkLayer(layer);
  return layer;
}

// ---- merging and resolving ---------------------------------------------------------------------

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

function scenarioFromLayers(layers: readonly Layer[], name: string, topIndex = layers.length - 1): { scenario: Scenario; params: Params } {
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

/** A built-in scenario or scenario file, resolved through its extends chain and --set expressions. */
export function loadScenarioArgument(nameOrPath: string, sets: readonly string[] = []): { scenario: Scenario; params: Params } {
  const layers = layersOf(nameOrPath, undefined, []);
  const setLayers = sets.map(setLayer);
  const top = layers[layers.length - 1];
  const fileName = looksLikeFile(nameOrPath) ? basename(nameOrPath).replace(/\.(ya?ml|json)$/i, '') : nameOrPath;
  const name = String(top.doc.name ?? fileName);
  return scenarioFromLayers([...layers, ...setLayers], name, layers.length - 1);
}

/** The built-in scenario documents resolved (used to build the registry). */
export function resolveBuiltin(name: string): { scenario: Scenario; params: Params } {
  return scenarioFromLayers(builtinLayers(name, []), name);
}
