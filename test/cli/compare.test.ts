import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARISON_COLUMNS } from '../../src/compare/compare.js';
import { CLI, lesim, STACK_FRAME, tempDir } from './cli.js';

const SMALL = ['--reps', '3', '--months', '36', '--seed', '4'];

/**
 * Both CSVs round (8 significant digits), so agreement is to a relative 1e-6 of the larger of the
 * value and `scale`: a difference of two rounded values is off by up to 1e-8 of the values
 * themselves, which can be more than 1e-6 of a small difference.
 */
function near(actual: number, expected: number, scale = 0): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1e-6, Math.abs(expected), Math.abs(scale)));
}

function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

describe('lesim compare', () => {
  it('matches a hand computation over the replications lesim run writes for the same seeds', () => {
    const root = tempDir();
    for (const s of ['gde-baseline', 'no-programme']) {
      const r = lesim(['run', s, ...SMALL, '--no-events', '--out', join(root, s)]);
      expect(r.status, r.stderr).toBe(0);
    }
    const out = join(root, 'cmp');
    const r = lesim(['compare', 'gde-baseline', 'no-programme', '--baseline', 'gde-baseline', ...SMALL, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('no-programme vs gde-baseline: 3 paired replications');
    expect(r.stdout).toMatch(/Digital maturity of all organizations at the end\s+index 0-1/);
    // The counterfactual saves money: no cost per unit anywhere (issue 13: "GBP -395M" and a positive cost).
    expect(r.stdout).toMatch(/GBP [\d.]+ million less spent than the baseline/);
    expect(r.stdout).toContain('Cost per unit: not meaningful here');
    const header = readFileSync(join(out, 'comparison.csv'), 'utf8').split('\n')[0];
    expect(header).toBe(COMPARISON_COLUMNS.join(','));
    expect(header).toBe('scenario,baseline,outcome,unit,baseline_mean,scenario_mean,difference_mean,difference_ci_low,difference_ci_high,n,extra_cost_gbp,cost_per_unit_gbp,cost_per_unit_ci_low_gbp,cost_per_unit_ci_high_gbp');
    const rows = readCsv(join(out, 'comparison.csv'));
    const base = readCsv(join(root, 'gde-baseline', 'replications.csv'));
    const other = readCsv(join(root, 'no-programme', 'replications.csv'));
    expect(base.map((b) => b.seed)).toEqual(other.map((o) => o.seed));
    // By hand: paired differences, their mean, sd and mean ± t(0.975, 2) sd / sqrt(3).
    const t2 = 4.30265273;
    for (const outcome of ['maturity_end_all', 'informal_formations_total', 'maturity_end_outside']) {
      const d = base.map((b, k) => Number(other[k][outcome]) - Number(b[outcome]));
      const mean = (d[0] + d[1] + d[2]) / 3;
      const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
      const row = rows.find((x) => x.outcome === outcome)!;
      expect(row.scenario).toBe('no-programme');
      expect(row.baseline).toBe('gde-baseline');
      expect(Number(row.n)).toBe(3);
      const magnitude = Math.max(...base.map((b) => Math.abs(Number(b[outcome]))));
      near(Number(row.difference_mean), mean, magnitude);
      near(Number(row.difference_ci_low), mean - (t2 * sd) / Math.sqrt(3), magnitude);
      near(Number(row.difference_ci_high), mean + (t2 * sd) / Math.sqrt(3), magnitude);
      near(Number(row.baseline_mean), base.reduce((s, b) => s + Number(b[outcome]), 0) / 3);
      // Cost per unit: extra spend over the difference, interval from the difference's interval.
      const extra = other.reduce((s, o, k) => s + Number(o.spend_programme_gbp) - Number(base[k].spend_programme_gbp), 0) / 3;
      expect(Number(row.extra_cost_gbp)).toBeCloseTo(extra, 0);
      const lo = mean - (t2 * sd) / Math.sqrt(3);
      const hi = mean + (t2 * sd) / Math.sqrt(3);
      if ((lo > 0 || hi < 0) && extra > 0) {
        expect(Number(row.cost_per_unit_gbp) / (extra / mean)).toBeCloseTo(1, 4);
        expect(Number(row.cost_per_unit_ci_low_gbp) / Math.min(extra / lo, extra / hi)).toBeCloseTo(1, 4);
      } else expect(row.cost_per_unit_gbp).toBe('');
      // no-programme spends less than the baseline: never a cost per unit.
      if (extra < 0) expect(row.cost_per_unit_gbp).toBe('');
    }
    const json = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(json.rows).toHaveLength(rows.length);
    expect(json.scenarios.map((s: { name: string }) => s.name)).toEqual(['gde-baseline', 'no-programme']);
    expect(json.scenarios[1].description).toContain('but no programme');
    expect(json.months).toBe(36);
    expect(json.notices).toEqual([]);
    expect(JSON.stringify(json)).not.toMatch(/seeds\/|_[0-9a-f]{16}\.txt/);
    expect(json.references.join('\n')).toContain('https://doi.org/10.2196/23372');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.replications).toBe(3);
    expect(manifest.base_seed).toBe(4);
    expect(manifest.scenarios[1].parameters.programmeActive_flag.value).toBe(0);
    expect(manifest.scenarios[0].parameters.horizon_months.value).toBe(36);
  });

  it('compares scenario files and refuses bad input with exit 2', () => {
    const root = tempDir();
    const file = join(root, 'partner.yaml');
    expect(lesim(['scenarios', 'gde-baseline', '--save', file, '--set', 'labels=partner']).status).toBe(0);
    const r = lesim(['compare', 'gde-baseline', file, '--reps', '2', '--months', '12', '--out', join(root, 'c')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('partner vs gde-baseline');
    for (const args of [
      ['compare', 'gde-baseline'],
      ['compare', 'gde-baseline', 'no-such-scenario'],
      ['compare', 'gde-baseline', 'no-programme', '--baseline', 'early-taper'],
      ['compare', 'gde-baseline', 'no-programme', '--reps', '1'],
      ['compare', 'gde-baseline', 'gde-baseline'],
    ]) {
      const bad = lesim(args, root);
      expect(bad.status, args.join(' ')).toBe(2);
      expect(bad.stderr).not.toMatch(STACK_FRAME);
    }
    const exists = lesim(['compare', 'gde-baseline', file, '--reps', '2', '--months', '12', '--out', join(root, 'c')]);
    expect(exists.status).toBe(2);
    expect(exists.stderr).toContain('--force');
  });
});

describe('lesim compare: one window, the batch engine, --json', () => {
  const root = tempDir('lesim-compare-');
  const scenario = (name: string, body: string) => {
    const file = join(root, `${name}.yaml`);
    writeFileSync(file, `name: ${name}\nextends: gde-baseline\n${body}`);
    return file;
  };

  it('runs scenarios of different horizons on the longest one and says so', () => {
    const short = scenario('short', 'run:\n  months: 12\n');
    const long = scenario('long', 'run:\n  months: 18\n');
    const out = join(root, 'aligned');
    const r = lesim(['compare', short, long, '--reps', '2', '--seed', '3', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: short runs 12 months but long runs 18: every scenario was run 18 months (to June 2018)');
    expect(r.stdout).toContain('Note: short runs 12 months');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.months).toBe(18);
    expect(manifest.notices).toHaveLength(1);
    expect(manifest.scenarios.map((s: { parameters: { horizon_months: { value: number } } }) => s.parameters.horizon_months.value)).toEqual([18, 18]);
    // The same window, the same seeds, the same model: every difference is exactly 0.
    const rows = readCsv(join(out, 'comparison.csv'));
    expect(rows.filter((x) => x.difference_mean !== '' && Number(x.difference_mean) !== 0)).toEqual([]);
  });

  it('refuses scenarios that start in different years, exit 2, before any run', () => {
    const later = scenario('later', 'run:\n  start_year: 2016\n');
    const out = join(root, 'refused');
    const r = lesim(['compare', 'gde-baseline', later, '--reps', '2', '--months', '12', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot compare gde-baseline and later: the scenarios start in different years (gde-baseline starts in January 2017, later starts in January 2016)');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(out) || existsSync(`${out}.partial`)).toBe(false);
  });

  const args = ['compare', 'gde-baseline', 'no-programme', '--reps', '4', '--months', '12', '--seed', '2'];
  const reference = join(root, 'whole');

  it('--json prints only JSON on stdout: the comparison with its directory', () => {
    const r = lesim([...args, '--out', reference, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.out).toBe(reference);
    expect(json.rows.length).toBeGreaterThan(50);
    expect(json.rows[0]).toHaveProperty('difference_ci_low');
    expect(JSON.parse(readFileSync(join(reference, 'comparison.json'), 'utf8')).rows).toEqual(json.rows);
  });

  it('resumes an interrupted comparison and merges shards to the same bytes', async () => {
    const out = join(root, 'resumed');
    const child = spawn(process.execPath, [CLI, ...args, '--workers', '1', '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (;;) {
      await new Promise((r) => setTimeout(r, 10));
      const dir = join(`${out}.partial`, 'records', 'p0');
      if (existsSync(dir) && readdirSync(dir).length >= 1) break;
      if (child.exitCode !== null) throw new Error('finished before it could be interrupted');
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(existsSync(out)).toBe(false);
    const resumed = lesim([...args, '--out', out, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    const shards = ['1/2', '2/2'].map((s, i) => {
      const dir = join(root, `shard${i}`);
      const r = lesim([...args, '--shard', s, '--out', dir]);
      expect(r.status, r.stderr).toBe(0);
      return dir;
    });
    const merged = join(root, 'merged');
    expect(lesim(['merge', ...shards, '--out', merged]).status).toBe(0);
    for (const dir of [out, merged]) {
      for (const f of ['comparison.csv', 'comparison.json', 'failures.csv']) expect(readFileSync(join(dir, f), 'utf8'), `${dir}/${f}`).toBe(readFileSync(join(reference, f), 'utf8'));
    }
  });
});
