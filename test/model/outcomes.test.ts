import { describe, expect, it } from 'vitest';
import { Mode } from '../../src/model/enums.js';
import { advance, replicationResult, startReplication } from '../../src/model/run.js';
import { GAIN_BASE, GAIN_INTERNAL, type State } from '../../src/model/state.js';
import { resolveParams } from '../../src/model/validate.js';

const totalCapability = (state: State) => state.orgs.reduce((sum, o) => sum + o.capability.reduce((x, y) => x + y, 0), 0);

describe('where maturity growth comes from (issue 11)', () => {
  // No mobility: movers' know-how and turnover losses are the only changes the books leave out.
  const params = resolveParams({ horizon_months: 30, fundingEnd_month: 24, mobility_probPerMonth: 0 }, 'test');

  it('books every rise in capability to a relationship (by formality) or to internal learning, and the books balance', () => {
    const booked = [0, 0, 0, 0];
    const run = startReplication(params, 3, 0, {
      keepEvents: true,
      observer: {
        observe: (_state, ctx) => {
          for (let f = 0; f < 3; f++) booked[f] += ctx.flows[GAIN_BASE + f];
          booked[3] += ctx.flows[GAIN_INTERNAL];
        },
      },
    });
    const before = totalCapability(run.state);
    advance(run, params.horizon_months);
    const result = replicationResult(run);
    const gained = booked.reduce((x, y) => x + y, 0);
    expect(gained).toBeCloseTo(totalCapability(run.state) - before, 9);
    for (const b of booked) expect(b).toBeGreaterThan(0);
    const o = result.outcomes;
    expect(o.maturity_growth_relational_share).toBeCloseTo((booked[0] + booked[1] + booked[2]) / gained, 12);
    expect(o.maturity_growth_formal_share + o.maturity_growth_periodic_share + o.maturity_growth_informal_share).toBeCloseTo(o.maturity_growth_relational_share, 12);
    expect(o.maturity_growth_relational_share).toBeGreaterThan(0);
    expect(o.maturity_growth_relational_share).toBeLessThan(1);
    expect(o.partnerships_formed).toBe(result.events.filter((e) => e.kind === 'formed' && e.mode === Mode.partnership).length);
  });
});
