import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GCProfiler, getHeapStatistics } from 'node:v8';

/**
 * One measurement in a child process, against the compiled lesim in `root` (a dist directory:
 * this checkout's or the baseline commit's), so the bench can alternate old and new builds and
 * machine noise falls on both alike. Prints one JSON line. Only APIs both builds share are used.
 *
 *   node dist/bench/probe.js <dist root> replication '{"reps":6,"warmup":2,"scale":1,"months":120}'
 *   node dist/bench/probe.js <dist root> batch '{"reps":24,"workers":2}'
 *   node dist/bench/probe.js <dist root> ensemble '{"reps":400}'
 *   node dist/bench/probe.js <dist root> phases '{"reps":6,"warmup":3}'
 *   node dist/bench/probe.js <dist root> compare '{"reps":8,"workers":2,"share":1}'
 */
type Json = Record<string, number>;
type Params = Record<string, number>;

const [root, what, argText] = process.argv.slice(2);
const args = JSON.parse(argText ?? '{}') as Json;

async function load<T>(path: string, from = root): Promise<T> {
  return (await import(pathToFileURL(join(from, path)).href)) as T;
}

/** Main-thread CPU time so far, ms (utime + stime of this thread; 10 ms ticks on Linux). */
function mainThreadCpu_ms(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** CPU time of every thread of this process so far, ms, by thread id (threads that ended are gone). */
function threadCpu_ms(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
      out.set(tid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return out;
}

function processCpu_ms(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The population multiplied by `scale`: organizations, groupings and consultants (regions stay). */
function scaled(params: Params, scale: number, months: number): Params {
  if (scale === 1) return { ...params, horizon_months: months };
  return {
    ...params,
    horizon_months: months,
    organizations_count: Math.round(params.organizations_count * scale),
    groupings_count: Math.round(params.groupings_count * scale),
    initialConsultants_count: Math.round(params.initialConsultants_count * scale),
  };
}

async function baselineParams(from = root): Promise<Params> {
  const scenarios = await load<{ findScenario: (n: string) => unknown; resolveScenario: (s: unknown) => Params }>('scenarios/index.js', from);
  return scenarios.resolveScenario(scenarios.findScenario('gde-baseline'));
}

type Run = (p: Params, seed: number, rep: number) => unknown;

/** One replication measured: CPU, wall, main-thread CPU and bytes allocated. */
function measure(runReplication: Run, params: Params, replicate: number): { cpu: number; wall: number; main: number; bytes: number } {
  const profiler = new GCProfiler();
  const used0 = getHeapStatistics().used_heap_size;
  profiler.start();
  const m0 = mainThreadCpu_ms();
  const c0 = processCpu_ms();
  const t0 = performance.now();
  runReplication(params, 1, replicate);
  const wall = performance.now() - t0;
  const cpu = processCpu_ms() - c0;
  const main = mainThreadCpu_ms() - m0;
  const used1 = getHeapStatistics().used_heap_size;
  const stats = profiler.stop()?.statistics ?? [];
  // Bytes allocated = growth of the used heap between collections, plus what each collection freed.
  let bytes = 0;
  let after = used0;
  for (const gc of stats) {
    bytes += gc.beforeGC.heapStatistics.usedHeapSize - after;
    after = gc.afterGC.heapStatistics.usedHeapSize;
  }
  return { cpu, wall, main, bytes: bytes + used1 - after };
}

/**
 * Old and new builds in one process (root is "old,new"), replications interleaved one by one
 * with the order swapped each time: load on the machine that changes from minute to minute then
 * falls on both alike, which separate processes cannot promise on a busy machine.
 */
async function interleaved(): Promise<unknown> {
  const roots = root.split(',');
  const builds = await Promise.all(
    roots.map(async (from) => ({
      run: (await load<{ runReplication: Run }>('model/run.js', from)).runReplication,
      params: scaled(await baselineParams(from), args.scale ?? 1, args.months ?? 120),
    })),
  );
  for (let k = 0; k < (args.warmup ?? 3); k++) for (const b of builds) b.run(b.params, 99, k);
  const got = builds.map(() => ({ cpu_ms: [] as number[], wall_ms: [] as number[], main_ms: [] as number[], allocated_bytes: [] as number[] }));
  for (let k = 0; k < (args.reps ?? 10); k++) {
    const order = k % 2 === 0 ? builds.map((_, i) => i) : builds.map((_, i) => builds.length - 1 - i);
    for (const i of order) {
      const m = measure(builds[i].run, builds[i].params, k);
      got[i].cpu_ms.push(m.cpu);
      got[i].wall_ms.push(m.wall);
      got[i].main_ms.push(m.main);
      got[i].allocated_bytes.push(m.bytes);
    }
  }
  // Months each build simulates per replication: the horizon and, in builds that have one, the spin-up.
  const simulated = builds.map((b) => b.params.horizon_months + (b.params.spinUp_months ?? 0));
  return { builds: got, months: builds[0].params.horizon_months, simulated, organizations: builds[0].params.organizations_count };
}

/** Replications run in this thread: CPU, wall and bytes allocated per replication. */
async function replication(): Promise<unknown> {
  const { runReplication } = await load<{ runReplication: (p: Params, seed: number, rep: number) => unknown }>('model/run.js');
  const params = scaled(await baselineParams(), args.scale ?? 1, args.months ?? 120);
  for (let k = 0; k < (args.warmup ?? 2); k++) runReplication(params, 99, k);
  const cpu: number[] = [];
  const wall: number[] = [];
  const allocated: number[] = [];
  const main0 = mainThreadCpu_ms();
  const cpu0 = processCpu_ms();
  for (let k = 0; k < (args.reps ?? 6); k++) {
    const m = measure(runReplication, params, (args.first ?? 0) + k);
    wall.push(m.wall);
    cpu.push(m.cpu);
    allocated.push(m.bytes);
  }
  const n = cpu.length;
  return {
    cpu_ms: cpu,
    wall_ms: wall,
    allocated_bytes: allocated,
    mainThreadCpu_msPerRep: (mainThreadCpu_ms() - main0) / n,
    processCpu_msPerRep: (processCpu_ms() - cpu0) / n,
    months: params.horizon_months,
    organizations: params.organizations_count,
    maxRss_mib: process.resourceUsage().maxRSS / 1024,
  };
}

interface BatchModules {
  executeBatch: (plan: unknown, store: unknown, options: unknown) => Promise<unknown>;
  WHOLE: unknown;
  planFingerprint: (plan: unknown) => string;
  BatchStore: new (dir: string) => { writePlan: (...a: unknown[]) => void };
  finalizeBatch: (...a: unknown[]) => void;
}

async function batchModules(): Promise<BatchModules> {
  const [execute, plan, store, finalize] = await Promise.all([load<BatchModules>('batch/execute.js'), load<BatchModules>('batch/plan.js'), load<BatchModules>('batch/store.js'), load<BatchModules>('batch/finalize.js')]);
  return { executeBatch: execute.executeBatch, WHOLE: plan.WHOLE, planFingerprint: plan.planFingerprint, BatchStore: store.BatchStore, finalizeBatch: finalize.finalizeBatch };
}

function plan(params: Params, replicates: number): unknown {
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

/** A batch on worker threads as `lesim run --no-events` runs it: wall and process CPU. */
async function batch(): Promise<unknown> {
  const m = await batchModules();
  const params = await baselineParams();
  const dir = mkdtempSync(join(tmpdir(), 'lesim-bench-'));
  // Worker threads end with the batch: sample every thread's CPU while it runs and keep the last.
  const before = threadCpu_ms();
  const last = new Map<string, number>();
  const sample = () => {
    for (const [tid, ms] of threadCpu_ms()) last.set(tid, ms - (before.get(tid) ?? 0));
  };
  const timer = setInterval(sample, 50);
  try {
    const c0 = processCpu_ms();
    const t0 = performance.now();
    await m.executeBatch(plan(params, args.reps), new m.BatchStore(dir), { workers: args.workers, shard: m.WHOLE, resume: false });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(timer);
    sample();
    // The busiest threads other than the main one are the workers; the rest are V8's platform
    // helpers (concurrent compilation and garbage collection) and libuv's.
    const main = last.get(String(process.pid)) ?? 0;
    const others = [...last].filter(([tid]) => tid !== String(process.pid)).map(([, ms]) => ms).sort((a, b) => b - a);
    const workers = others.slice(0, args.workers).reduce((a, b) => a + b, 0);
    const helpers = others.slice(args.workers).reduce((a, b) => a + b, 0);
    return { seconds, rate: args.reps / seconds, cpu_s: (processCpu_ms() - c0) / 1000, mainCpu_s: main / 1000, workerCpu_s: workers / 1000, helperCpu_s: helpers / 1000 };
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The scenarios of a funding comparison: they differ in the programme only (lesim compare's usual use). */
const COMPARED = ['gde-baseline', 'no-programme', 'extended-funding', 'early-taper', 'front-loaded'];

/**
 * A comparison as `lesim compare` runs it (paired replications of COMPARED, 120 months each) on
 * worker threads: wall and process CPU. `share: 0` makes every run build its own spun-up world
 * (a build from before the sharing ignores the option and always does).
 */
async function compare(): Promise<unknown> {
  const m = await batchModules();
  const scenarios = await load<{ findScenario: (n: string) => unknown; resolveScenario: (s: unknown, extra: Params) => Params }>('scenarios/index.js');
  const points = COMPARED.map((name, id) => ({ id, values: {}, params: scenarios.resolveScenario(scenarios.findScenario(name), { horizon_months: 120 }) }));
  const compared = { ...(plan(points[0].params, args.reps) as object), kind: 'compare', points, compare: { baseline: 0, scenarios: COMPARED.map((name) => ({ name })), notices: [] } };
  const dir = mkdtempSync(join(tmpdir(), 'lesim-bench-'));
  try {
    const c0 = processCpu_ms();
    const t0 = performance.now();
    await m.executeBatch(compared, new m.BatchStore(dir), { workers: args.workers, shard: m.WHOLE, resume: false, shareSpinUp: args.share !== 0 });
    const seconds = (performance.now() - t0) / 1000;
    const runs = points.length * args.reps;
    return { seconds, runs, wall_msPerRun: (1000 * seconds) / runs, cpu_msPerRun: (processCpu_ms() - c0) / runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A large ensemble on two workers, stored and finalized: wall time and peak resident memory. */
async function ensemble(): Promise<unknown> {
  const m = await batchModules();
  const params = await baselineParams();
  const dir = mkdtempSync(join(tmpdir(), 'lesim-bench-'));
  try {
    const t0 = performance.now();
    const store = new m.BatchStore(join(dir, 'state'));
    const big = plan(params, args.reps);
    store.writePlan(big, m.planFingerprint(big), m.WHOLE, { lesim_version: 'bench', git_commit: 'bench' });
    await m.executeBatch(big, store, { workers: 2, shard: m.WHOLE, resume: false });
    m.finalizeBatch([store], join(dir, 'out'), false, { lesimVersion: '', gitCommit: '', nodeVersion: process.version, startedAt: '', finishedAt: '', command: [] });
    return { seconds: (performance.now() - t0) / 1000, maxRss_mib: process.resourceUsage().maxRSS / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface PhaseModules {
  startReplication: (p: Params, seed: number, rep: number) => unknown;
  advance: (run: unknown, months: number) => number;
  runReplication: Run;
  PHASES: { name: string; run: (state: unknown, ctx: unknown) => void }[];
}

/**
 * Time per phase of the monthly step (ms per replication, wall time of this thread), which whole
 * replications cannot resolve when a change moves one phase by a few per cent. Each entry of
 * step.ts's phase table gets a clock around it (this probe process only), so the months run
 * through run.ts's own advance loop; recording is what advance takes beyond its phases, and
 * set-up with spin-up is timed as one. Only for this checkout's build: it reads the phase table.
 */
async function phases(): Promise<unknown> {
  const m = { ...(await load<PhaseModules>('model/run.js')), ...(await load<PhaseModules>('model/step.js')) };
  const params = scaled(await baselineParams(), args.scale ?? 1, args.months ?? 120);
  const names = ['set-up and spin-up', ...m.PHASES.map((ph) => ph.name), 'recording'];
  const acc = new Float64Array(names.length);
  m.PHASES.forEach((phase, i) => {
    const run = phase.run;
    phase.run = (state, ctx) => {
      const t0 = performance.now();
      run(state, ctx);
      acc[i + 1] += performance.now() - t0;
    };
  });
  // Warmed up with the clocks in place, so the code measured is the code warmed.
  for (let k = 0; k < (args.warmup ?? 3); k++) m.runReplication(params, 99, k);
  const ms: number[][] = names.map(() => []);
  for (let k = 0; k < (args.reps ?? 6); k++) {
    const t0 = performance.now();
    const run = m.startReplication(params, 1, k);
    // The spin-up steps the same phase table: its months go to set-up, not to the phases.
    acc.fill(0);
    acc[0] = performance.now() - t0;
    const t1 = performance.now();
    m.advance(run, params.horizon_months);
    let inPhases = 0;
    for (let i = 1; i < names.length - 1; i++) inPhases += acc[i];
    acc[names.length - 1] = performance.now() - t1 - inPhases;
    for (let i = 0; i < names.length; i++) ms[i].push(acc[i]);
  }
  return { names, ms };
}

const probes: Record<string, () => Promise<unknown>> = { replication, interleaved, batch, ensemble, phases, compare };
const probe = probes[what];
if (!probe) throw new Error(`probe: unknown measurement '${what}' (one of ${Object.keys(probes).join(', ')})`);
process.stdout.write(JSON.stringify(await probe()) + '\n');
