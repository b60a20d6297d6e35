import type { EnsembleResult } from '../analysis/ensemble.js';
import { summariseValues } from '../analysis/stats.js';
import type { OutcomeName } from '../model/outcomes.js';
import type { Scenario } from '../scenarios/index.js';
import { outcomeSummaries } from '../io/outputs.js';
import type { BatchRun } from './batch.js';

const LINES: readonly [OutcomeName, string, number][] = [
  ['maturity_end_exemplar', 'Maturity at end, exemplars (0-1)', 3],
  ['maturity_end_follower', 'Maturity at end, followers (0-1)', 3],
  ['maturity_end_outside', 'Maturity at end, outside the programme (0-1)', 3],
  ['informal_active_funding_end', 'Active informal relationships when funding ends', 0],
  ['formal_active_funding_end', 'Active formal relationships when funding ends', 0],
  ['informal_formations_programme', 'Informal relationships formed during funding', 0],
  ['programme_orgs_networking_evaluation', 'Programme organizations networking by March 2020 (share)', 2],
  ['networks_central_surviving', 'Central learning networks alive 3 years after funding', 1],
  ['networks_profession_surviving', 'Profession-led learning networks alive 3 years after funding', 1],
  ['spend_programme_gbp', 'Programme spend (GBP million)', 1],
];

/** A short readable summary of a run on stdout: key outcomes with their 95% intervals. */
export function printRunSummary(scenario: Scenario, result: EnsembleResult, out: string): void {
  const w = process.stdout;
  w.write(`${scenario.name}: ${result.replications} replications x ${result.months} months (base seed ${result.baseSeed})\n`);
  for (const [name, label, digits] of LINES) {
    const scale = name.endsWith('_gbp') ? 1e-6 : 1;
    const s = summariseValues(result.outcomes.map((o) => o[name] * scale));
    const ci = Number.isFinite(s.ciLow) ? ` (95% CI ${s.ciLow.toFixed(digits)} to ${s.ciHigh.toFixed(digits)})` : '';
    const mean = Number.isFinite(s.mean) ? s.mean.toFixed(digits) : 'n/a';
    w.write(`  ${label.padEnd(62)} ${mean.padStart(9)}${ci}\n`);
  }
  w.write(`Outputs in ${out} (see docs/outputs.md)\n`);
}

/**
 * The result of `lesim run --json`: the run's summary.json (every outcome's mean, sd and 95%
 * interval) with where it was written; for one shard, which shard and where.
 */
export function runJson(scenario: Pick<Scenario, 'name' | 'title'>, run: BatchRun, out: string): string {
  const result = run.final?.result;
  const doc = result
    ? {
        kind: 'run',
        out,
        scenario: scenario.name,
        title: scenario.title,
        replications: result.replications,
        months: result.months,
        base_seed: result.baseSeed,
        failed_replications: run.failed,
        files: run.final?.files ?? [],
        outcomes: outcomeSummaries(result),
      }
    : { kind: 'run', out, scenario: scenario.name, title: scenario.title, shard: { index: run.shard.index + 1, count: run.shard.count }, failed_replications: run.failed, merge: 'combine the shards with lesim merge' };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
