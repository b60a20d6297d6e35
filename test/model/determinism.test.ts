import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/run.js';
import { resolveParams } from '../../src/model/validate.js';

describe('determinism', () => {
  // A short spin-up (ODD 5) is enough to cover its draws; the default one would only cost time.
  const params = resolveParams({ horizon_months: 36, spinUp_months: 12 }, 'test');

  it('gives identical series, outcomes and events for the same seed', () => {
    const a = runReplication(params, 7, 3, { keepEvents: true });
    const b = runReplication(params, 7, 3, { keepEvents: true });
    expect(Buffer.from(a.series.buffer).equals(Buffer.from(b.series.buffer))).toBe(true);
    expect(a.outcomes).toEqual(b.outcomes);
    expect(a.events).toEqual(b.events);
  });

  it('gives different series for a different base seed or replicate', () => {
    const a = runReplication(params, 7, 3);
    const b = runReplication(params, 8, 3);
    const c = runReplication(params, 7, 4);
    expect(Buffer.from(a.series.buffer).equals(Buffer.from(b.series.buffer))).toBe(false);
    expect(Buffer.from(a.series.buffer).equals(Buffer.from(c.series.buffer))).toBe(false);
  });
});
