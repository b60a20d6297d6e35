import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeComparison, makeRun } from '../charts/fixtures.js';
import { colouredShare, decodePng } from '../charts/png.js';
import { lesim, STACK_FRAME, tempDir } from './cli.js';

let run: string;

beforeAll(() => {
  run = makeRun('gde-baseline');
});

describe('lesim chart', () => {
  it.each(['formation', 'spectrum', 'maturity', 'network', 'survival'])('draws %s of a run as SVG and PNG', (kind) => {
    const out = tempDir();
    const svg = lesim(['chart', run, '--kind', kind, '--out', join(out, `${kind}.svg`)]);
    expect(svg.status, svg.stderr).toBe(0);
    expect(readFileSync(join(out, `${kind}.svg`), 'utf8')).toMatch(/class="mark-(line|rect) role-mark/);
    const png = lesim(['chart', run, '--kind', kind, '--format', 'png', '--out', join(out, `${kind}.png`)]);
    expect(png.status, png.stderr).toBe(0);
    expect(colouredShare(decodePng(readFileSync(join(out, `${kind}.png`))))).toBeGreaterThan(0.001);
  });

  it('writes html and vl.json, by default into <dir>/charts/', () => {
    const dir = join(tempDir(), 'run');
    writeFileSync(join(tempDir(), 'x'), '');
    expect(lesim(['run', 'no-programme', '--reps', '2', '--months', '24', '--out', dir]).status).toBe(0);
    expect(lesim(['chart', dir, '--kind', 'maturity', '--format', 'html']).status).toBe(0);
    expect(lesim(['chart', dir, '--kind', 'spectrum', '--format', 'vl.json', '--at', '0,23']).status).toBe(0);
    expect(readdirSync(join(dir, 'charts')).sort()).toEqual(['maturity.html', 'spectrum.vl.json']);
    const spec = JSON.parse(readFileSync(join(dir, 'charts', 'spectrum.vl.json'), 'utf8'));
    expect(spec.data.values.map((v: { month: number }) => v.month).filter((m: number, i: number, a: number[]) => a.indexOf(m) === i)).toEqual([0, 23]);
  });

  it('detects a comparison directory and draws its difference and cost charts (fixture comparison.csv)', () => {
    const dir = makeComparison();
    for (const kind of ['difference', 'cost']) {
      const r = lesim(['chart', dir, '--kind', kind, '--format', 'png']);
      expect(r.status, r.stderr).toBe(0);
      expect(colouredShare(decodePng(readFileSync(join(dir, 'charts', `${kind}.png`))))).toBeGreaterThan(0.001);
    }
    const wrong = lesim(['chart', dir, '--kind', 'maturity']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('Kinds for this directory: difference, cost');
  });

  it('refuses to replace an existing chart unless --force', () => {
    const out = join(tempDir(), 'chart.svg');
    writeFileSync(out, 'mine');
    const refused = lesim(['chart', run, '--kind', 'maturity', '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(lesim(['chart', run, '--kind', 'maturity', '--out', out, '--force']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<svg');
    expect(readdirSync(join(out, '..')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('lesim chart: bad input', () => {
  it.each([
    [['chart', '/nonexistent-dir', '--kind', 'maturity'], 'is not a directory'],
    [['chart', '.', '--kind', 'maturity'], 'is neither a run directory'],
    [['chart', 'RUN', '--kind', 'pie'], 'Argument: kind, Given: "pie", Choices: "formation", "spectrum"'],
    [['chart', 'RUN', '--kind', 'maturity', '--format', 'gif'], 'Argument: format, Given: "gif", Choices: "svg", "png", "html", "vl.json"'],
    [['chart', 'RUN', '--kind', 'difference'], 'needs a comparison directory'],
    [['chart', 'RUN', '--kind', 'spectrum', '--at', '5,x'], '--at must be a whole number'],
    [['chart', 'RUN', '--kind', 'spectrum', '--at', '500'], 'outside the run; allowed: whole months 0 to 95'],
    [['chart', 'RUN', '--kind', 'maturity', '--scale', '0'], '--scale must be a whole number from 1 to 8'],
    [['chart', 'RUN'], 'kind'],
  ])('%j: exit 2 with a message and no stack trace', (args, message) => {
    const r = lesim(args.map((a) => (a === 'RUN' ? run : a)), tempDir());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('explains that the survival chart needs events and a run past funding end', () => {
    const noEvents = join(tempDir(), 'run');
    expect(lesim(['run', 'gde-baseline', '--reps', '2', '--months', '96', '--no-events', '--out', noEvents]).status).toBe(0);
    const r = lesim(['chart', noEvents, '--kind', 'survival']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--no-events');
    const short = join(tempDir(), 'run');
    expect(lesim(['run', 'gde-baseline', '--reps', '2', '--months', '24', '--out', short]).status).toBe(0);
    const s = lesim(['chart', short, '--kind', 'survival']);
    expect(s.status).toBe(2);
    expect(s.stderr).toContain('past funding end');
    expect(existsSync(join(short, 'charts'))).toBe(false);
  });
});
