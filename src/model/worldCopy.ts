import { TieTable } from './tieTable.js';

/**
 * An exact, independent copy of a model world (State): plain objects, arrays and typed arrays,
 * shared references kept shared (an object reached twice is copied once), views of one buffer
 * kept views of one copied buffer. Used to hand one spun-up world to several runs
 * (spinUpShare.ts): `new WorldCopier().copy(state)`.
 *
 * Why not structuredClone or `{ ...o }`: both give the copies other hidden classes than the
 * objects the model made (V8 shares a class between objects built by literals with the same
 * keys in the same order, and by nothing else), and a run on such a copy was 10-15% slower,
 * its hot loops polymorphic between copied and newly formed ties, people and communities. So
 * each object is copied by a literal with its own keys in its own order, compiled once per key
 * list; the model keeps that valid by creating every object with all its fields (no field added
 * later). Anything else in the world (a Map, a class other than TieTable, a function) is refused
 * loudly rather than copied wrong.
 */
export class WorldCopier {
  /** Compiled literals, one per key list; kept for the copier's life so later copies reuse warm code. */
  private readonly literals = new Map<string, Literal>();

  copy<T extends object>(world: T): T {
    return new Copy(this).copy(world) as T;
  }

  literalFor(keys: readonly string[]): Literal {
    const signature = keys.join('\u0000');
    let literal = this.literals.get(signature);
    if (literal === undefined) {
      const fields = keys.map((k) => `${JSON.stringify(k)}: s[${JSON.stringify(k)}]`).join(', ');
      literal = new Function('s', `return { ${fields} };`) as Literal;
      this.literals.set(signature, literal);
    }
    return literal;
  }
}

type Literal = (source: Record<string, unknown>) => Record<string, unknown>;

const ARRAY_INDEX = /^(0|[1-9]\d*)$/;

/** One copy in progress: what has been copied so far, so shared references stay shared. */
class Copy {
  private readonly seen = new Map<object, unknown>();
  private readonly buffers = new Map<ArrayBufferLike, ArrayBuffer>();

  constructor(private readonly copier: WorldCopier) {}

  copy(value: unknown): unknown {
    if (typeof value === 'function') throw new Error('WorldCopier: a function is not world data');
    if (typeof value !== 'object' || value === null) return value;
    const done = this.seen.get(value);
    if (done !== undefined) return done;
    if (ArrayBuffer.isView(value)) return this.view(value);
    if (Array.isArray(value)) return this.array(value);
    if (value instanceof TieTable) {
      const table = new TieTable();
      table.length = value.length;
      table.data = this.view(value.data) as Int32Array<ArrayBuffer>;
      this.seen.set(value, table);
      return table;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) {
      throw new Error(`WorldCopier: cannot copy a ${(value as object).constructor?.name ?? 'null-prototype object'} (only plain objects, arrays, typed arrays and TieTable)`);
    }
    return this.object(value as Record<string, unknown>);
  }

  private object(source: Record<string, unknown>): Record<string, unknown> {
    const keys = Object.keys(source);
    for (const k of keys) if (ARRAY_INDEX.test(k)) throw new Error(`WorldCopier: an object with an index key ('${k}') is not world data`);
    const out = this.copier.literalFor(keys)(source);
    this.seen.set(source, out);
    for (const k of keys) {
      const v = out[k];
      if (typeof v === 'object' && v !== null) out[k] = this.copy(v);
      else if (typeof v === 'function') this.copy(v);
    }
    return out;
  }

  private array(source: unknown[]): unknown[] {
    // slice keeps the elements kind (small ints, doubles, objects) and holes of the original.
    const out = source.slice();
    this.seen.set(source, out);
    for (let i = 0; i < out.length; i++) {
      const v = out[i];
      if (typeof v === 'object' && v !== null) out[i] = this.copy(v);
      else if (typeof v === 'function') this.copy(v);
    }
    return out;
  }

  private view(source: ArrayBufferView): ArrayBufferView {
    const done = this.seen.get(source);
    if (done !== undefined) return done as ArrayBufferView;
    if (source instanceof DataView) throw new Error('WorldCopier: a DataView is not world data');
    let buffer = this.buffers.get(source.buffer);
    if (buffer === undefined) {
      buffer = source.buffer.slice(0) as ArrayBuffer;
      this.buffers.set(source.buffer, buffer);
    }
    const Ctor = source.constructor as new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView & { length: number };
    const out = new Ctor(buffer, source.byteOffset, (source as unknown as { length: number }).length);
    this.seen.set(source, out);
    return out;
  }
}
