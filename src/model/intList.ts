/**
 * A list of whole numbers (ids, indices) reused from month to month. Clearing keeps its buffer:
 * emptying a JS array by `length = 0` lets V8 free the backing store, so every refill of a
 * scratch array reallocated it as it grew (5.5 MiB a replication, most of it in meetings). The
 * buffer is replaced as the list grows: read `items` after the pushes, not before.
 */
export class IntList {
  items: Int32Array;
  length = 0;

  constructor(capacity = 64) {
    this.items = new Int32Array(Math.max(1, capacity));
  }

  /** A list holding `values` (tests and callers outside the hot loops). */
  static of(values: readonly number[]): IntList {
    const list = new IntList(values.length);
    for (const v of values) list.push(v);
    return list;
  }

  push(value: number): void {
    if (this.length === this.items.length) this.grow();
    this.items[this.length++] = value;
  }

  clear(): void {
    this.length = 0;
  }

  /** Position of `value`, or -1. */
  indexOf(value: number): number {
    for (let i = 0; i < this.length; i++) if (this.items[i] === value) return i;
    return -1;
  }

  private grow(): void {
    const next = new Int32Array(this.items.length * 2);
    next.set(this.items);
    this.items = next;
  }
}
