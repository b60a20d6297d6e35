import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { quantile } from 'simple-statistics';
import { executeBatch } from '../batch/execute.js';
import { finalizeBatch } from '../batch/finalize.js';
import { planFingerprint, WHOLE, type BatchPlan } from '../batch/plan.js';
import { BatchStore } from '../batch/store.js';
import type { Params } from '../model/parameters.js';
import { resolveParams } from '../model/validate.js';

/**
 * npm run bench (second part): replications per second of gde-baseline on 1 and 2 worker threads
 * and the parallel efficiency (goal: 90% on 2 cores), then the peak memory of a large ensemble
 * run the way `lesim run --no-events` runs it (goal: 400 MB for 10,000 replications; set
 * BENCH_ENSEMBLE_REPS=10000 for the full figure, which takes about half an hour here).
 */
const reps = Number(process.env.BENCH_PARALLEL_REPS ?? 12);
const trials = Number(process.env.BENCH_TRIALS ?? 3);
const ensembleReps = Number(process.env.BENCH_ENSEMBLE_REPS ?? 400);

function plan(params: Params, replicates: number): BatchPlan {
  return {
    kind: 'run',
    scenario: { name: 'gde-baseline', title: 'bench', description: '', sources: [], overrides: {} },
    points: [{ id: 0, values: {}, params }],
    replicates,
    baseSeed: 1,
    crn: true,
    keepEvents: false,
    keepRuns: false,
  };
}

async function timeBatch(p: BatchPlan, workers: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'lesim-bench-'));
  try {
    const t0 = performance.now();
    await executeBatch(p, new BatchStore(dir), { workers, shard: WHOLE, resume: false });
    return (performance.now() - t0) / 1000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const params = resolveParams({}, 'gde-baseline');
const p = plan(params, reps);
const rates = new Map<number, number[]>();
// Warm up (JIT, worker start-up paths) before timing.
await timeBatch(plan(params, 2), 2);
for (let t = 0; t < trials; t++) {
  for (const workers of [1, 2]) {
    const seconds = await timeBatch(p, workers);
    rates.set(workers, [...(rates.get(workers) ?? []), reps / seconds]);
  }
}
const r1 = quantile(rates.get(1)!, 0.5);
const r2 = quantile(rates.get(2)!, 0.5);
const out = process.stdout;
out.write(`lesim bench: parallel ensembles, gde-baseline, ${params.horizon_months} months, ${reps} replications, median of ${trials} trials (${availableParallelism()} cores)\n`);
out.write(`  1 worker:  ${r1.toFixed(2)} replications/s\n`);
out.write(`  2 workers: ${r2.toFixed(2)} replications/s\n`);
out.write(`  parallel efficiency on 2 workers: ${((100 * r2) / (2 * r1)).toFixed(0)}% (goal 90%)\n`);

const dir = mkdtempSync(join(tmpdir(), 'lesim-bench-'));
try {
  const before = process.resourceUsage().maxRSS / 1024;
  const t0 = performance.now();
  const store = new BatchStore(join(dir, 'state'));
  const big = plan(params, ensembleReps);
  store.writePlan(big, planFingerprint(big), WHOLE, { lesim_version: 'bench', git_commit: 'bench' });
  await executeBatch(big, store, { workers: 2, shard: WHOLE, resume: false });
  finalizeBatch([store], join(dir, 'out'), false, { lesimVersion: '', gitCommit: '', nodeVersion: process.version, startedAt: '', finishedAt: '', command: [] });
  const seconds = (performance.now() - t0) / 1000;
  const peak = process.resourceUsage().maxRSS / 1024;
  out.write(`  ensemble of ${ensembleReps} replications on 2 workers: ${seconds.toFixed(0)} s, peak resident memory ${peak.toFixed(0)} MiB (before it: ${before.toFixed(0)} MiB; goal 400 MB at 10,000)\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
