import { describe, expect, it } from 'vitest';
import { settleAsDoubles } from '../../src/model/shapes.js';

describe('settleAsDoubles', () => {
  it('leaves every value as it was, whole numbers, -1, infinities and fractions alike', () => {
    const o = { a: 0, b: -1, c: Infinity, d: 0.25, e: 7, untouched: 3 };
    settleAsDoubles(o, ['a', 'b', 'c', 'd', 'e']);
    expect(o).toEqual({ a: 0, b: -1, c: Infinity, d: 0.25, e: 7, untouched: 3 });
    expect(Object.is(o.a, 0)).toBe(true);
    expect(Object.keys(o)).toEqual(['a', 'b', 'c', 'd', 'e', 'untouched']);
  });
});
