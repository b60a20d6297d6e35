import { stringify } from 'yaml';
import { PARAMETERS, type Params } from '../model/parameters.js';
import { citeSource } from '../sources/bibliography.js';
import { BUILTIN_DOCUMENTS } from '../scenarios/builtin/index.js';
import { ScenarioError, type ScenarioIssue } from '../scenarios/errors.js';
import { resolveBuiltin, resolveOnBuiltin } from '../scenarios/layers.js';
import { LEVERS, SUBSIDY_PATH, allowedText } from '../scenarios/levers.js';
import type { ScenarioDocument } from '../scenarios/schema.js';
import type { Scenario } from '../scenarios/scenario.js';
import { getPath, paramsToLevers } from '../scenarios/translate.js';

/** What a control of the page edits: one lever of the lever table, in its plain unit. */
export interface LeverControl {
  readonly path: string;
  /** The section of the scenario file it sits in ('budget', 'pairing', ...). */
  readonly group: string;
  readonly input: 'number' | 'month' | 'boolean' | 'select';
  readonly label: string;
  readonly unit: string;
  readonly min?: number;
  readonly max?: number;
  readonly integer: boolean;
  readonly options?: readonly string[];
  /** What it accepts, as the file messages say it. */
  readonly allowed: string;
  /** The parameter it sets, with its description and source. */
  readonly description: string;
}

/** One control per lever of the lever table (and the consultancy subsidy), in table order. */
export const CONTROLS: readonly LeverControl[] = [
  ...LEVERS.map((l): LeverControl => {
    const spec = PARAMETERS[l.param];
    const base = { path: l.path, group: l.path.split('.')[0], label: l.label, allowed: allowedText(l), description: `${spec.description} Parameter ${l.param}; source: ${citeSource(spec.source)}` };
    switch (l.lever.kind) {
      case 'number':
        return { ...base, input: 'number', unit: spec.unit, min: spec.min, max: spec.max, integer: spec.integer === true };
      case 'month':
      case 'lastMonth':
        return { ...base, input: 'month', unit: 'YYYY-MM', integer: false };
      case 'flag':
      case 'switch':
        return { ...base, input: 'boolean', unit: 'yes/no', integer: false };
      case 'enum':
        return { ...base, input: 'select', unit: 'rule', options: l.lever.names, integer: false };
    }
  }),
  {
    path: SUBSIDY_PATH,
    group: 'intermediaries',
    input: 'number',
    label: 'National subsidy of consultancy, GBP per consultant day (at most the day rate)',
    unit: 'GBP/day',
    min: 0,
    max: PARAMETERS.consultancyDayRate_gbp.max,
    integer: false,
    allowed: `a number from 0 to the day rate (GBP/day)`,
    description: `Becomes parameter consultancySubsidy_share (the share of the day rate). ${PARAMETERS.consultancySubsidy_share.description}`,
  },
];

export const BUILTIN_NAMES: readonly string[] = Object.keys(BUILTIN_DOCUMENTS);

/** Values of every control, by lever path. */
export type LeverValues = Readonly<Record<string, unknown>>;

/** A scenario the page starts from (a built-in or a scenario file): its text and every lever's value in plain units. */
export interface Starting {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly values: LeverValues;
  readonly params: Params;
  /** What the page's edits go on top of: `extends: <built-in>`, or a file's levers merged through its extends chain. */
  readonly base: ScenarioDocument;
  /** How the command line names it unedited: the built-in's name or the file's path. */
  readonly ref: string;
}

function starting(scenario: Pick<Scenario, 'name' | 'title' | 'description'>, params: Params, base: ScenarioDocument, ref: string): Starting {
  const levers = paramsToLevers(params);
  const values = Object.fromEntries(CONTROLS.map((c) => [c.path, getPath(levers, c.path)]));
  return { name: scenario.name, title: scenario.title, description: scenario.description, values, params, base, ref };
}

export function startingPoint(builtin: string): Starting {
  const { scenario, params } = resolveBuiltin(builtin);
  return starting(scenario, params, { extends: builtin }, builtin);
}

/** What `lesim explore <file>` hands the page: the file's scenario with its levers merged through its extends chain. */
export interface StartingFile {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly levers: ScenarioDocument;
  readonly ref: string;
}

export function startingFile(file: StartingFile): Starting {
  const checked = checkScenario({ name: file.name, title: file.title, ...file.levers }, file.ref);
  if (!checked.ok) throw new ScenarioError(checked.issues);
  return starting(file, checked.params, file.levers, file.ref);
}

function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = doc;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

/**
 * The scenario file of an edited scenario: its name and title, what it starts from (`extends` of a
 * built-in, or a file's merged levers) and the levers that differ from it, so an edited built-in
 * reads as a plan ("the baseline, but ...").
 */
export function scenarioDocument(start: Starting, name: string, values: LeverValues): ScenarioDocument {
  const changed = changedPaths(start, values);
  const doc: Record<string, unknown> = { name, title: changed.length === 0 ? start.title : `${start.title}, edited in lesim explore`, ...structuredClone(start.base) };
  for (const path of changed) setPath(doc, path, values[path]);
  return doc;
}

/** The levers a page's scenario changes from where it started (in control order). */
export function changedPaths(start: Starting, values: LeverValues): string[] {
  return CONTROLS.filter((c) => values[c.path] !== undefined && values[c.path] !== start.values[c.path]).map((c) => c.path);
}

export type Checked = { readonly ok: true; readonly scenario: Scenario; readonly params: Params } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/** Checks a page's scenario with the schema and messages of scenario files (`source` names it in them). */
export function checkScenario(doc: ScenarioDocument, source: string): Checked {
  try {
    const { scenario, params } = resolveOnBuiltin(doc, source, String(doc.name ?? 'explore'));
    return { ok: true, scenario, params };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** The scenario file as YAML, with a comment on where it came from; lesim run and validate read it as is. */
export function scenarioYaml(doc: ScenarioDocument): string {
  return `# Scenario edited in lesim explore. Check it with: lesim validate <this file>\n${stringify(doc, { lineWidth: 0 })}`;
}
