import { describe, expect, it } from 'vitest';
import { defaultParams, PARAMETER_NAMES, PARAMETERS } from '../../src/model/parameters.js';
import { closestParameterName, ParameterError, resolveParams } from '../../src/model/validate.js';

/** The issues of a rejected override set (fails the test if nothing was rejected). */
function issuesOf(overrides: Record<string, unknown>): { field: string; message: string }[] {
  try {
    resolveParams(overrides, 'unit-test');
  } catch (error) {
    expect(error).toBeInstanceOf(ParameterError);
    return [...(error as ParameterError).issues];
  }
  throw new Error('expected a ParameterError');
}

describe('resolveParams', () => {
  it('returns the defaults overlaid with valid overrides, frozen', () => {
    const p = resolveParams({ horizon_months: 36, tacitTransfer_rate: 0.2 }, 'unit-test');
    expect(p.horizon_months).toBe(36);
    expect(p.tacitTransfer_rate).toBe(0.2);
    const d = defaultParams();
    for (const name of PARAMETER_NAMES) if (name !== 'horizon_months' && name !== 'tacitTransfer_rate') expect(p[name]).toBe(d[name]);
    expect(Object.isFrozen(p)).toBe(true);
  });

  it('accepts every default and every range bound of a single parameter where cross-field rules allow', () => {
    expect(() => resolveParams({}, 'unit-test')).not.toThrow();
    expect(resolveParams({ horizon_months: 1 }, 'x').horizon_months).toBe(1);
    expect(resolveParams({ horizon_months: 600 }, 'x').horizon_months).toBe(600);
  });

  it('rejects an unknown name and suggests the closest known one', () => {
    const issues = issuesOf({ horizon_month: 12 });
    expect(issues).toHaveLength(1);
    expect(issues[0].field).toBe('horizon_month');
    expect(issues[0].message).toContain("did you mean 'horizon_months'");
  });

  it('suggests nothing for a name far from every parameter', () => {
    expect(closestParameterName('xyzzy')).toBeUndefined();
    expect(issuesOf({ xyzzy: 1 })[0].message).not.toContain('did you mean');
  });

  it('closestParameterName ignores case and finds small typos', () => {
    expect(closestParameterName('TIEUSE_PROBPERMONTH')).toBe('tieUse_probPerMonth');
    expect(closestParameterName('tacitTransfer_rat')).toBe('tacitTransfer_rate');
  });

  it('rejects out-of-range values naming the field and the allowed range', () => {
    const issues = issuesOf({ horizon_months: 0 });
    expect(issues).toEqual([{ field: 'horizon_months', message: expect.stringContaining('got 0') }]);
    expect(issues[0].message).toContain('from 1 to 600');
    expect(issuesOf({ tacitTransfer_rate: 1.5 })[0].field).toBe('tacitTransfer_rate');
    expect(issuesOf({ tacitTransfer_rate: -0.1 })[0].field).toBe('tacitTransfer_rate');
  });

  it('rejects a non-integer value of a whole-number parameter but accepts fractions elsewhere', () => {
    const issues = issuesOf({ horizon_months: 12.5 });
    expect(issues[0].field).toBe('horizon_months');
    expect(issues[0].message).toContain('an integer');
    expect(resolveParams({ tacitTransfer_rate: 0.125 }, 'x').tacitTransfer_rate).toBe(0.125);
  });

  it('rejects non-numeric and non-finite values with the field named', () => {
    for (const bad of ['12', true, null, NaN, Infinity, [3], { v: 3 }]) {
      const issues = issuesOf({ horizon_months: bad });
      expect(issues).toHaveLength(1);
      expect(issues[0].field).toBe('horizon_months');
      expect(issues[0].message).toContain('allowed:');
    }
    expect(issuesOf({ horizon_months: '12' })[0].message).toContain('got "12"');
  });

  it('reports every bad field at once, and the origin in the message', () => {
    try {
      resolveParams({ horizon_months: 0, tacitTransfer_rate: 2, nope_x: 1 }, 'file params.json');
      throw new Error('expected a ParameterError');
    } catch (error) {
      const e = error as ParameterError;
      expect(e.name).toBe('ParameterError');
      expect(e.origin).toBe('file params.json');
      expect(e.issues.map((i) => i.field).sort()).toEqual(['horizon_months', 'nope_x', 'tacitTransfer_rate']);
      expect(e.message).toContain('file params.json');
      expect(e.message).toContain('horizon_months');
    }
  });

  it('requires care-setting shares to sum to 1 within 0.01', () => {
    const issues = issuesOf({ acuteShare_share: 0.6 });
    expect(issues).toHaveLength(1);
    expect(issues[0].field).toBe('acuteShare_share..ambulanceShare_share');
    expect(issues[0].message).toContain('1.027');
    expect(() => resolveParams({ acuteShare_share: 0.578 }, 'x')).not.toThrow();
    expect(issuesOf({ acuteShare_share: 0.5 })[0].field).toBe('acuteShare_share..ambulanceShare_share');
  });

  it('checks participants against the organizations of each setting', () => {
    expect(issuesOf({ organizations_count: 60 }).map((i) => i.field)).toEqual(['exemplarsMentalHealth_count + followersMentalHealth_count']);
    expect(() => resolveParams({ organizations_count: 60, followersMentalHealth_count: 7 }, 'x')).not.toThrow();
    expect(issuesOf({ organizations_count: 60, followersMentalHealth_count: 7, followersAcute_count: 19 })[0].field).toBe('exemplarsAcute_count + followersAcute_count');
    expect(issuesOf({ exemplarsAmbulance_count: 11 })[0].field).toBe('exemplarsAmbulance_count');
  });

  it('checks the other cross-field rules', () => {
    expect(issuesOf({ professionLedNetworks_count: 11 })[0].field).toBe('professionLedNetworks_count');
    expect(issuesOf({ groupings_count: 6 })[0].field).toBe('groupings_count');
    expect(issuesOf({ programmeStart_month: 84 })[0].field).toBe('fundingEnd_month');
    expect(issuesOf({ fundingEnd_month: 10, programmeStart_month: 12 })[0].field).toBe('fundingEnd_month');
  });

  it('runs cross-field rules only once every field is valid', () => {
    const issues = issuesOf({ acuteShare_share: 0.6, horizon_months: 0 });
    expect(issues.map((i) => i.field)).toEqual(['horizon_months']);
  });

  it('every default lies within its own range and integer parameters have integer defaults', () => {
    for (const name of PARAMETER_NAMES) {
      const s = PARAMETERS[name];
      expect(s.default).toBeGreaterThanOrEqual(s.min);
      expect(s.default).toBeLessThanOrEqual(s.max);
      if (s.integer) expect(Number.isInteger(s.default)).toBe(true);
    }
  });
});
