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
    expect(one.stdout).toContain('fundingTaper_months = 24');
    expect(one.stdout).toMatch(/taper_months: 24/);
    expect(one.stdout).toContain('funding_end: 2023-12');
  });

  it('saves an editable copy that validates, and refuses to overwrite it', () => {
    const dir = tempDir();
    const file = join(dir, 'plan.yaml');
    expect(lesim(['scenarios', 'partner-labels', '--save', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('labels: partner');
    const v = lesim(['validate', file]);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toContain('labelsActive_flag = 0');
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
