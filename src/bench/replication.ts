import { quantile } from 'simple-statistics';
import { runReplication } from '../model/run.js';
import { findScenario, resolveScenario } from '../scenarios/index.js';

/**
 * npm run bench: time per 120-month replication of gde-baseline (median and quartiles after a
 * warm-up), the ratio to the goal of 250 ms, and the process's peak memory. Measured, never
 * asserted: the figures go in the issue notes.
 */
const GOAL_MS = 250;
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const reps = Number(process.env.BENCH_REPS ?? 11);

const params = resolveScenario(findScenario('gde-baseline'));
for (let k = 0; k < warmup; k++) runReplication(params, 99, k);
const times: number[] = [];
for (let k = 0; k < reps; k++) {
  const t0 = performance.now();
  runReplication(params, 1, k);
  times.push(performance.now() - t0);
}
const median = quantile(times, 0.5);
const peakMiB = process.resourceUsage().maxRSS / 1024;
const lines = [
  `lesim bench: gde-baseline, ${params.horizon_months} months, ${reps} replications after ${warmup} warm-up (Node ${process.version})`,
  `  per replication: median ${median.toFixed(0)} ms (quartiles ${quantile(times, 0.25).toFixed(0)} to ${quantile(times, 0.75).toFixed(0)} ms)`,
  `  ratio to the ${GOAL_MS} ms goal: ${(median / GOAL_MS).toFixed(2)}`,
  `  peak resident memory: ${peakMiB.toFixed(0)} MiB`,
];
process.stdout.write(lines.join('\n') + '\n');
