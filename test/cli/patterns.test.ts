import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATTERN_COLUMNS } from '../../src/patterns/files.js';
import { lesim, tempDir } from './cli.js';

describe('lesim patterns', () => {
  const root = tempDir('lesim-patterns-');

  it('prints each criterion with its interval, target and knock-out, and writes patterns.csv and patterns.json', () => {
    const out = join(root, 'p');
    const r = lesim(['patterns', '--only', 'P9a,P12b', '--reps', '2', '--seed', '3', '--workers', '1', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/P9a\s+0\.\d+ \(/);
    // Academy places are drawn among programme staff, so the count varies a little around 50.
    expect(r.stdout).toMatch(/P12b\s+\d+(\.\d+)? \([\d.]+ to [\d.]+\)\s+37\.1 to 65\.9\s+PASS\s+0 \(0 to 0\) weakens/);
    const csv = readFileSync(join(out, 'patterns.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe(PATTERN_COLUMNS.join(','));
    expect(csv).toHaveLength(3);
    const json = JSON.parse(readFileSync(join(out, 'patterns.json'), 'utf8'));
    expect(json.replications).toBe(2);
    expect(json.patterns.map((p: { id: string }) => p.id)).toEqual(['P9', 'P12']);
    expect(json.patterns[1].criteria[0].knockout.overrides).toEqual({ academyCohorts_count: 0 });
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    // The counterfactual's steadiness (issue 11 item 1), whatever patterns are selected.
    expect(r.stdout).toMatch(/Counterfactual trend in active relationships \(no programme, 2017-2026, 2 replications\): [+-]\d+\.\d% a year \(95% CI [+-]\d+\.\d% to [+-]\d+\.\d%\), within ±5%: (yes|no)/);
    const steady = json.counterfactual_steadiness;
    expect(steady.window_months).toBe(120);
    expect(steady.replications).toBe(2);
    expect(steady.trend_per_year_share.ci_low).toBeLessThanOrEqual(steady.trend_per_year_share.mean);
    expect(steady.steady).toBe(steady.trend_per_year_share.ci_low >= -0.05 && steady.trend_per_year_share.ci_high <= 0.05);
  });

  it('starts every configuration from the parameters of --scenario (e.g. a calibrated.yaml)', () => {
    const file = join(root, 'no-academy.yaml');
    writeFileSync(file, 'extends: gde-baseline\nparameters:\n  academyCohorts_count: 0\n');
    const out = join(root, 'scenario');
    const r = lesim(['patterns', '--scenario', file, '--only', 'P12b', '--reps', '2', '--workers', '1', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Every configuration starts from: academyCohorts_count=0/);
    const json = JSON.parse(readFileSync(join(out, 'patterns.json'), 'utf8'));
    expect(json.parameters).toEqual({ academyCohorts_count: 0 });
    // No cohorts in the baseline itself: no academy ties to count.
    expect(json.patterns[0].criteria[0].measured.mean).toBe(0);
  });

  it('refuses a bad --scenario file naming the file and field, with exit code 2 and nothing written', () => {
    const file = join(root, 'bad.yaml');
    writeFileSync(file, 'extends: gde-baseline\nparameters:\n  academyCohorts_count: -3\n');
    const out = join(root, 'bad-scenario');
    const r = lesim(['patterns', '--scenario', file, '--only', 'P12b', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml/);
    expect(r.stderr).toMatch(/academyCohorts_count/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unknown pattern id with exit code 2 and writes nothing', () => {
    const out = join(root, 'bad');
    const r = lesim(['patterns', '--only', 'P13', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--only: unknown pattern or criterion P13/);
    expect(existsSync(out)).toBe(false);
  });
});
