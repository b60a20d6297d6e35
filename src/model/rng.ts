import seedrandom from 'seedrandom';

/**
 * A seeded uniform generator. Every random draw of the model goes through one of these,
 * handed in explicitly: never Math.random.
 */
export interface Rng {
  /** Uniform on [0, 1). */
  (): number;
}

/** Independent streams of one run, so that set-up draws never shift dynamic draws. */
export interface RunStreams {
  readonly setup: Rng;
  readonly programme: Rng;
  readonly projects: Rng;
  readonly search: Rng;
  readonly ties: Rng;
  readonly communities: Rng;
  readonly suppliers: Rng;
  readonly mobility: Rng;
}

const STREAM_NAMES = ['setup', 'programme', 'projects', 'search', 'ties', 'communities', 'suppliers', 'mobility'] as const;

/** Where a generator is in its sequence (Alea's four numbers): enough to carry on from there. */
export type StreamState = seedrandom.State.Alea;
export type StreamStates = Readonly<Record<(typeof STREAM_NAMES)[number], StreamState>>;

/** The seed of replication `replicate` of a run with base seed `baseSeed`. */
export function replicateSeed(baseSeed: number, replicate: number, stream?: string): string {
  return stream === undefined ? `lesim:${baseSeed}:${replicate}` : `lesim:${baseSeed}:${stream}:${replicate}`;
}

/**
 * Streams from a run seed. Alea (from seedrandom) is used for speed; each stream has its own
 * seed string so streams are independent and adding a stream never changes the others.
 */
export function createStreams(runSeed: string): RunStreams {
  return streamsOf((name) => makeRng(`${runSeed}:${name}`));
}

/** The frozen table of a run's streams, each made by `make` from its name. */
function streamsOf(make: (name: (typeof STREAM_NAMES)[number]) => Rng): RunStreams {
  return Object.freeze(Object.fromEntries(STREAM_NAMES.map((name) => [name, make(name)] as const))) as unknown as RunStreams;
}

export function makeRng(seed: string): Rng {
  // Alea's generator is itself callable: hand it out as is, without a wrapper call per draw.
  // `state: true` only adds a state() reader (streamStates); the draws are the same.
  return seedrandom.alea(seed, { state: true });
}

/** Where each stream of a run is now, to carry on later from exactly there (streamsFrom). */
export function streamStates(streams: RunStreams): StreamStates {
  const entries = STREAM_NAMES.map((name) => [name, (streams[name] as seedrandom.StatefulPRNG<StreamState>).state()] as const);
  return Object.freeze(Object.fromEntries(entries)) as unknown as StreamStates;
}

/** Streams that carry on from saved states: they draw what the saved streams would have drawn next. */
export function streamsFrom(states: StreamStates): RunStreams {
  return streamsOf((name) => seedrandom.alea('', { state: { ...states[name] } }));
}

export function randInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** Standard normal by Box-Muller (one value per call; the pair's twin is discarded for simplicity). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  let u = rng();
  while (u <= 1e-12) u = rng();
  const v = rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Index drawn with probability proportional to weights (all >= 0); -1 if all are zero. */
export function weightedIndex(rng: Rng, weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  if (!(total > 0)) return -1;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Gap to the next success in a run of Bernoulli(p) trials (0 if the very next one succeeds): lets
 * a loop over many items with a small chance each visit only the items that succeed.
 */
export function geometricGap(rng: Rng, p: number): number {
  if (p >= 1) return 0;
  if (p <= 0) return Infinity;
  return Math.floor(Math.log(1 - rng()) / Math.log(1 - p));
}

/** Successes in n Bernoulli(q) trials, counted by geometric gaps (exact; O(successes)). */
export function binomial(rng: Rng, n: number, q: number): number {
  if (n <= 0 || q <= 0) return 0;
  if (q >= 1) return n;
  let k = 0;
  for (let i = geometricGap(rng, q); i < n; i += 1 + geometricGap(rng, q)) k += 1;
  return k;
}

/** Fisher-Yates shuffle in place. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
