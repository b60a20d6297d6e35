import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../charts/fixtures.js';
import { lesim, STACK_FRAME, tempDir } from './cli.js';

describe('lesim report', () => {
  it('writes one self-contained page with every chart, the results, the scenario and the provenance', () => {
    const run = makeRun('gde-baseline');
    const out = join(tempDir(), 'report.html');
    const r = lesim(['report', run, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('5 charts');
    const html = readFileSync(out, 'utf8');
    // Internal references (url(#gradient)) are fine; anything that could fetch is not.
    expect(html).not.toMatch(/<script|<link|src=|@import|url\((?!#)|href="(?!#)/);
    expect(html).toContain("url(#chart-spectrum-gradient_0)");
    expect(html.match(/<figure class="chart"/g)).toHaveLength(5);
    const manifest = JSON.parse(readFileSync(join(run, 'manifest.json'), 'utf8'));
    expect(html).toContain(manifest.git_commit);
    expect(html).toContain(manifest.lesim_version);
    expect(html).toContain('lesim:1:1');
    expect(html).toContain(manifest.scenario.description.slice(0, 40));
    const summary = JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8'));
    const m = summary.outcomes.maturity_end_outside;
    expect(html).toContain(`${m.mean.toFixed(3)} (95% CI ${m.ci_low.toFixed(3)} to ${m.ci_high.toFixed(3)})`);
  });

  it('lists a chart it cannot draw with the reason, and draws the rest', () => {
    const run = join(tempDir(), 'run');
    expect(lesim(['run', 'no-programme', '--reps', '2', '--months', '24', '--out', run]).status).toBe(0);
    const r = lesim(['report', run]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('not drawn: survival');
    expect(readFileSync(join(run, 'report.html'), 'utf8')).toContain('Not drawn');
  });

  it('refuses a directory that is not a run, and an existing file without --force', () => {
    const bad = lesim(['report', tempDir()]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('neither a run directory');
    expect(bad.stderr).not.toMatch(STACK_FRAME);
    const out = join(tempDir(), 'r.html');
    writeFileSync(out, 'mine');
    const refused = lesim(['report', makeRun('gde-baseline'), '--out', out]);
    expect(refused.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('mine');
  });
});
