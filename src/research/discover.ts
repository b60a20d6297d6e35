import { OUTCOMES } from '../model/outcomes.js';
import { ResearchInputError } from './errors.js';
import { extraTreesImportance } from './extraTrees.js';
import { prim, type PrimResult } from './prim.js';
import { researchRng } from './random.js';
import { mean, quantile } from './stats.js';
import { outcomeByPoint, type SweepData } from './sweepData.js';

export interface Condition {
  readonly outcome: string;
  readonly op: '<' | '<=' | '>' | '>=';
  /** The threshold; NaN until resolved when given as a quantile of the point means. */
  readonly value: number;
  /** 'median' or pK: the threshold is this quantile of the outcome's point means. */
  readonly quantile?: number;
  readonly text: string;
}

/**
 * "maturity_end_all < 0.5": an outcome, a comparison and a number, or `median` or `p25` (that
 * percentile of the outcome's point means, for a question such as "the worst quarter").
 */
export function parseCondition(text: string, option = '--where'): Condition {
  const m = /^\s*([a-z_][a-z0-9_]*)\s*(<=|>=|<|>)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|median|p\d{1,2})\s*$/.exec(text);
  if (!m) throw new ResearchInputError(option, text, "expected '<outcome> <op> <threshold>' with op one of <, <=, >, >= and a number, median or pK (e.g. \"maturity_end_all < 0.5\", \"maturity_end_all < p25\")");
  if (!(OUTCOMES as readonly string[]).includes(m[1])) throw new ResearchInputError(option, m[1], 'unknown outcome; the outcomes are the columns of replications.csv (docs/outputs.md)');
  const quantile = m[3] === 'median' ? 0.5 : m[3].startsWith('p') ? Number(m[3].slice(1)) / 100 : undefined;
  if (quantile !== undefined && !(quantile > 0 && quantile < 1)) throw new ResearchInputError(option, m[3], 'a percentile from p1 to p99');
  return { outcome: m[1], op: m[2] as Condition['op'], value: quantile === undefined ? Number(m[3]) : NaN, quantile, text: `${m[1]} ${m[2]} ${m[3]}` };
}

export function holds(c: Condition, x: number): boolean {
  switch (c.op) {
    case '<':
      return x < c.value;
    case '<=':
      return x <= c.value;
    case '>':
      return x > c.value;
    case '>=':
      return x >= c.value;
  }
}

export interface Discovery {
  readonly condition: Condition;
  readonly points: number;
  readonly cases: number;
  readonly prim: PrimResult;
  /** Extra-trees scores of every swept parameter, for the condition and for every outcome defined at every point. */
  readonly scores: readonly { outcome: string; parameter: string; score: number }[];
}

/**
 * Scenario discovery on a finished sweep: which region of the swept parameters produces the
 * cases of interest (design points whose mean outcome meets the condition), by PRIM, and how much
 * each parameter matters to each outcome, by extra-trees feature scoring.
 */
export function discover(data: SweepData, asked: Condition, seed: number, options: { minCoverage?: number; peelAlpha?: number; trees?: number } = {}): Discovery {
  const source = data.dir;
  const means = (o: string) => outcomeByPoint(data, o).map((xs) => mean(xs.filter(Number.isFinite)));
  const y = means(asked.outcome);
  const keep = y.map((v, i) => i).filter((i) => Number.isFinite(y[i]));
  const threshold = asked.quantile === undefined ? asked.value : quantile(keep.map((i) => y[i]), asked.quantile);
  const condition: Condition = { ...asked, value: threshold, text: asked.quantile === undefined ? asked.text : `${asked.outcome} ${asked.op} ${Number(threshold.toPrecision(6))}` };
  if (keep.length < 10) throw new ResearchInputError(source, condition.outcome, `defined at ${keep.length} design points; PRIM needs at least 10 (sweep more points, or run long enough for the outcome to exist)`);
  const x = keep.map((i) => data.points[i]);
  const interesting = keep.map((i) => holds(condition, y[i]));
  const cases = interesting.filter(Boolean).length;
  if (cases === 0) throw new ResearchInputError('--where', condition.text, `holds at none of the ${keep.length} design points (the outcome's point means run from ${Math.min(...keep.map((i) => y[i])).toPrecision(3)} to ${Math.max(...keep.map((i) => y[i])).toPrecision(3)})`);
  if (cases === keep.length) throw new ResearchInputError('--where', condition.text, `holds at every one of the ${keep.length} design points: nothing to tell apart`);
  const result = prim(x, interesting, researchRng(seed, 'prim'), { minCoverage: options.minCoverage, peelAlpha: options.peelAlpha });
  const scores: { outcome: string; parameter: string; score: number }[] = [];
  const trees = options.trees ?? 100;
  const score = (label: string, rows: readonly (readonly number[])[], ys: readonly number[]) => {
    const s = extraTreesImportance(rows, ys, researchRng(seed, `extra-trees:${label}`), { trees });
    data.parameters.forEach((p, j) => scores.push({ outcome: label, parameter: p, score: s[j] }));
  };
  score(condition.text, x, interesting.map((b) => (b ? 1 : 0)));
  for (const o of OUTCOMES) {
    const v = means(o);
    if (v.some((z) => !Number.isFinite(z)) || Math.max(...v) === Math.min(...v)) continue;
    score(o, data.points, v);
  }
  return { condition, points: keep.length, cases, prim: result, scores };
}
