import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEnsemble } from '../../src/analysis/ensemble.js';
import { runFiles } from '../../src/io/outputs.js';
import { findScenario, resolveScenario } from '../../src/scenarios/index.js';
import { CLI, lesim, STACK_FRAME, tempDir } from './cli.js';

const RUN_FILES = ['spectrum.csv', 'modes.csv', 'knowledge_flow.csv', 'maturity.csv', 'network.csv', 'programme.csv', 'replications.csv', 'events.csv', 'failures.csv', 'summary.json'];
const SWEEP_FILES = ['points.csv', 'outcomes.csv', 'spectrum.csv', 'modes.csv', 'knowledge_flow.csv', 'maturity.csv', 'network.csv', 'programme.csv', 'replications.csv', 'failures.csv', 'summary.json'];
const PROVENANCE = ['started_at', 'finished_at', 'command', 'workers', 'shards'];

/** Every result file byte for byte, and the manifest apart from when, how and on how many workers it ran. */
function expectSameResults(a: string, b: string, files: readonly string[]): void {
  for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), `${f} differs between ${a} and ${b}`).toBe(true);
  const strip = (dir: string) => {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    for (const k of PROVENANCE) delete m[k];
    return m;
  };
  expect(strip(b)).toEqual(strip(a));
}

const SWEEP = 'scenario: gde-baseline\nreplications: 2\nseed: 4\nmonths: 18\ndesign: factorial\nparameters:\n  ownChoicePairing_share: [0.2, 0.9]\n  learningNetworks_count: [4, 8]\n';

/** Starts a run in the background and kills it once `records` runs are on disk. */
async function killAfter(args: readonly string[], partial: string, records: number, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const dir = join(partial, 'records', 'p0');
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (;;) {
    await new Promise((r) => setTimeout(r, 10));
    if (existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.json')).length >= records) break;
    if (child.exitCode !== null) throw new Error(`finished before it could be interrupted: ${stderr}`);
  }
  child.kill(signal);
  return { code: await exited, stderr };
}

describe('lesim run on worker threads', () => {
  const root = tempDir('lesim-batch-');
  // Enough replications that a run cannot finish between two polls of killAfter on a fast machine.
  const args = ['run', 'gde-baseline', '--reps', '10', '--months', '30', '--seed', '9'];
  const reference = join(root, 'w1');

  it('gives byte-identical results on 1, 2 and 3 workers', () => {
    for (const w of ['1', '2', '3']) expect(lesim([...args, '--workers', w, '--out', join(root, `w${w}`)]).status).toBe(0);
    expectSameResults(reference, join(root, 'w2'), RUN_FILES);
    expectSameResults(reference, join(root, 'w3'), RUN_FILES);
    const manifest = JSON.parse(readFileSync(join(reference, 'manifest.json'), 'utf8'));
    expect(manifest.seeds.map((s: { seed: string }) => s.seed)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => `lesim:9:${k}`));
    expect(manifest.common_random_numbers).toBe(true);
    expect(existsSync(join(root, 'w1.partial'))).toBe(false);
  });

  it('writes what the plain in-process ensemble computes, undefined outcomes (NaN) included', () => {
    const out = join(root, 'counterfactual');
    expect(lesim(['run', 'no-programme', '--reps', '3', '--months', '30', '--seed', '9', '--workers', '2', '--out', out]).status).toBe(0);
    const scenario = findScenario('no-programme');
    const result = runEnsemble(resolveScenario(scenario, { horizon_months: 30 }), { replications: 3, baseSeed: 9, keepEvents: true });
    const files = runFiles(scenario, result, { lesimVersion: '', gitCommit: '', nodeVersion: '', startedAt: '', finishedAt: '', command: [] });
    for (const f of ['spectrum.csv', 'maturity.csv', 'replications.csv', 'events.csv']) expect(readFileSync(join(out, f), 'utf8'), f).toBe(files.get(f));
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.outcomes).toEqual(JSON.parse(files.get('summary.json')!).outcomes);
    expect(summary.outcomes.maturity_end_exemplar).toEqual({ mean: null, sd: null, ci_low: null, ci_high: null, n: 0 });
  });

  it('an ensemble killed part way and resumed equals an uninterrupted one', async () => {
    const out = join(root, 'killed');
    const killed = await killAfter([...args, '--workers', '2', '--out', out], `${out}.partial`, 2, 'SIGKILL');
    expect(killed.code).toBeNull();
    expect(existsSync(out)).toBe(false);
    const refused = lesim([...args, '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--resume');
    const changed = lesim([...args.slice(0, -1), '10', '--out', out, '--resume']);
    expect(changed.status).toBe(2);
    expect(changed.stderr).toMatch(/made with other settings/);
    // Resuming as a shard would sum runs another shard owns: refused.
    const sharded = lesim([...args, '--out', out, '--resume', '--shard', '1/2']);
    expect(sharded.status).toBe(2);
    expect(sharded.stderr).toMatch(/made with another shard \(1\/1, now 1\/2\)/);
    const resumed = lesim([...args, '--workers', '1', '--out', out, '--resume']);
    expect(resumed.status).toBe(0);
    expectSameResults(reference, out, RUN_FILES);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('Ctrl-C stops after the runs in progress, exits 130 and resumes to the same result', async () => {
    const out = join(root, 'interrupted');
    const stopped = await killAfter([...args, '--workers', '1', '--out', out], `${out}.partial`, 1, 'SIGINT');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted with \d+ of 10 runs done.*--resume/s);
    expect(lesim([...args, '--out', out, '--resume']).status).toBe(0);
    expectSameResults(reference, out, RUN_FILES);
  });

  it('a failing run is recorded with its seed and error while the rest go on; exit code 3', () => {
    const out = join(root, 'failing');
    const r = lesim([...args, '--workers', '2', '--out', out], undefined, { LESIM_FAIL_TASKS: '1,4' });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('2 replication(s) failed');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    const failures = readFileSync(join(out, 'failures.csv'), 'utf8').trim().split('\n');
    expect(failures).toEqual(['replicate,seed,error', '1,lesim:9:1,injected failure (LESIM_FAIL_TASKS includes task 1)', '4,lesim:9:4,injected failure (LESIM_FAIL_TASKS includes task 4)']);
    const replicates = readFileSync(join(out, 'replications.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(replicates).toEqual(['0', '2', '3', '5', '6', '7', '8', '9']);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).failed_replications).toBe(2);
    // The surviving runs are exactly those of the clean ensemble.
    const clean = readFileSync(join(reference, 'replications.csv'), 'utf8').trim().split('\n');
    const kept = readFileSync(join(out, 'replications.csv'), 'utf8').trim().split('\n');
    expect(kept).toEqual([clean[0], clean[1], clean[3], clean[4], ...clean.slice(6)]);
  });

  it('--keep-runs writes each replication\'s raw series', () => {
    const out = join(root, 'kept');
    expect(lesim(['run', 'gde-baseline', '--reps', '2', '--months', '12', '--keep-runs', '--out', out]).status).toBe(0);
    expect(readdirSync(join(out, 'runs')).sort()).toEqual(['replicate-0.csv', 'replicate-1.csv']);
    const lines = readFileSync(join(out, 'runs', 'replicate-1.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('month,date,family,measure,formality,origin,mode,knowledge,cohort,value');
    expect(lines.length).toBeGreaterThan(12 * 100);
  });
});

describe('lesim sweep, shards and merge', () => {
  const root = tempDir('lesim-sweep-');
  const file = join(root, 'sweep.yaml');
  writeFileSync(file, SWEEP);
  const local = join(root, 'local');

  it('runs a factorial sweep with one column per swept parameter', () => {
    const r = lesim(['sweep', file, '--out', local]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(local, 'points.csv'), 'utf8')).toBe(
      'point,ownChoicePairing_share,learningNetworks_count,replications_ok,replications_failed\n0,0.2,4,2,0\n1,0.2,8,2,0\n2,0.9,4,2,0\n3,0.9,8,2,0\n',
    );
    expect(readFileSync(join(local, 'maturity.csv'), 'utf8').split('\n')[0]).toBe('point,ownChoicePairing_share,learningNetworks_count,month,date,cohort,mean,sd,ci_low,ci_high,n');
    expect(readFileSync(join(local, 'outcomes.csv'), 'utf8').split('\n')[1]).toMatch(/^0,0\.2,4,maturity_start_exemplar,/);
  });

  it('three shards merged give exactly the single-machine result', () => {
    const shards = ['1/3', '2/3', '3/3'].map((s, i) => {
      const out = join(root, `shard${i}`);
      const r = lesim(['sweep', file, '--shard', s, '--workers', '1', '--out', out]);
      expect(r.status).toBe(0);
      return out;
    });
    const merged = join(root, 'merged');
    const r = lesim(['merge', ...[...shards].reverse(), '--out', merged]);
    expect(r.status).toBe(0);
    expectSameResults(local, merged, SWEEP_FILES);
    // A requeued cluster task whose shard is done exits cleanly and leaves it as it is.
    const again = lesim(['sweep', file, '--shard', '2/3', '--workers', '1', '--resume', '--out', shards[1]]);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('already complete');
    // A shard whose sums no longer match its records (a lost file) is refused, not merged.
    const damaged = join(root, 'damaged');
    cpSync(shards[0], damaged, { recursive: true });
    rmSync(join(damaged, 'sums', 'p0.json.gz'));
    const refused = lesim(['merge', damaged, shards[1], shards[2], '--out', join(root, 'm3')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/sums of point 0 hold 0 runs but the records show 1 successful ones; the directory is damaged/);
    const missing = lesim(['merge', shards[0], shards[2], '--out', join(root, 'm2')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/missing shard 2\/3: merge needs all 3/);
    expect(missing.stderr).not.toMatch(STACK_FRAME);
  });

  it('takes its shard from a SLURM array task or a Kubernetes Indexed Job', () => {
    const slurm = lesim(['sweep', file, '--out', join(root, 'slurm')], undefined, { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '4', SLURM_ARRAY_TASK_COUNT: '2' });
    expect(slurm.status).toBe(0);
    expect(slurm.stderr).toContain('shard 2/2 (from SLURM_ARRAY_TASK_ID)');
    const k8s = lesim(['sweep', file, '--out', join(root, 'k8s')], undefined, { JOB_COMPLETION_INDEX: '0', LESIM_SHARD_COUNT: '2' });
    expect(k8s.status).toBe(0);
    expect(k8s.stderr).toContain('shard 1/2 (from JOB_COMPLETION_INDEX)');
    const merged = join(root, 'from-env');
    expect(lesim(['merge', join(root, 'slurm'), join(root, 'k8s'), '--out', merged]).status).toBe(0);
    expectSameResults(local, merged, SWEEP_FILES);
  });

  it('bad input: a malformed sweep file, a bad --shard or --workers; exit 2, no stack trace', () => {
    const bad = join(root, 'bad.yaml');
    writeFileSync(bad, 'parameters:\n  ownChoicePairng_share: [0.1]\n');
    const cases: [string[], RegExp][] = [
      [['sweep', bad], /bad\.yaml:2: parameters\.ownChoicePairng_share: unknown parameter \(did you mean 'ownChoicePairing_share'\?\)/],
      [['sweep', join(root, 'none.yaml')], /none\.yaml: file not found/],
      [['sweep', file, '--shard', '4/3', '--out', join(root, 'x')], /--shard must be i\/n with 1 <= i <= n/],
      [['run', 'gde-baseline', '--workers', 'many'], /--workers must be a whole number/],
      [['run', 'gde-baseline', '--resume'], /--out is required with --resume/],
      [['merge', root, '--out', join(root, 'y')], /does not hold a lesim batch/],
    ];
    for (const [argv, message] of cases) {
      const r = lesim(argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_FRAME);
    }
  });
});
