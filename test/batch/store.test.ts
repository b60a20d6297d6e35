import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeBatch } from '../../src/batch/execute.js';
import { finalizeBatch } from '../../src/batch/finalize.js';
import { planFingerprint, WHOLE, type BatchPlan } from '../../src/batch/plan.js';
import { BatchStore, BatchStoreError } from '../../src/batch/store.js';
import { resolveParams } from '../../src/model/validate.js';

const root = mkdtempSync(join(tmpdir(), 'lesim-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const plan: BatchPlan = {
  kind: 'run',
  scenario: { name: 'gde-baseline', title: 't', description: 'd', sources: [], overrides: {} },
  points: [{ id: 0, values: {}, params: resolveParams({ horizon_months: 6 }, 'test') }],
  replicates: 2,
  baseSeed: 5,
  crn: true,
  keepEvents: false,
  keepRuns: false,
};
const madeWith = { lesim_version: '0.1.0', git_commit: 'x' };
const provenance = { lesimVersion: '0.1.0', gitCommit: 'x', nodeVersion: 'v20', startedAt: 't0', finishedAt: 't1', command: ['lesim'] };
let pristine: string;

/** A finished store, copied fresh for each test so each can damage its own. */
function finished(): BatchStore {
  const dir = mkdtempSync(join(root, 'copy-'));
  rmSync(dir, { recursive: true });
  cpSync(pristine, dir, { recursive: true });
  return new BatchStore(dir);
}

beforeAll(async () => {
  pristine = join(root, 'pristine');
  const store = new BatchStore(pristine);
  store.writePlan(plan, planFingerprint(plan), WHOLE, madeWith);
  await executeBatch(plan, store, { workers: 0, shard: WHOLE, resume: false });
});

function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(BatchStoreError);
    return (error as Error).message;
  }
  throw new Error('expected a BatchStoreError');
}

const merge = (store: BatchStore) => finalizeBatch([store], join(root, `out-${Math.random().toString(36).slice(2)}`), false, provenance);
const recordFile = (store: BatchStore, k: number) => join(store.dir, 'records', 'p0', `r${k}.json`);

describe('state files read back', () => {
  it('an untouched store finalizes', () => {
    expect(merge(finished()).failed).toBe(0);
  });

  it('refuses a record with a forged seed, naming the file and the seed the plan gives', () => {
    const store = finished();
    const record = JSON.parse(readFileSync(recordFile(store, 1), 'utf8'));
    writeFileSync(recordFile(store, 1), JSON.stringify({ ...record, seed: 'lesim:999:1' }));
    expect(refusal(() => merge(store))).toMatch(/replicate 1 has seed 'lesim:999:1' but its plan gives 'lesim:5:1'/);
  });

  it('refuses a record with empty or partial outcomes', () => {
    const store = finished();
    const record = JSON.parse(readFileSync(recordFile(store, 0), 'utf8'));
    writeFileSync(recordFile(store, 0), JSON.stringify({ ...record, outcomes: {} }));
    expect(refusal(() => merge(store))).toMatch(new RegExp(`${recordFile(store, 0).replace(/[.]/g, '\\.')}: not a lesim run record file \\(outcomes\\.maturity_start_exemplar: `));
  });

  it('refuses a record filed under another replicate', () => {
    const store = finished();
    writeFileSync(recordFile(store, 1), readFileSync(recordFile(store, 0)));
    expect(refusal(() => store.readRecord(0, 1))).toMatch(/holds the record of point 0, replicate 0, not of point 0, replicate 1/);
  });

  it('valid JSON of the wrong shape is named, never a TypeError', () => {
    for (const text of ['[]', 'null', '{"point": "0"}', '42']) {
      const store = finished();
      writeFileSync(recordFile(store, 0), text);
      expect(refusal(() => merge(store))).toContain(`${recordFile(store, 0)}: not a lesim run record file`);
    }
    const store = finished();
    writeFileSync(join(store.dir, 'plan.json'), '{"fingerprint": 1}');
    expect(refusal(() => store.readPlan())).toMatch(/plan\.json: not a lesim plan file \(fingerprint: /);
    const complete = finished();
    writeFileSync(join(complete.dir, 'complete.json'), '{"shard": {"index": 3, "count": 2}}');
    expect(refusal(() => merge(complete))).toMatch(/complete\.json: not a lesim completion file/);
  });

  it('refuses a plan edited after it was written (its fingerprint no longer fits)', () => {
    const store = finished();
    const stored = JSON.parse(readFileSync(join(store.dir, 'plan.json'), 'utf8'));
    stored.plan.replicates = 1;
    writeFileSync(join(store.dir, 'plan.json'), JSON.stringify(stored));
    expect(refusal(() => store.readPlan())).toMatch(/does not match its fingerprint/);
  });

  it('refuses checkpoints that are not JSON, of the wrong shape, or of another plan size', () => {
    const sums = (store: BatchStore) => join(store.dir, 'sums', 'p0.json.gz');
    const torn = finished();
    writeFileSync(sums(torn), 'not gzip');
    expect(refusal(() => merge(torn))).toMatch(/p0\.json\.gz: is not a valid gzip file/);
    const shape = finished();
    writeFileSync(sums(shape), gzipSync('{"folded": [0, 0], "series": {"size": 0, "count": [], "sum": [], "sumSq": []}}'));
    expect(refusal(() => merge(shape))).toMatch(/not a lesim checkpoint file \(\(file\): folded lists a replicate twice\)/);
    const size = finished();
    writeFileSync(sums(size), gzipSync('{"folded": [0, 1], "series": {"size": 1, "count": [2], "sum": [""], "sumSq": [""]}}'));
    expect(refusal(() => merge(size))).toMatch(/sums of point 0 have 1 cells but its plan has \d+/);
  });

  it('refuses a record file that is not a regular file or too large', () => {
    const store = finished();
    writeFileSync(recordFile(store, 0), `{"pad": "${'x'.repeat(1_100_000)}"}`);
    expect(refusal(() => merge(store))).toMatch(/is larger than 1000000 bytes/);
  });
});
