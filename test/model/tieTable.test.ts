import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/run.js';
import { TIE_ENDED, TIE_FORMALITY, TIE_MODE, TIE_ORG_A, TIE_ORG_B, TIE_ORIGIN, TIE_PERSON_A, TIE_PERSON_B, TIE_STRIDE } from '../../src/model/tieTable.js';
import { resolveParams } from '../../src/model/validate.js';

describe('tie table', () => {
  it('equals the tie objects after a whole replication (spin-up redate, endings, changes of form)', () => {
    const params = resolveParams({ horizon_months: 60 }, 'test');
    const { finalState: state } = runReplication(params, 5, 0);
    const { data, length } = state.tieTable;
    expect(length).toBe(state.ties.length);
    expect(state.ties.length).toBeGreaterThan(100);
    const mismatches: string[] = [];
    for (const t of state.ties) {
      const o = t.id * TIE_STRIDE;
      const row = [data[o + TIE_PERSON_A], data[o + TIE_PERSON_B], data[o + TIE_ORG_A], data[o + TIE_ORG_B], data[o + TIE_ENDED], data[o + TIE_MODE], data[o + TIE_FORMALITY], data[o + TIE_ORIGIN]];
      const object = [t.personA, t.personB, t.orgA, t.orgB, t.ended, t.mode, t.formality, t.origin];
      if (row.join() !== object.join()) mismatches.push(`t${t.ref}: ${row.join()} vs ${object.join()}`);
    }
    expect(mismatches).toEqual([]);
  });
});
