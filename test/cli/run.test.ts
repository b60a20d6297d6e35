import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lesim, STACK_FRAME, tempDir } from './cli.js';

const SMALL = ['--reps', '2', '--months', '24'];
const DETERMINISTIC_FILES = ['spectrum.csv', 'modes.csv', 'knowledge_flow.csv', 'maturity.csv', 'network.csv', 'programme.csv', 'replications.csv', 'events.csv', 'organizations.csv', 'summary.json'];

describe('lesim run', () => {
  it('writes every output file and a readable summary', () => {
    const out = join(tempDir(), 'run');
    const r = lesim(['run', 'gde-baseline', ...SMALL, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('gde-baseline: 2 replications x 24 months');
    expect(readdirSync(out).sort()).toEqual([...DETERMINISTIC_FILES, 'failures.csv', 'manifest.json'].sort());
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.seeds).toHaveLength(2);
    expect(manifest.parameters.horizon_months.value).toBe(24);
    expect(manifest.node_version).toBe(process.version);
    const header = readFileSync(join(out, 'spectrum.csv'), 'utf8').split('\n')[0];
    expect(header).toBe('month,date,measure,formality,origin,mean,sd,ci_low,ci_high,n');
  });

  it('gives byte-identical outputs for the same seed and different ones for another seed', () => {
    const root = tempDir();
    for (const [name, seed] of [['a', '5'], ['b', '5'], ['c', '6']]) {
      expect(lesim(['run', 'no-programme', ...SMALL, '--seed', seed, '--out', join(root, name)]).status).toBe(0);
    }
    for (const file of DETERMINISTIC_FILES) {
      expect(readFileSync(join(root, 'a', file)).equals(readFileSync(join(root, 'b', file))), file).toBe(true);
    }
    expect(readFileSync(join(root, 'a', 'spectrum.csv')).equals(readFileSync(join(root, 'c', 'spectrum.csv')))).toBe(false);
  });

  it('refuses to overwrite a directory that holds a run unless --force, and loses nothing', () => {
    const out = join(tempDir(), 'run');
    expect(lesim(['run', 'gde-baseline', ...SMALL, '--out', out]).status).toBe(0);
    const before = readFileSync(join(out, 'spectrum.csv'));
    const mtime = statSync(join(out, 'manifest.json')).mtimeMs;
    const refused = lesim(['run', 'gde-baseline', ...SMALL, '--seed', '9', '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('already holds a run');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(join(out, 'spectrum.csv')).equals(before)).toBe(true);
    expect(statSync(join(out, 'manifest.json')).mtimeMs).toBe(mtime);
    const forced = lesim(['run', 'gde-baseline', ...SMALL, '--seed', '9', '--out', out, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(out, 'spectrum.csv')).equals(before)).toBe(false);
    expect(readdirSync(join(out, '..')).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });

  it('refuses a non-empty directory that is not a run', () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = lesim(['run', 'gde-baseline', ...SMALL, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not empty');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('bad input', () => {
  it('names the valid scenarios for an unknown one, exit 2, no stack trace', () => {
    const r = lesim(['run', 'gde-basline']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown scenario 'gde-basline'");
    expect(r.stderr).toContain('gde-baseline');
    expect(r.stderr).toContain('no-programme');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it.each([
    ['--reps', 'abc'],
    ['--reps', '-3'],
    ['--reps', '0'],
    ['--reps', '2.5'],
    ['--months', 'ten'],
    ['--months', '-1'],
    ['--months', '0'],
    ['--seed', '-1'],
  ])('rejects %s %s with a clear message and exit 2', (option, value) => {
    const r = lesim(['run', 'gde-baseline', `${option}=${value}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${option} must be a whole number`);
    expect(r.stderr).toContain(`'${value}'`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('rejects unknown options and missing commands with exit 2', () => {
    expect(lesim(['run', 'gde-baseline', '--repz', '3']).status).toBe(2);
    expect(lesim([]).status).toBe(2);
  });
});

describe('lesim scenarios', () => {
  it('lists the built-in scenarios and describes one', () => {
    const list = lesim(['scenarios']);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('gde-baseline');
    expect(list.stdout).toContain('no-programme');
    const one = lesim(['scenarios', 'no-programme']);
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('programme.active = false');
    expect(lesim(['scenarios', 'nope']).status).toBe(2);
  });
});
