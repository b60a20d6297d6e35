import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runReplication, startReplication } from '../../src/model/run.js';
import { TieTable } from '../../src/model/tieTable.js';
import { resolveParams } from '../../src/model/validate.js';
import { WorldCopier } from '../../src/model/worldCopy.js';

describe('WorldCopier', () => {
  it('copies a spun-up world exactly (value for value, key order kept) and independently', () => {
    const run = startReplication(resolveParams({ spinUp_months: 24, organizations_count: 80, groupings_count: 12 }, 'test'), 3, 0);
    const world = run.state;
    const copy = new WorldCopier().copy(world);
    expect(copy).not.toBe(world);
    // By value (v8.serialize's bytes also depend on how V8 happens to hold each whole number).
    expect(isDeepStrictEqual(copy, world)).toBe(true);
    expect(Object.keys(copy)).toEqual(Object.keys(world));
    expect(Object.keys(copy.orgs[3])).toEqual(Object.keys(world.orgs[3]));
    expect(Object.keys(copy.ties[0])).toEqual(Object.keys(world.ties[0]));
    expect(copy.tieTable).toBeInstanceOf(TieTable);
    expect(copy.tieTable.data).not.toBe(world.tieTable.data);
    expect(copy.orgs[0].codified).not.toBe(world.orgs[0].codified);
    // Changing the copy leaves the original as it was.
    const before = structuredClone(world);
    copy.orgs[0].codified[0] = 0.123;
    copy.people[0].ties.push(999);
    copy.ties[0].trust = -1;
    copy.tieTable.data[0] = -5;
    expect(isDeepStrictEqual({ ...world, tieTable: { ...world.tieTable } }, { ...before, tieTable: { ...before.tieTable } })).toBe(true);
  });

  it('keeps shared references shared and views of one buffer views of one buffer', () => {
    const shared = { n: 1 };
    const buffer = new Float64Array(8);
    const world = { a: shared, b: [shared, shared], left: buffer.subarray(0, 4), right: buffer.subarray(4), whole: buffer, n: NaN, inf: Infinity, none: undefined as number | undefined };
    const copy = new WorldCopier().copy(world);
    expect(copy.a).not.toBe(shared);
    expect(copy.b[0]).toBe(copy.a);
    expect(copy.b[1]).toBe(copy.a);
    expect(copy.left.buffer).toBe(copy.whole.buffer);
    expect(copy.right.buffer).toBe(copy.whole.buffer);
    expect(copy.whole.buffer).not.toBe(buffer.buffer);
    copy.right[0] = 7;
    expect(copy.whole[4]).toBe(7);
    expect(buffer[4]).toBe(0);
    expect(copy.n).toBeNaN();
    expect(copy.inf).toBe(Infinity);
    expect(Object.keys(copy)).toEqual(Object.keys(world));
  });

  it('refuses what it cannot copy exactly, saying what it met', () => {
    const copier = new WorldCopier();
    expect(() => copier.copy({ m: new Map() })).toThrow('cannot copy a Map');
    expect(() => copier.copy({ f: () => 1 })).toThrow('a function is not world data');
    expect(() => copier.copy([() => 1])).toThrow('a function is not world data');
    class Thing {}
    expect(() => copier.copy({ t: new Thing() })).toThrow('cannot copy a Thing');
    expect(() => copier.copy({ 0: 1 })).toThrow("index key ('0')");
  });

  it('finds one object shape per kind in a grown world, as copying by literal needs (no field added after creation)', () => {
    const params = resolveParams({ spinUp_months: 24, horizon_months: 36, organizations_count: 80, groupings_count: 12 }, 'test');
    const start = startReplication(params, 3, 1).state;
    const end = runReplication(params, 3, 1).finalState;
    const shapes = (objects: readonly object[]) => [...new Set(objects.map((o) => Object.keys(o).join(',')))];
    expect(Object.keys(end)).toEqual(Object.keys(start));
    expect(Object.keys(end.programme)).toEqual(Object.keys(start.programme));
    for (const kind of ['orgs', 'people', 'ties', 'communities', 'suppliers'] as const) {
      expect(shapes(end[kind]), kind).toHaveLength(1);
      expect(shapes(end[kind]), kind).toEqual(shapes(start[kind]));
    }
    // The programme's records are made during the run: one shape each.
    for (const list of [end.programme.pairings, end.programme.blueprints, end.programme.learningNetworks, end.programme.academyCohorts] as readonly object[][]) expect(shapes(list).length).toBeLessThanOrEqual(1);
  });
});
