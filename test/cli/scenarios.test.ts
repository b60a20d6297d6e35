import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lesim, STACK_FRAME, tempDir } from './cli.js';

describe('lesim scenarios', () => {
  it('lists every built-in and shows one resolved in plain units', () => {
    const list = lesim(['scenarios']);
    expect(list.status).toBe(0);
    for (const name of ['gde-baseline', 'digital-aspirant', 'competitive-context']) expect(list.stdout).toContain(name);
    const one = lesim(['scenarios', 'early-taper']);
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('Extends: gde-baseline');
    expect(one.stdout).toContain('programme.taper_months = 24 months (default 0 months)');
    expect(one.stdout).toMatch(/taper_months: 24/);
    expect(one.stdout).toContain('funding_end: 2023-12');
  });

  it('speaks in levers and plain units, and cites the papers, not internal files', () => {
    const one = lesim(['scenarios', 'extended-funding']);
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('budget.exemplar_grant_gbp = GBP 12.9 million (default GBP 10 million)');
    expect(one.stdout).toContain('programme.funding_end = 2025-12 (default 2023-12)');
    expect(one.stdout).not.toMatch(/12857142\.857|fundingEnd_month|seeds\/|_[0-9a-f]{16}\.txt|MODEL-BRIEF/);
    expect(one.stdout).toContain('Mozaffar et al. 2026: Principal Findings');
    expect(one.stdout).toContain('Mozaffar H, et al. (2026). Analysis of Multilevel Factors');
    expect(one.stdout).toContain('J Med Internet Res 28:e83345. https://doi.org/10.2196/83345');
    const both = lesim(['scenarios', 'gde-baseline']);
    expect(both.stdout).toContain('J Med Internet Res 23(8):e23372. https://doi.org/10.2196/23372');
  });

  it('--json prints the list, or one scenario, as JSON only', () => {
    const list = JSON.parse(lesim(['scenarios', '--json']).stdout);
    expect(list.map((s: { name: string }) => s.name)).toContain('no-programme');
    const r = lesim(['scenarios', 'extended-funding', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const one = JSON.parse(r.stdout);
    expect(one.name).toBe('extended-funding');
    expect(one.levers.run.months).toBe(144);
    expect(one.changes.find((c: { path: string }) => c.path === 'budget.exemplar_grant_gbp').text).toBe('GBP 12.9 million');
    expect(one.references[0]).toContain('10.2196/83345');
  });

  it('saves an editable copy that validates, and refuses to overwrite it', () => {
    const dir = tempDir();
    const file = join(dir, 'plan.yaml');
    expect(lesim(['scenarios', 'partner-labels', '--save', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('labels: partner');
    const v = lesim(['validate', file]);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toContain('labels = partner');
    const again = lesim(['scenarios', 'partner-labels', '--save', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--force');
    const unknown = lesim(['scenarios', 'nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('gde-baseline');
    expect(unknown.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('lesim params', () => {
  it('lists every parameter with unit, default, range, lever and source', () => {
    const r = lesim(['params', '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('name,unit,default,min,max,whole,lever,description,source');
    // Sources cite the papers, not the internal seed numbers.
    expect(r.stdout).toContain('Cresswell et al. 2021 Design (January 2018 to March 2020)');
    expect(r.stdout).not.toMatch(/,"?00[13] /);
    expect(lines.find((l) => l.startsWith('fundingEnd_month,'))).toContain('programme.funding_end');
    const text = lesim(['params', 'secondment']);
    expect(text.stdout).toContain('secondments_perYear  [secondments/year]  default 0');
    expect(lesim(['params', 'zzz']).status).toBe(2);
  });

  it('lesim run accepts a scenario file and --set', () => {
    const dir = tempDir();
    const file = join(dir, 'plan.yaml');
    expect(lesim(['scenarios', 'gde-baseline', '--save', file]).status).toBe(0);
    const r = lesim(['run', file, '--set', 'labels=partner', '--reps', '1', '--months', '12', '--no-events', '--out', join(dir, 'out')]);
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.parameters.labelsActive_flag.value).toBe(0);
    const bad = lesim(['run', file, '--set', 'labels=friends', '--reps', '1', '--months', '12']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('allowed: one of partner, exemplar-follower');
  });
});
