import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile } from 'simple-statistics';
import { BASELINE_COMMIT, baselineDist } from './baseline.js';

/**
 * npm run bench: every figure of issue 10 for this checkout ("new") and for the commit before the
 * refactor ("old", built once into a temporary directory), measured in child processes that
 * alternate old and new so that load from other work on the machine falls on both alike. Time
 * per replication is process CPU time (all threads: the model, its garbage collector and compiler
 * helpers), which a busy machine disturbs far less than wall time; throughput is wall time.
 * Measured, never asserted.
 *
 * Environment: BENCH_ONLY=replication,phases,scale,startup,parallel,compare,ensemble (default: all);
 * BENCH_ROUNDS (alternations, default 3); BENCH_REPS (interleaved replications, default 12);
 * BENCH_SCALE_MONTHS (default 36); BENCH_COMPARE_REPS (default 8); BENCH_PARALLEL_LARGE (the larger batch, default 200); BENCH_ENSEMBLE_REPS (default 400; 10000 for the goal's
 * figure, about ten times as long); BENCH_BASE_COMMIT.
 */
const here = dirname(fileURLToPath(import.meta.url));
const newDist = resolve(here, '..');
const checkout = resolve(newDist, '..');
const baseCommit = process.env.BENCH_BASE_COMMIT ?? BASELINE_COMMIT;
const oldDist = baselineDist(checkout, baseCommit);
const only = new Set((process.env.BENCH_ONLY ?? 'replication,phases,scale,startup,parallel,compare,ensemble').split(','));
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const builds = { old: oldDist, new: newDist } as const;
type Build = keyof typeof builds;

function probe<T>(build: Build, what: string, args: Record<string, number>): T {
  const out = execFileSync(process.execPath, [join(newDist, 'bench', 'probe.js'), builds[build], what, JSON.stringify(args)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

/** Runs `fn` for old and new, `rounds` times, swapping which goes first each round. */
function alternate<T>(fn: (build: Build, round: number) => T): Record<Build, T[]> {
  const got: Record<Build, T[]> = { old: [], new: [] };
  for (let r = 0; r < rounds; r++) {
    const order: Build[] = r % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
    for (const b of order) got[b].push(fn(b, r));
  }
  return got;
}

const median = (xs: number[]) => quantile(xs, 0.5);
const write = (line: string) => process.stdout.write(line + '\n');
const fmt = (x: number, digits = 0) => x.toFixed(digits);
function row(label: string, oldValue: number, newValue: number, unit: string, digits = 0, better: 'lower' | 'higher' = 'lower'): void {
  const ratio = better === 'lower' ? oldValue / newValue : newValue / oldValue;
  write(`  ${label.padEnd(44)} old ${fmt(oldValue, digits).padStart(8)} ${unit.padEnd(6)} new ${fmt(newValue, digits).padStart(8)} ${unit.padEnd(6)} ${fmt(ratio, 2)}x ${better === 'lower' ? 'faster/smaller' : 'higher'}`);
}

interface ReplicationProbe {
  cpu_ms: number[];
  wall_ms: number[];
  allocated_bytes: number[];
  mainThreadCpu_msPerRep: number;
  months: number;
  organizations: number;
  maxRss_mib: number;
}

write(`lesim bench: old = ${baseCommit}${baseCommit === BASELINE_COMMIT ? ' (before issue 10)' : ''}, new = this checkout; Node ${process.version}, ${availableParallelism()} cores; ${rounds} alternating rounds`);

interface InterleavedProbe {
  builds: { cpu_ms: number[]; wall_ms: number[]; main_ms: number[]; allocated_bytes: number[] }[];
  months: number;
  simulated: number[];
  organizations: number;
}

/** Old and new interleaved replication by replication in one process (see probe.ts interleaved). */
function interleaved(args: Record<string, number>): Record<Build, InterleavedProbe['builds'][number]> & { months: number; simulated: Record<Build, number>; organizations: number } {
  const out = execFileSync(process.execPath, [join(newDist, 'bench', 'probe.js'), `${oldDist},${newDist}`, 'interleaved', JSON.stringify(args)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const got = JSON.parse(out.trim().split('\n').pop()!) as InterleavedProbe;
  return { old: got.builds[0], new: got.builds[1], months: got.months, simulated: { old: got.simulated[0], new: got.simulated[1] }, organizations: got.organizations };
}

if (only.has('replication')) {
  const reps = Number(process.env.BENCH_REPS ?? 12);
  const got = interleaved({ reps, warmup: 3 });
  const months = got.months;
  write(`gde-baseline, ${months}-month replications, old and new interleaved in one process (${reps} each after 3 warm-up), medians:`);
  row('CPU time per replication (process)', median(got.old.cpu_ms), median(got.new.cpu_ms), 'ms');
  row('CPU time per replication (main thread)', median(got.old.main_ms), median(got.new.main_ms), 'ms');
  row('wall time per replication', median(got.old.wall_ms), median(got.new.wall_ms), 'ms');
  // A build with a spin-up simulates its months before the horizon too (ODD 5): they count.
  write(`  months simulated per replication: old ${got.simulated.old}, new ${got.simulated.new} (the horizon and any spin-up)`);
  row('CPU time per simulated month', median(got.old.cpu_ms) / got.simulated.old, median(got.new.cpu_ms) / got.simulated.new, 'ms', 2);
  row('allocated per replication', median(got.old.allocated_bytes) / 2 ** 20, median(got.new.allocated_bytes) / 2 ** 20, 'MiB', 1);
  const rss = alternate((b) => probe<ReplicationProbe>(b, 'replication', { reps: 2, warmup: 1 }).maxRss_mib);
  row('peak resident memory, one process (3 runs)', median(rss.old), median(rss.new), 'MiB');
}

if (only.has('phases')) {
  // This checkout only: the commit before issue 10 had a different phase table.
  const reps = Number(process.env.BENCH_REPS ?? 12);
  const out = execFileSync(process.execPath, [join(newDist, 'bench', 'probe.js'), newDist, 'phases', JSON.stringify({ reps, warmup: 3 })], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const got = JSON.parse(out.trim().split('\n').pop()!) as { names: string[]; ms: number[][] };
  const medians = got.ms.map(median);
  const total = medians.reduce((a, b) => a + b, 0);
  write(`where a replication's time goes (this checkout; wall time of one thread, ${reps} replications after 3 warm-up, medians; spin-up months counted in set-up):`);
  got.names.forEach((name, i) => write(`  ${name.padEnd(24)} ${fmt(medians[i], 1).padStart(7)} ms ${fmt((100 * medians[i]) / total, 1).padStart(5)}%`));
}

if (only.has('scale')) {
  const months = Number(process.env.BENCH_SCALE_MONTHS ?? 36);
  write(`population scale (organizations, groupings and consultants x1, x3, x10; ${months}-month runs, old and new interleaved, 3 each after 1 warm-up), CPU per simulated month, spin-up months counted (set-up included):`);
  const perMonth: Record<Build, number[]> = { old: [], new: [] };
  for (const scale of [1, 3, 10]) {
    const got = interleaved({ reps: 3, warmup: 1, scale, months });
    const o = median(got.old.cpu_ms) / got.simulated.old;
    const n = median(got.new.cpu_ms) / got.simulated.new;
    perMonth.old.push(o);
    perMonth.new.push(n);
    row(`x${scale} (${got.organizations} organizations)`, o, n, 'ms', 2);
  }
  write(`  growth x1 -> x10: old ${fmt(perMonth.old[2] / perMonth.old[0], 1)}x, new ${fmt(perMonth.new[2] / perMonth.new[0], 1)}x (linear: 10x)`);
}

if (only.has('startup')) {
  const out = mkdtempSync(join(tmpdir(), 'lesim-bench-'));
  try {
    const got = alternate((b) => {
      const samples: number[][] = [];
      for (let k = 0; k < 3; k++) {
        const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, join(builds[b], 'cli', 'main.js'), 'run', 'gde-baseline', '--reps', '1', '--months', '1', '--out', join(out, b), '--force'], { encoding: 'utf8' });
        if (run.status !== 0) throw new Error(`lesim run failed: ${run.stderr}`);
        samples.push(run.stderr.trim().split('\n').pop()!.split(' ').map(Number));
      }
      return samples;
    });
    const wall = (b: Build) => median(got[b].flat().map((s) => s[0] * 1000));
    const cpu = (b: Build) => median(got[b].flat().map((s) => (s[1] + s[2]) * 1000));
    write(`start-up: lesim run gde-baseline --reps 1 --months 1 (${3 * rounds} per build), medians:`);
    row('wall time', wall('old'), wall('new'), 'ms');
    row('CPU time', cpu('old'), cpu('new'), 'ms');
  } catch (error) {
    write(`start-up: not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (only.has('parallel')) {
  interface BatchProbe {
    rate: number;
    cpu_s: number;
    mainCpu_s: number;
    workerCpu_s: number;
    helperCpu_s: number;
  }
  write('parallel throughput of gde-baseline ensembles (wall time; replications/s), 1 and 2 workers:');
  for (const reps of [24, Number(process.env.BENCH_PARALLEL_LARGE ?? 200)]) {
    const n = reps > 100 ? 1 : rounds;
    const got = alternate((b, r) => (r < n ? { one: probe<BatchProbe>(b, 'batch', { reps, workers: 1 }), two: probe<BatchProbe>(b, 'batch', { reps, workers: 2 }) } : undefined));
    const pick = (b: Build, k: 'one' | 'two') => median(got[b].filter((x) => x !== undefined).map((x) => x![k].rate));
    const cpuPerRep = (b: Build) => median(got[b].filter((x) => x !== undefined).map((x) => (x!.two.cpu_s * 1000) / reps));
    row(`${reps} replications, 1 worker`, pick('old', 'one'), pick('new', 'one'), 'rep/s', 2, 'higher');
    row(`${reps} replications, 2 workers`, pick('old', 'two'), pick('new', 'two'), 'rep/s', 2, 'higher');
    row(`${reps} replications, 2 over 1 worker`, pick('old', 'two') / pick('old', 'one'), pick('new', 'two') / pick('new', 'one'), 'x', 2, 'higher');
    row(`${reps} replications, CPU per replication on 2`, cpuPerRep('old'), cpuPerRep('new'), 'ms');
    // Where the CPU went on 2 workers: the share of V8's helper threads is what oversubscribes 2 cores.
    const share = (b: Build, k: 'mainCpu_s' | 'helperCpu_s') => median(got[b].filter((x) => x !== undefined).map((x) => (100 * x!.two[k]) / x!.two.cpu_s));
    row(`${reps} replications, 2 workers: helper-thread CPU %`, share('old', 'helperCpu_s'), share('new', 'helperCpu_s'), '%', 0, 'higher');
    row(`${reps} replications, 2 workers: main-thread CPU %`, share('old', 'mainCpu_s'), share('new', 'mainCpu_s'), '%', 0, 'higher');
  }
}

if (only.has('compare')) {
  interface CompareProbe {
    runs: number;
    wall_msPerRun: number;
    cpu_msPerRun: number;
  }
  const reps = Number(process.env.BENCH_COMPARE_REPS ?? 8);
  // Three ways, alternated: the old build; this checkout with every run spinning up on its own; this checkout as it runs.
  const got: { old: CompareProbe[]; alone: CompareProbe[]; shared: CompareProbe[] } = { old: [], alone: [], shared: [] };
  for (let r = 0; r < rounds; r++) {
    const order: (keyof typeof got)[] = r % 2 === 0 ? ['old', 'alone', 'shared'] : ['shared', 'alone', 'old'];
    for (const way of order) got[way].push(probe<CompareProbe>(way === 'old' ? 'old' : 'new', 'compare', { reps, workers: 2, share: way === 'shared' ? 1 : 0 }));
  }
  const med = (way: keyof typeof got, k: 'wall_msPerRun' | 'cpu_msPerRun') => median(got[way].map((x) => x[k]));
  write(`lesim compare of 5 scenarios that differ in the programme only (gde-baseline, no-programme, extended-funding, early-taper, front-loaded; 120 months), ${reps} paired replications on 2 workers, medians per run:`);
  row('wall time, this checkout: own spin-up / shared', med('alone', 'wall_msPerRun'), med('shared', 'wall_msPerRun'), 'ms');
  row('CPU time, this checkout: own spin-up / shared', med('alone', 'cpu_msPerRun'), med('shared', 'cpu_msPerRun'), 'ms');
  row('wall time per run', med('old', 'wall_msPerRun'), med('shared', 'wall_msPerRun'), 'ms');
  row('CPU time per run', med('old', 'cpu_msPerRun'), med('shared', 'cpu_msPerRun'), 'ms');
}

if (only.has('ensemble')) {
  const reps = Number(process.env.BENCH_ENSEMBLE_REPS ?? 400);
  const got = { old: probe<{ seconds: number; maxRss_mib: number }>('old', 'ensemble', { reps }), new: probe<{ seconds: number; maxRss_mib: number }>('new', 'ensemble', { reps }) };
  write(`ensemble of ${reps} replications on 2 workers, stored and finalized (goal: at most 400 MB at 10,000):`);
  row('wall time', got.old.seconds, got.new.seconds, 's');
  row('peak resident memory', got.old.maxRss_mib, got.new.maxRss_mib, 'MiB');
}
