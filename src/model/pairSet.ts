/**
 * The pairs of organizations that have ever had a relationship (a prior tie lowers the cost of
 * contact, proximity.ts): an open-addressing hash set of unordered pairs in one Int32Array, so
 * memory grows with the pairs that formed rather than with the square of the population, and the
 * world stays plain data (worldCopy.ts copies it like any typed array).
 *
 * A pair {a, b} of an n-organization world is stored as min(a,b) * n + max(a,b) + 1 (0 marks an
 * empty slot), which fits an int32 for n up to 46,340 (organizations_count allows 5,000).
 */
export interface PairSet {
  /** Slots: 0 empty, else a pair's key; the length is a power of two, at most half full. */
  keys: Int32Array;
  /** Pairs held. */
  size: number;
}

const FIRST_SLOTS = 1024;

export function createPairSet(): PairSet {
  return { keys: new Int32Array(FIRST_SLOTS), size: 0 };
}

/** Whether organizations a and b (of n) have ever been paired; false for a with itself. */
export function hasPair(set: PairSet, n: number, a: number, b: number): boolean {
  const key = pairKey(n, a, b);
  const keys = set.keys;
  const mask = keys.length - 1;
  for (let i = slotOf(key, mask); ; i = (i + 1) & mask) {
    const k = keys[i];
    if (k === key) return true;
    if (k === 0) return false;
  }
}

/** Records that a and b (of n) have had a relationship; a second call for the pair changes nothing. */
export function addPair(set: PairSet, n: number, a: number, b: number): void {
  if (insert(set.keys, pairKey(n, a, b))) set.size += 1;
  if (2 * set.size > set.keys.length) grow(set);
}

function pairKey(n: number, a: number, b: number): number {
  return a < b ? a * n + b + 1 : b * n + a + 1;
}

/** The first slot to probe: Fibonacci hashing (the top bits of key x 2^32/phi) spreads an organization's row over the table. */
function slotOf(key: number, mask: number): number {
  return Math.imul(key, 0x9e3779b1) >>> Math.clz32(mask);
}

function insert(keys: Int32Array, key: number): boolean {
  const mask = keys.length - 1;
  for (let i = slotOf(key, mask); ; i = (i + 1) & mask) {
    const k = keys[i];
    if (k === key) return false;
    if (k === 0) {
      keys[i] = key;
      return true;
    }
  }
}

function grow(set: PairSet): void {
  const old = set.keys;
  const keys = new Int32Array(old.length * 2);
  for (let i = 0; i < old.length; i++) if (old[i] !== 0) insert(keys, old[i]);
  set.keys = keys;
}
