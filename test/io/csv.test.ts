import { describe, expect, it } from 'vitest';
import { csvField, csvLine, formatNumber, monthDate } from '../../src/io/csv.js';

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('acute')).toBe('acute');
    expect(csvField('')).toBe('');
    expect(csvField('a b;c')).toBe('a b;c');
  });

  it('quotes fields with commas, quotes, newlines or carriage returns, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('"')).toBe('""""');
  });

  it('formats numbers', () => {
    expect(csvField(3)).toBe('3');
    expect(csvField(NaN)).toBe('');
  });
});

describe('formatNumber', () => {
  it('writes integers as they are', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(-7)).toBe('-7');
    expect(formatNumber(10000000)).toBe('10000000');
  });

  it('keeps at most 8 significant digits, without trailing noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1 / 3)).toBe('0.33333333');
    expect(formatNumber(-2 / 3)).toBe('-0.66666667');
    expect(formatNumber(123.456789123)).toBe('123.45679');
    expect(formatNumber(0.5)).toBe('0.5');
  });

  it('writes NaN and infinities as empty fields', () => {
    expect(formatNumber(NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('');
    expect(formatNumber(-Infinity)).toBe('');
  });

  it('writes rounding residue below 1e-9 as 0, and -0 as 0', () => {
    expect(formatNumber(3e-12)).toBe('0');
    expect(formatNumber(-4e-10)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(2e-9)).toBe('2e-9');
  });

  it('is deterministic: the same value always gives the same text', () => {
    const x = Math.PI * 1e3;
    expect(formatNumber(x)).toBe(formatNumber(x));
    expect(formatNumber(x)).toBe('3141.5927');
  });
});

describe('csvLine', () => {
  it('joins fields with commas and ends with a newline', () => {
    expect(csvLine(['a', 1, 'b,c', 0.25, NaN])).toBe('a,1,"b,c",0.25,\n');
    expect(csvLine([])).toBe('\n');
  });
});

describe('monthDate', () => {
  it('labels model months as YYYY-MM from January of the start year', () => {
    expect(monthDate(2017, 0)).toBe('2017-01');
    expect(monthDate(2017, 11)).toBe('2017-12');
    expect(monthDate(2017, 12)).toBe('2018-01');
    expect(monthDate(2017, 13)).toBe('2018-02');
    expect(monthDate(2017, 119)).toBe('2026-12');
  });
});
