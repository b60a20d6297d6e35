import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FinalizeOutcome, PointRuns, Sources } from '../batch/finalize.js';
import { buildDirectoryAtomically } from '../io/atomic.js';
import type { RunProvenance } from '../io/outputs.js';
import { OUTCOMES, type Outcomes } from '../model/outcomes.js';
import { compareScenarios } from './compare.js';
import { compareFiles, type CompareSetup } from './files.js';

const UNDEFINED_OUTCOMES = Object.fromEntries(OUTCOMES.map((name) => [name, NaN])) as unknown as Outcomes;

/**
 * Writes a comparison directory from the store(s) of a compare plan: every scenario's outcomes in
 * replicate order, a failed run's left undefined so that its pairs drop out of the differences.
 * The same bytes whether the runs were made at once, resumed or in shards (pointRuns is the
 * batch engine's reader, passed in so that this module does not import it back).
 */
export function finalizeCompare(sources: Sources, pointRuns: (sources: Sources, point: number) => PointRuns, out: string, force: boolean, provenance: RunProvenance): FinalizeOutcome {
  const { plan } = sources;
  const c = plan.compare!;
  const runs = plan.points.map((_, p) => pointRuns(sources, p));
  const byReplicate = runs.map((r) => {
    const outcomes = Array.from({ length: plan.replicates }, () => UNDEFINED_OUTCOMES);
    r.replicates.forEach((k, i) => (outcomes[k] = r.result.outcomes[i]));
    return outcomes;
  });
  const rows = compareScenarios(
    c.scenarios.map((s, p) => ({ name: s.name, outcomes: byReplicate[p] })),
    c.scenarios[c.baseline].name,
  );
  const failures = runs.flatMap((r, p) => r.failures.map((f) => ({ scenario: c.scenarios[p].name, ...f })));
  const setup: CompareSetup = {
    baseline: c.scenarios[c.baseline].name,
    replications: plan.replicates,
    baseSeed: plan.baseSeed,
    months: plan.points[0].params.horizon_months,
    notices: c.notices,
    failures,
    shards: sources.shards,
    fingerprint: sources.fingerprint,
    scenarios: c.scenarios.map((scenario, p) => ({ scenario, params: plan.points[p].params, seeds: runs[p].seeds.map((s) => s.seed) })),
  };
  const files = compareFiles(rows, setup, provenance);
  buildDirectoryAtomically(out, force, (temp) => {
    for (const [name, text] of files) writeFileSync(join(temp, name), text);
  });
  return { failed: failures.length, files: [...files.keys()], comparison: rows };
}
