import { z } from 'zod';
import { BUDGET_YEARS_MAX, PARAMETERS, PARAMETER_NAMES } from '../model/parameters.js';
import { BY_YEAR_LINES, BY_YEAR_MAX_GBP, BY_YEAR_PATH, LEVERS, SUBSIDY_PATH, allowedText, type LeverSpec } from './levers.js';

/** A calendar month: four-digit year, dash, month 01-12. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

function leverSchema(l: LeverSpec): z.ZodType {
  const spec = PARAMETERS[l.param];
  const describe = `${l.label}. Allowed: ${allowedText(l)}. Parameter ${l.param} (default ${spec.default}); source: ${spec.source}.`;
  switch (l.lever.kind) {
    case 'number': {
      const base = spec.integer ? z.number().int() : z.number();
      return base.min(spec.min).max(spec.max).describe(describe);
    }
    case 'month':
    case 'lastMonth':
      return z.string().regex(MONTH_PATTERN, 'a month written YYYY-MM, e.g. 2019-06').describe(describe);
    case 'flag':
    case 'switch':
      return z.boolean().describe(describe);
    case 'enum':
      return z.enum(l.lever.names as [string, ...string[]]).describe(describe);
  }
}

type Tree = { [key: string]: Tree | z.ZodType };

function insert(tree: Tree, path: string, schema: z.ZodType): void {
  const parts = path.split('.');
  let node = tree;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Tree;
  node[parts[parts.length - 1]] = schema;
}

function toObject(tree: Tree): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(tree)) shape[key] = (value instanceof z.ZodType ? value : toObject(value)).optional();
  return z.strictObject(shape);
}

function leverTree(): Tree {
  const tree: Tree = {};
  for (const l of LEVERS) insert(tree, l.path, leverSchema(l));
  insert(
    tree,
    SUBSIDY_PATH,
    z.number().min(0).max(PARAMETERS.consultancyDayRate_gbp.max).describe('National subsidy of consultancy, GBP per consultant day (at most the day rate); becomes consultancySubsidy_share.'),
  );
  for (const [line, what] of Object.entries(BY_YEAR_LINES)) insert(tree, `${BY_YEAR_PATH}.${line}`, yearBudgetSchema(what));
  return tree;
}

/** GBP by calendar year for one budget line: keys are years (YYYY), values GBP in that year. */
function yearBudgetSchema(what: string): z.ZodType {
  const amount = z
    .number()
    .min(0, `GBP from 0 to ${BY_YEAR_MAX_GBP} in a year`)
    .max(BY_YEAR_MAX_GBP, `GBP from 0 to ${BY_YEAR_MAX_GBP} in a year`);
  return z
    .record(z.string().regex(/^\d{4}$/, 'a calendar year written YYYY, e.g. 2018'), amount, {
      error: (issue) => (issue.code === 'invalid_key' ? `the key '${String(issue.input)}' is not a year; allowed: a calendar year written YYYY, e.g. 2018, with GBP as its value` : undefined),
    })
    .describe(
      `GBP per calendar year for ${what}. Years are those the line spends in (the funded years from the programme start's, at most ${BUDGET_YEARS_MAX}); ` +
        'unlisted years get nothing; the sum becomes the line\'s total, replacing the total set elsewhere. See docs/scenarios.md (Budget by year).',
    );
}

/** The keys allowed at each object path of a scenario file ('' is the top level). */
export function allowedKeys(path: readonly (string | number)[]): string[] | undefined {
  if (path.length === 1 && path[0] === 'parameters') return [...PARAMETER_NAMES];
  let node: Tree | z.ZodType = { ...META_TREE, ...leverTree() };
  for (const part of path) {
    if (node instanceof z.ZodType) return undefined;
    node = node[String(part)];
    if (node === undefined) return undefined;
  }
  return node instanceof z.ZodType ? undefined : Object.keys(node);
}

const META_TREE: Tree = {
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes').max(60).describe('Short name of the scenario (lower-case, dashes); defaults to the file name.'),
  title: z.string().max(200).describe('One-line title.'),
  description: z.string().max(10000).describe('What the scenario represents, in words (shown by lesim scenarios).'),
  sources: z.array(z.string().max(500)).max(50).describe('Where the scenario comes from: files and sections of the sources, or "assumption: why".'),
  extends: z.string().min(1).max(500).describe('A built-in scenario name or the path of another scenario file (relative to this one) to start from.'),
  parameters: z
    .record(z.string(), z.number())
    .describe('Any model parameter by its name in the parameter table (lesim params), in its own unit; applied after the levers above.'),
};

/**
 * The scenario file schema: every key optional (a file states only what differs from what it
 * extends), unknown keys refused, each number bounded by the parameter table.
 */
export const ScenarioFileSchema = (() => {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries({ ...META_TREE, ...leverTree() })) shape[key] = (value instanceof z.ZodType ? value : toObject(value)).optional();
  return z.strictObject(shape).describe('A lesim scenario: levers in plain units (GBP, YYYY-MM months, counts, named rules). See docs/scenarios.md.');
})();

/** The parsed content of one scenario file (or one --set layer). */
export type ScenarioDocument = Record<string, unknown>;

/** JSON Schema of scenario files, for editors (npm run docs:schema writes schema/scenario.schema.json). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(ScenarioFileSchema) as Record<string, unknown>),
    $id: 'https://github.com/lesim/lesim/schema/scenario.schema.json',
    title: 'lesim scenario file',
  };
}
