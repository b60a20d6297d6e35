import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/model/validate.js';
import { researchPlan, runInStore } from '../../src/research/runner.js';
import { tempDir } from '../cli/cli.js';

describe('research runs in a batch store', () => {
  it('adds replicates without re-running the earlier ones, and pairs arms under common random numbers', async () => {
    const dir = tempDir('lesim-research-store-');
    const a = { values: {}, params: resolveParams({ horizon_months: 6 }, 'test') };
    const b = { values: {}, params: resolveParams({ horizon_months: 6, search_probPerMonth: 0.1 }, 'test') };
    const first = await runInStore(researchPlan('t', 'test', [], [a, b, a], 2, 5), join(dir, 's'), { workers: 0 });
    expect(first.ran).toBe(6);
    const second = await runInStore(researchPlan('t', 'test', [], [a, b, a], 3, 5), join(dir, 's'), { workers: 0 });
    expect(second.ran).toBe(3);
    expect(second.outcomes[0].slice(0, 2)).toEqual(first.outcomes[0]);
    // Replicate k of every point uses the same streams: a repeated point gives the same runs.
    expect(second.outcomes[2]).toEqual(second.outcomes[0]);
    expect(second.outcomes[1][0]).not.toEqual(second.outcomes[0][0]);
    rmSync(dir, { recursive: true, force: true });
  });
});
