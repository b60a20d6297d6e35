import { csvLine } from '../io/csv.js';
import { provenanceFields, type RunProvenance } from '../io/outputs.js';
import { PARAMETERS, PARAMETER_NAMES, type Params } from '../model/parameters.js';
import type { ComparePlanScenario } from '../batch/plan.js';
import { citeSource, fullCitation, referencesIn } from '../sources/bibliography.js';
import { COMPARISON_COLUMNS, type ComparisonRow } from './compare.js';

export type CompareProvenance = RunProvenance;

export interface ComparedScenario {
  readonly scenario: ComparePlanScenario;
  readonly params: Params;
  readonly seeds: readonly string[];
}

export interface CompareSetup {
  readonly baseline: string;
  readonly replications: number;
  readonly baseSeed: number;
  /** Months every scenario ran (compare aligns them: see notices). */
  readonly months: number;
  /** What compare changed to make the scenarios comparable, in words. */
  readonly notices: readonly string[];
  readonly failures: readonly { scenario: string; replicate: number; seed: string; error: string }[];
  readonly shards: number;
  readonly fingerprint: string;
  readonly scenarios: readonly ComparedScenario[];
}

/** The papers cited by the compared scenarios, in full. */
function references(setup: CompareSetup): string[] {
  return referencesIn(setup.scenarios.flatMap((s) => s.scenario.sources)).map(fullCitation);
}

/** Undefined numbers (NaN) are empty cells; numbers keep 8 significant digits. */
function cell(x: string | number): string | number {
  if (typeof x === 'string') return x;
  return Number.isFinite(x) ? Number(x.toPrecision(8)) : '';
}

function jsonNumber(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(8)) : null;
}

export function comparisonCsv(rows: readonly ComparisonRow[]): string {
  let out = csvLine([...COMPARISON_COLUMNS]);
  for (const r of rows) out += csvLine(COMPARISON_COLUMNS.map((c) => cell(r[c])));
  return out;
}

export function comparisonJson(rows: readonly ComparisonRow[], setup: CompareSetup): string {
  return (
    JSON.stringify(
      {
        baseline: setup.baseline,
        replications: setup.replications,
        base_seed: setup.baseSeed,
        months: setup.months,
        notices: setup.notices,
        paired: 'replicate k of every scenario uses the seed derived from (base_seed, k): common random numbers',
        interval: 't-based 95% interval of the mean paired difference',
        cost_per_unit: 'extra spend over the baseline / mean difference; only where the extra spend is positive and the interval of the difference excludes 0',
        scenarios: setup.scenarios.map(({ scenario, seeds }) => ({
          name: scenario.name,
          title: scenario.title,
          description: scenario.description,
          sources: scenario.sources.map(citeSource),
          origin: scenario.origin ?? null,
          seeds: seeds.map((seed, replicate) => ({ replicate, seed })),
        })),
        references: references(setup),
        rows: rows.map((r) => Object.fromEntries(COMPARISON_COLUMNS.map((c) => [c, typeof r[c] === 'number' ? jsonNumber(r[c] as number) : r[c]]))),
      },
      null,
      2,
    ) + '\n'
  );
}

export function compareManifest(setup: CompareSetup, provenance: CompareProvenance, files: readonly string[]): string {
  return (
    JSON.stringify(
      {
        ...provenanceFields(provenance),
        kind: 'compare',
        baseline: setup.baseline,
        replications: setup.replications,
        base_seed: setup.baseSeed,
        months: setup.months,
        notices: setup.notices,
        common_random_numbers: true,
        seed_rule: 'lesim:<base seed>:<replicate>',
        failed_replications: setup.failures.length,
        shards: setup.shards,
        plan_fingerprint: setup.fingerprint,
        references: references(setup),
        scenarios: setup.scenarios.map(({ scenario, params, seeds }) => ({
          name: scenario.name,
          title: scenario.title,
          sources: scenario.sources.map(citeSource),
          origin: scenario.origin ?? null,
          extends: scenario.extends ?? null,
          levers: scenario.levers ?? {},
          overrides: scenario.overrides,
          seeds: seeds.map((seed, replicate) => ({ replicate, seed })),
          parameters: Object.fromEntries(PARAMETER_NAMES.map((name) => [name, { value: params[name], unit: PARAMETERS[name].unit }])),
        })),
        files,
      },
      null,
      2,
    ) + '\n'
  );
}

/** All files of a compare directory, by name. */
export function compareFiles(rows: readonly ComparisonRow[], setup: CompareSetup, provenance: CompareProvenance): Map<string, string> {
  const files = new Map<string, string>();
  files.set('comparison.csv', comparisonCsv(rows));
  files.set('comparison.json', comparisonJson(rows, setup));
  files.set('failures.csv', csvLine(['scenario', 'replicate', 'seed', 'error']) + setup.failures.map((f) => csvLine([f.scenario, f.replicate, f.seed, f.error])).join(''));
  files.set('manifest.json', compareManifest(setup, provenance, [...files.keys(), 'manifest.json']));
  return files;
}
