import { csvLine } from '../io/csv.js';
import { provenanceFields, type RunProvenance } from '../io/outputs.js';
import { PARAMETERS, PARAMETER_NAMES, type Params } from '../model/parameters.js';
import type { Scenario } from '../scenarios/index.js';
import { COMPARISON_COLUMNS, type ComparisonRow } from './compare.js';

export type CompareProvenance = RunProvenance;

export interface ComparedScenario {
  readonly scenario: Scenario;
  readonly params: Params;
  readonly seeds: readonly string[];
}

export interface CompareSetup {
  readonly baseline: string;
  readonly replications: number;
  readonly baseSeed: number;
  readonly scenarios: readonly ComparedScenario[];
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
        paired: 'replicate k of every scenario uses the seed derived from (base_seed, k): common random numbers',
        interval: 't-based 95% interval of the mean paired difference',
        scenarios: setup.scenarios.map(({ scenario, seeds }) => ({
          name: scenario.name,
          title: scenario.title,
          description: scenario.description,
          sources: scenario.sources,
          origin: scenario.origin ?? null,
          seeds: seeds.map((seed, replicate) => ({ replicate, seed })),
        })),
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
        scenarios: setup.scenarios.map(({ scenario, params, seeds }) => ({
          name: scenario.name,
          title: scenario.title,
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
  files.set('manifest.json', compareManifest(setup, provenance, [...files.keys(), 'manifest.json']));
  return files;
}
