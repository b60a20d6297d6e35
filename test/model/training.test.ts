import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/run.js';
import { resolveParams } from '../../src/model/validate.js';

describe('trained staff counts', () => {
  it('equal the trained people on each staff after a whole replication (academy cohorts, moves, departures)', () => {
    const params = resolveParams({ horizon_months: 60 }, 'test');
    const { finalState: state } = runReplication(params, 5, 0);
    let trained = 0;
    const wrong: number[] = [];
    for (const org of state.orgs) {
      const counted = org.staff.filter((id) => state.people[id].trained).length;
      trained += counted;
      if (org.trainedStaff !== counted) wrong.push(org.id);
    }
    expect(trained).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });
});
