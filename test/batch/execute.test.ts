import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { executeBatch } from '../../src/batch/execute.js';
import { WHOLE, type BatchPlan } from '../../src/batch/plan.js';
import { BatchStore } from '../../src/batch/store.js';
import { OUTCOMES, type Outcomes } from '../../src/model/outcomes.js';
import { N_CELLS } from '../../src/model/recorder.js';
import { resolveParams } from '../../src/model/validate.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function store(): BatchStore {
  const dir = mkdtempSync(join(tmpdir(), 'lesim-exec-'));
  dirs.push(dir);
  return new BatchStore(dir);
}

const plan: BatchPlan = {
  kind: 'sweep',
  scenario: { name: 'gde-baseline', title: 't', description: 'd', sources: [], overrides: {} },
  sweep: { file: 'f', design: 'factorial', samples: 0, parameters: ['ownChoicePairing_share'] },
  points: [0.2, 0.9].map((x, id) => ({ id, values: { ownChoicePairing_share: x }, params: resolveParams({ horizon_months: 10, ownChoicePairing_share: x }, 'test') })),
  replicates: 3,
  baseSeed: 2,
  crn: true,
  keepEvents: true,
  keepRuns: false,
};

describe('executeBatch', () => {
  it('gives the same records and sums on the calling thread and on worker threads (through the tsx shim)', async () => {
    const a = store();
    const b = store();
    const inline = await executeBatch(plan, a, { workers: 0, shard: WHOLE, resume: false });
    const threaded = await executeBatch(plan, b, { workers: 2, shard: WHOLE, resume: false });
    expect(inline).toEqual({ total: 6, done: 6, failed: 0, interrupted: false });
    expect(threaded).toEqual(inline);
    for (const point of [0, 1]) {
      const sa = a.readCheckpoint(point)!;
      const sb = b.readCheckpoint(point)!;
      expect([...sb.folded].sort()).toEqual([0, 1, 2]);
      for (let i = 0; i < 10 * N_CELLS; i += 7) expect(sb.series.get(i)).toEqual(sa.series.get(i));
      for (let k = 0; k < 3; k++) expect(b.readRecord(point, k)).toEqual(a.readRecord(point, k));
    }
    expect(a.readComplete()).toEqual(WHOLE);
  });

  it('gives the same records, events and sums whether or not the points share their spun-up worlds', async () => {
    // The sweep's points differ in ownChoicePairing_share, which the spin-up never reads: each
    // replicate's runs are one job sharing one world (jobs.ts), unless sharing is off.
    const alone = store();
    const shared = store();
    await executeBatch(plan, alone, { workers: 0, shard: WHOLE, resume: false, shareSpinUp: false });
    await executeBatch(plan, shared, { workers: 2, shard: WHOLE, resume: false });
    for (const point of [0, 1]) {
      for (let i = 0; i < 10 * N_CELLS; i += 3) expect(shared.readCheckpoint(point)!.series.get(i)).toEqual(alone.readCheckpoint(point)!.series.get(i));
      for (let k = 0; k < 3; k++) {
        expect(shared.readRecord(point, k)).toEqual(alone.readRecord(point, k));
        expect(readFileSync(shared.eventsFile(point, k), 'utf8')).toBe(readFileSync(alone.eventsFile(point, k), 'utf8'));
      }
    }
  });

  it('resuming skips the runs already folded in and ends where an uninterrupted batch ends', async () => {
    const whole = store();
    await executeBatch(plan, whole, { workers: 0, shard: WHOLE, resume: false });
    const part = store();
    let calls = 0;
    const first = await executeBatch(plan, part, { workers: 0, shard: WHOLE, resume: false, stopped: () => calls++ >= 4 });
    expect(first.interrupted).toBe(true);
    expect(part.readComplete()).toBeUndefined();
    let seen = -1;
    const second = await executeBatch(plan, part, { workers: 0, shard: WHOLE, resume: true, onProgress: (done) => (seen = seen < 0 ? done : seen) });
    expect(seen).toBe(first.done);
    expect(second).toMatchObject({ total: 6, done: 6, interrupted: false });
    for (const point of [0, 1]) for (let i = 0; i < 10 * N_CELLS; i += 5) expect(part.readCheckpoint(point)!.series.get(i)).toEqual(whole.readCheckpoint(point)!.series.get(i));
  });
});

describe('BatchStore records', () => {
  it('keep an outcome that is undefined in a run (NaN) as NaN, not as null or 0', () => {
    const s = store();
    const outcomes = { ...Object.fromEntries(OUTCOMES.map((name) => [name, 0.5])), maturity_end_exemplar: NaN } as Outcomes;
    s.writeRecord({ point: 0, replicate: 3, seed: 'x', ok: true, outcomes });
    const back = s.readRecord(0, 3)!;
    expect(back.outcomes!.maturity_end_all).toBe(0.5);
    expect(back.outcomes!.maturity_end_exemplar).toBeNaN();
  });
});
