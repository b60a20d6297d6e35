import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARISON_COLUMNS } from '../../src/compare/compare.js';
import { lesim, STACK_FRAME, tempDir } from './cli.js';

const SMALL = ['--reps', '3', '--months', '36', '--seed', '4'];

/** Both CSVs round (8 significant digits), so agreement is to a relative 1e-6. */
function near(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1e-6, Math.abs(expected)));
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
    expect(r.stdout).toMatch(/maturity_end_all\s+index 0-1/);
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
      near(Number(row.difference_mean), mean);
      near(Number(row.difference_ci_low), mean - (t2 * sd) / Math.sqrt(3));
      near(Number(row.difference_ci_high), mean + (t2 * sd) / Math.sqrt(3));
      near(Number(row.baseline_mean), base.reduce((s, b) => s + Number(b[outcome]), 0) / 3);
      // Cost per unit: extra spend over the difference, interval from the difference's interval.
      const extra = other.reduce((s, o, k) => s + Number(o.spend_programme_gbp) - Number(base[k].spend_programme_gbp), 0) / 3;
      expect(Number(row.extra_cost_gbp)).toBeCloseTo(extra, 0);
      const lo = mean - (t2 * sd) / Math.sqrt(3);
      const hi = mean + (t2 * sd) / Math.sqrt(3);
      if (lo > 0 || hi < 0) {
        expect(Number(row.cost_per_unit_gbp) / (extra / mean)).toBeCloseTo(1, 4);
        expect(Number(row.cost_per_unit_ci_low_gbp) / Math.min(extra / lo, extra / hi)).toBeCloseTo(1, 4);
      } else expect(row.cost_per_unit_gbp).toBe('');
    }
    const json = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(json.rows).toHaveLength(rows.length);
    expect(json.scenarios.map((s: { name: string }) => s.name)).toEqual(['gde-baseline', 'no-programme']);
    expect(json.scenarios[1].description).toContain('but no programme');
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
