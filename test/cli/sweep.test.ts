import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSweep, sweepFile } from '../charts/sweepFixtures.js';
import { lesim, STACK_FRAME, tempDir } from './cli.js';

describe('lesim sweep prints its result', () => {
  it('a table of every point with its swept values and the headline outcomes with intervals', () => {
    const { dir, stdout } = makeSweep('factorial');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe("factorial sweep of short-programme: 4 points x 2 replications; mean (95% interval) over each point's replications");
    expect(lines[1]).toMatch(/^point +ownChoicePairing_share +learningNetworks_count +maturity all +maturity outside/);
    // One row per point, in point order, its values as in points.csv, each outcome "mean (low to high)".
    const points = readFileSync(join(dir, 'points.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    points.forEach((p, i) => expect(lines[2 + i]).toMatch(new RegExp(`^ +${p[0]} +${p[1]} +${p[2]} +\\d\\.\\d{3} \\(\\d\\.\\d{3} to \\d\\.\\d{3}\\)`)));
    expect(stdout).toContain(`lesim chart ${dir} --kind sweep`);
  });

  it('--json: stdout is one JSON document whose numbers match outcomes.csv', () => {
    const out = join(tempDir(), 'sweep');
    const r = lesim(['sweep', sweepFile('single'), '--json', '--out', out]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.kind).toBe('sweep');
    expect(doc.out).toBe(out);
    expect(doc.parameters).toEqual(['learningNetworks_count']);
    expect(doc.points.map((p: { values: Record<string, number> }) => p.values.learningNetworks_count)).toEqual([4, 8]);
    const row = readFileSync(join(out, 'outcomes.csv'), 'utf8').split('\n').find((l) => l.startsWith('1,8,maturity_end_all,'))!.split(',');
    expect(doc.points[1].outcomes.maturity_end_all.mean).toBe(Number(row[3]));
    expect(r.stderr).toContain('sweep factorial: 2 points x 2 replications');
  });
});

describe('lesim chart and lesim report on a sweep directory', () => {
  it('draws both sweep kinds and writes the report; a run kind is refused with the kinds that fit', () => {
    const { dir } = makeSweep('factorial');
    for (const kind of ['sweep', 'sweep-heatmap']) {
      const r = lesim(['chart', dir, '--kind', kind, '--format', 'svg', '--force']);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(join(dir, 'charts', `${kind}.svg`), 'utf8')).toContain('<svg');
    }
    const report = lesim(['report', dir, '--force']);
    expect(report.status, report.stderr).toBe(0);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    const wrong = lesim(['chart', dir, '--kind', 'formation']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('is a sweep directory (lesim sweep); --kind formation needs a run directory. Kinds for this directory: sweep, sweep-heatmap');
    expect(wrong.stderr).not.toMatch(STACK_FRAME);
  });

  it('a heatmap of a one-parameter sweep is refused, exit 2', () => {
    const r = lesim(['chart', makeSweep('single').dir, '--kind', 'sweep-heatmap']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('needs two swept parameters');
  });
});

describe('lesim run --json', () => {
  it('prints only the JSON document on stdout: every outcome with its interval and the files', () => {
    const out = join(tempDir(), 'run');
    const r = lesim(['run', 'gde-baseline', '--reps', '2', '--months', '6', '--no-events', '--json', '--out', out]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ kind: 'run', out, scenario: 'gde-baseline', replications: 2, months: 6, base_seed: 1, failed_replications: 0 });
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(doc.outcomes).toEqual(summary.outcomes);
    expect(doc.files).toContain('summary.json');
  });
});
