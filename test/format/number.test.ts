import { describe, expect, it } from 'vitest';
import { AXIS_FORMAT, estimate, fixed, gbp, gbpScale, signed, significant } from '../../src/format/number.js';

describe('significant', () => {
  it('keeps small numbers visible and never uses exponents', () => {
    expect(significant(0.0038)).toBe('0.0038');
    expect(significant(0.000617)).toBe('0.000617');
    expect(significant(1.2e-7)).toBe('0.00000012');
    expect(significant(12.345)).toBe('12.3');
    expect(significant(0.5)).toBe('0.5');
    expect(significant(0)).toBe('0');
    expect(significant(NaN)).toBe('n/a');
  });
  it('keeps whole parts whole and groups thousands', () => {
    expect(significant(12857.1)).toBe('12,857');
    expect(significant(2e6)).toBe('2,000,000');
    expect(significant(-1234567.8)).toBe('-1,234,568');
  });
});

describe('gbp', () => {
  it('writes amounts in words a reader can use', () => {
    expect(gbp(12857142.857142858)).toBe('GBP 12.9 million');
    expect(gbp(395e6)).toBe('GBP 395 million');
    expect(gbp(2.69e9)).toBe('GBP 2.69 billion');
    expect(gbp(2.4e9, 2)).toBe('GBP 2.4 billion');
    expect(gbp(9.1e6, 2)).toBe('GBP 9.1 million');
    expect(gbp(-395e6)).toBe('GBP -395 million');
    expect(gbp(12500)).toBe('GBP 12,500');
    expect(gbp(808625, 2)).toBe('GBP 809,000');
    expect(gbp(950)).toBe('GBP 950');
    expect(gbp(999_000)).toBe('GBP 999,000');
    expect(gbp(999_999)).toBe('GBP 1 million');
  });
  it('scales an axis without SI prefixes', () => {
    expect(gbpScale(3.2e9)).toEqual({ divisor: 1e9, unit: 'GBP billion' });
    expect(gbpScale(4e8)).toEqual({ divisor: 1e6, unit: 'GBP million' });
    expect(gbpScale(500)).toEqual({ divisor: 1, unit: 'GBP' });
    expect(AXIS_FORMAT).not.toMatch(/s|e|g/);
  });
});

describe('estimate', () => {
  it('gives mean and interval the same decimals, enough for the interval to show', () => {
    expect(estimate(0.0038, -0.0011, 0.0087)).toBe('0.0038 (-0.0011 to 0.0087)');
    // The case of issue 13: a 0.000 table cell hid an effect of 0.00003.
    expect(estimate(0.00003, -0.00001, 0.00007)).toBe('0.00003 (-0.00001 to 0.00007)');
    expect(estimate(0.612, 0.609, 0.615)).toBe('0.612 (0.609 to 0.615)');
    expect(estimate(-168.4, -168.9, -167.9)).toBe('-168.4 (-168.9 to -167.9)');
    expect(estimate(167.4, 161.9, 172.9)).toBe('167.4 (161.9 to 172.9)');
    expect(estimate(-395e6, -395e6, -395e6)).toBe('-395,000,000 (the same in every replication)');
    // Budget lines summed in another order differ in the last bit: still no interval.
    expect(estimate(-157.500000000001, -157.500000000001, -157.5)).toBe('-157.5 (the same in every replication)');
    expect(estimate(-157.5, -157.6, -157.4)).toBe('-157.5 (-157.6 to -157.4)');
    expect(estimate(5.6e-17, -0.01, 0.01)).toBe('0.00 (-0.01 to 0.01)');
    expect(estimate(2.5, NaN, NaN)).toBe('2.5');
  });
  it('signs differences by their first number', () => {
    expect(signed('0.0038 (-0.0011 to 0.0087)')).toBe('+0.0038 (-0.0011 to 0.0087)');
    expect(signed('-1.5 (-2 to -1)')).toBe('-1.5 (-2 to -1)');
    expect(signed('0.000 (-0.010 to 0.010)')).toBe('0.000 (-0.010 to 0.010)');
    expect(fixed(-0.0001, 2)).toBe('0.00');
  });
});
