import { describe, expect, it } from 'vitest';
import { IntList } from '../../src/model/intList.js';

describe('IntList', () => {
  it('keeps values in order as it grows past its capacity', () => {
    const list = new IntList(2);
    for (let i = 0; i < 100; i++) list.push(i * 3 - 7);
    expect(list.length).toBe(100);
    expect(Array.from(list.items.subarray(0, list.length))).toEqual(Array.from({ length: 100 }, (_, i) => i * 3 - 7));
    expect(list.indexOf(-7)).toBe(0);
    expect(list.indexOf(290)).toBe(99);
    expect(list.indexOf(1)).toBe(-1);
  });

  it('keeps its buffer when cleared, and finds nothing from before', () => {
    const list = new IntList(4);
    for (let i = 0; i < 40; i++) list.push(i);
    const buffer = list.items;
    list.clear();
    expect(list.length).toBe(0);
    expect(list.indexOf(3)).toBe(-1);
    for (let i = 0; i < 40; i++) list.push(100 + i);
    expect(list.items).toBe(buffer);
    expect(list.items[39]).toBe(139);
  });
});
