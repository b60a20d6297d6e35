import { describe, expect, it } from 'vitest';
import { alignWindow } from '../../src/compare/align.js';
import { defaultParams } from '../../src/model/parameters.js';

const at = (name: string, p: Partial<ReturnType<typeof defaultParams>>) => ({ name, params: { ...defaultParams(), ...p } });

describe('alignWindow', () => {
  it('leaves equal horizons alone', () => {
    expect(alignWindow([at('a', {}), at('b', {})])).toEqual({ months: 120, notices: [] });
  });
  it('runs every scenario to the longest horizon and says so', () => {
    const w = alignWindow([at('gde-baseline', {}), at('extended-funding', { horizon_months: 144 })]);
    expect(typeof w).toBe('object');
    if (typeof w === 'string') return;
    expect(w.months).toBe(144);
    expect(w.notices[0]).toBe(
      'gde-baseline runs 120 months but extended-funding runs 144: every scenario was run 144 months (to December 2028), so that outcomes at the end, over the run and after funding are compared on the same window; pass --months to choose another',
    );
  });
  it('takes --months for all without a notice', () => {
    expect(alignWindow([at('a', {}), at('b', { horizon_months: 144 })], 60)).toEqual({ months: 60, notices: [] });
  });
  it('refuses different start years', () => {
    expect(alignWindow([at('a', {}), at('b', { startYear_year: 2016 })])).toMatch(/start in different years \(a starts in January 2017, b starts in January 2016\)/);
  });
});
