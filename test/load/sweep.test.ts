import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSweepDirectory, loadSweep, SweepDirectoryError } from '../../src/load/index.js';
import { makeSweep } from '../charts/sweepFixtures.js';

let dir: string;
beforeAll(() => {
  dir = makeSweep('single').dir;
}, 120_000);

describe('loadSweep', () => {
  it('reads the points and every outcome of each, with the swept values as numbers', () => {
    expect(isSweepDirectory(dir)).toBe(true);
    const sweep = loadSweep(dir);
    expect(sweep.summary).toMatchObject({ kind: 'sweep', design: 'factorial', parameters: ['learningNetworks_count'], points: 2, replications: 2 });
    expect(sweep.points.map((p) => p.values.learningNetworks_count)).toEqual([4, 8]);
    expect(sweep.points.every((p) => p.replicationsOk === 2 && p.replicationsFailed === 0)).toBe(true);
    const maturity = sweep.outcomes.filter((o) => o.outcome === 'maturity_end_all');
    expect(maturity).toHaveLength(2);
    for (const o of maturity) expect(o.ciLow).toBeLessThanOrEqual(o.mean);
  });

  it('a run directory is not a sweep; a damaged sweep names the file and what is missing', () => {
    const damaged = mkdtempSync(join(tmpdir(), 'lesim-sweep-damaged-'));
    cpSync(dir, damaged, { recursive: true });
    rmSync(join(damaged, 'outcomes.csv'));
    expect(() => loadSweep(damaged)).toThrow(SweepDirectoryError);
    expect(() => loadSweep(damaged)).toThrow(`${join(damaged, 'outcomes.csv')}: missing`);
    writeFileSync(join(damaged, 'outcomes.csv'), 'point,outcome\n0,x\n');
    expect(() => loadSweep(damaged)).toThrow(/outcomes\.csv: missing column\(s\) learningNetworks_count, mean/);
    writeFileSync(join(damaged, 'summary.json'), '{"kind":"run"}');
    expect(isSweepDirectory(damaged)).toBe(false);
  });
});
