import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../src/research/labelPlacement.js';

describe('placeLabels', () => {
  it('puts a lone label right of its point', () => {
    expect(placeLabels([{ x: 0.2, y: 0.2, text: 'a' }, { x: 1, y: 1, text: 'b' }], 500, 400)).toEqual(['right', 'left']);
  });
  it('moves the second of two labels at nearly the same place off the first', () => {
    // The Morris chart's case: two parameters 2 px apart in sigma and 10 px in mu*.
    const p = placeLabels([{ x: 0.047, y: 0.0198, text: 'staffPerOrganization_mean' }, { x: 0.031, y: 0.0195, text: 'mobility_probPerMonth' }, { x: 0.18, y: 0.045, text: 'far' }], 560, 400);
    expect(p[0]).toBe('right');
    expect(p[1]).not.toBe('right');
  });
  it('keeps labels at the right edge inside the plot', () => {
    expect(placeLabels([{ x: 1, y: 0.5, text: 'initialMaturityMean_index' }, { x: 0, y: 1, text: 'x' }], 560, 400)[0]).toBe('left');
  });
});
