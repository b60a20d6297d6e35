import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/model/validate.js';
import { runPatternPoints } from '../../src/patterns/runs.js';
import { patternBatch } from '../../src/research/patternBatch.js';
import { tempDir } from '../cli/cli.js';

describe('a batch of pattern runs kept as one file per run', () => {
  it('filled by two shards in turn, gives exactly the values of one whole batch', async () => {
    const dir = tempDir('lesim-pattern-batch-');
    const points = [resolveParams({ horizon_months: 6 }, 'test'), resolveParams({ horizon_months: 6, search_probPerMonth: 0.1 }, 'test')];
    const whole = await runPatternPoints(points, 3, 9, 0);
    const first = await patternBatch(join(dir, 'b'), points, 3, 9, { workers: 0, shard: { index: 1, count: 2 } });
    expect(first).toEqual({ missing: 3, total: 6, ran: 3 });
    // Only looking runs nothing.
    expect((await patternBatch(join(dir, 'b'), points, 3, 9, { workers: 0, shard: { index: 0, count: 2 }, dryRun: true })).ran).toBe(0);
    const second = await patternBatch(join(dir, 'b'), points, 3, 9, { workers: 0, shard: { index: 0, count: 2 } });
    expect(second.ran).toBe(3);
    expect(second.missing).toBe(0);
    // Values read back equal those of the whole batch (NaN, written as null, reads back as NaN).
    expect(second.values).toEqual(whole.values);
    const again = await patternBatch(join(dir, 'b'), points, 3, 9, { workers: 0, shard: { index: 0, count: 1 } });
    expect(again.ran).toBe(0);
    expect(again.values).toEqual(whole.values);
    rmSync(dir, { recursive: true, force: true });
  });
});
