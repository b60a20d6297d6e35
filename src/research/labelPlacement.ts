/**
 * Where to put the text labels of a scatter chart so that they do not cover each other: a
 * greedy pass over the labels in order of importance, each taking the first of six places
 * (right of its point; above or below right, one or two lines off; left) whose box is clear of
 * the labels already placed and of the other points, and inside the plot. Vega-Lite has no
 * collision avoidance for text, and two parameters with nearly equal indices printed their names
 * over each other in the Morris chart.
 *
 * Positions are estimated in pixels from linear scales over the data extents with zero included
 * (Vega-Lite's default for these charts); the axes' rounding to nice numbers makes the estimate
 * a little off, which the gap between boxes absorbs.
 */
export const PLACEMENTS = ['right', 'above', 'below', 'far-above', 'far-below', 'left'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** Offsets in pixels of each placement, as the chart's text layers draw them. */
export const PLACEMENT_OFFSET: Record<Placement, { dx: number; dy: number; align: 'left' | 'right' }> = {
  right: { dx: 5, dy: 0, align: 'left' },
  above: { dx: 5, dy: -11, align: 'left' },
  below: { dx: 5, dy: 11, align: 'left' },
  'far-above': { dx: 5, dy: -22, align: 'left' },
  'far-below': { dx: 5, dy: 22, align: 'left' },
  left: { dx: -5, dy: 0, align: 'right' },
};

export interface LabelPoint {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function extent(values: readonly number[]): [number, number] {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

export interface PlacementOptions {
  /** Width in pixels of a label's text (default 6 px a character). */
  readonly measure?: (text: string) => number;
  readonly lineHeight?: number;
  /** All the points the chart's scales span (default: the labelled ones). */
  readonly scaleOver?: readonly { readonly x: number; readonly y: number }[];
}

/** The placement of each label, in the order given (most important first). */
export function placeLabels(points: readonly LabelPoint[], width: number, height: number, options: PlacementOptions = {}): Placement[] {
  const measure = options.measure ?? ((t: string) => t.length * 6);
  const lineHeight = options.lineHeight ?? 12;
  const span = options.scaleOver ?? points;
  const [x0, x1] = extent(span.map((p) => p.x));
  const [y0, y1] = extent(span.map((p) => p.y));
  const toPx = (p: { x: number; y: number }) => ({ px: ((p.x - x0) / (x1 - x0)) * width, py: height - ((p.y - y0) / (y1 - y0)) * height });
  // Every point drawn is an obstacle of its marker's size (about 8 px across).
  const markers: Box[] = span.map((q) => {
    const { px, py } = toPx(q);
    return { left: px - 4, right: px + 4, top: py - 4, bottom: py + 4 };
  });
  const placed: Box[] = [];
  return points.map((p) => {
    const { px, py } = toPx(p);
    const w = measure(p.text);
    const boxOf = (where: Placement): Box => {
      const { dx, dy, align } = PLACEMENT_OFFSET[where];
      const left = align === 'left' ? px + dx : px + dx - w;
      return { left, right: left + w, top: py + dy - lineHeight / 2, bottom: py + dy + lineHeight / 2 };
    };
    const inside = (b: Box) => b.left >= 0 && b.right <= width && b.top >= -lineHeight && b.bottom <= height + lineHeight;
    const clearOfLabels = (c: Placement) => placed.every((b) => !overlaps(b, boxOf(c)));
    const clearOfPoints = (c: Placement) => markers.every((b) => !overlaps(b, boxOf(c)));
    const where =
      PLACEMENTS.find((c) => inside(boxOf(c)) && clearOfLabels(c) && clearOfPoints(c)) ??
      PLACEMENTS.find((c) => inside(boxOf(c)) && clearOfLabels(c)) ??
      PLACEMENTS.find(clearOfLabels) ??
      'right';
    placed.push(boxOf(where));
    return where;
  });
}
