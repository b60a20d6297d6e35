import { existsSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { LineCounter, parse as parseYamlValue, parseDocument } from 'yaml';
import { InputFileError, readInputText, yamlToData } from '../io/inputFile.js';
import { yamlLocator } from '../io/yamlLocation.js';
import { isParameterName, type Params } from '../model/parameters.js';
import { BUILTIN_DOCUMENTS } from './builtin/index.js';
import { ScenarioError } from './errors.js';
import { builtinLayers, builtinNames, checkLayer, extendsCycle, MAX_EXTENDS_DEPTH, NO_LINES, scenarioFromLayers, unknownScenario, type Layer } from './layers.js';
import type { ScenarioDocument } from './schema.js';
import type { Scenario } from './scenario.js';

export { builtinNames, resolveBuiltin } from './layers.js';

const MAX_FILE_BYTES = 1_000_000;

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

// ---- extends chains ------------------------------------------------------------------------------

function layersOf(ref: string, from: string | undefined, stack: readonly string[], refSource?: string): Layer[] {
  if (stack.length > MAX_EXTENDS_DEPTH) {
    throw new ScenarioError([{ source: refSource ?? ref, path: 'extends', message: `extends is nested more than ${MAX_EXTENDS_DEPTH} deep` }]);
  }
  const isFile = from !== undefined ? looksLikeFile(ref) || !(ref in BUILTIN_DOCUMENTS) : looksLikeFile(ref);
  if (!isFile) {
    if (!(ref in BUILTIN_DOCUMENTS)) {
      throw new ScenarioError([{ source: refSource ?? 'command line', path: from ? 'extends' : '', message: unknownScenario(ref) }]);
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
  return extendsCycle(names, source);
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

/** A built-in scenario or scenario file, resolved through its extends chain and --set expressions. */
export function loadScenarioArgument(nameOrPath: string, sets: readonly string[] = []): { scenario: Scenario; params: Params } {
  const layers = layersOf(nameOrPath, undefined, []);
  const setLayers = sets.map(setLayer);
  const top = layers[layers.length - 1];
  const fileName = looksLikeFile(nameOrPath) ? basename(nameOrPath).replace(/\.(ya?ml|json)$/i, '') : nameOrPath;
  const name = String(top.doc.name ?? fileName);
  return scenarioFromLayers([...layers, ...setLayers], name, layers.length - 1);
}

