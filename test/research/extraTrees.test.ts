import { describe, expect, it } from 'vitest';
import { extraTreesImportance } from '../../src/research/extraTrees.js';
import { normal, researchRng } from '../../src/research/random.js';

describe('extra-trees feature scoring', () => {
  it('ranks the planted informative features first, in order of influence', () => {
    const rng = researchRng(10, 'data');
    const x = Array.from({ length: 400 }, () => Array.from({ length: 6 }, () => rng()));
    const y = x.map((r) => 10 * r[2] + 20 * (r[4] - 0.5) ** 2 + 0.5 * normal(rng));
    const scores = extraTreesImportance(x, y, researchRng(11, 'test'), { trees: 50 });
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const ranking = scores.map((s, j) => j).sort((a, b) => scores[b] - scores[a]);
    expect(ranking.slice(0, 2)).toEqual([2, 4]);
    for (const j of [0, 1, 3, 5]) expect(scores[j]).toBeLessThan(0.1);
    // Seeded: the same generator gives the same scores.
    expect(extraTreesImportance(x, y, researchRng(11, 'test'), { trees: 50 })).toEqual(scores);
  });
});
