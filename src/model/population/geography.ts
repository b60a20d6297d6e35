import type { Grouping } from '../state.js';
import { type Rng, normal } from '../rng.js';

/**
 * Regions spread over a square of side `width` km with a minimum spacing; local strategic
 * groupings dealt round-robin to regions and scattered about their region's centre.
 */
export function createGeography(rng: Rng, regions: number, groupings: number, width: number): Grouping[] {
  const centres: { x: number; y: number }[] = [];
  const spacing = width / Math.sqrt(regions) / 1.6;
  for (let r = 0; r < regions; r++) {
    let x = 0;
    let y = 0;
    for (let attempt = 0; attempt < 200; attempt++) {
      x = width * (0.1 + 0.8 * rng());
      y = width * (0.1 + 0.8 * rng());
      if (centres.every((c) => Math.hypot(c.x - x, c.y - y) >= spacing)) break;
    }
    centres.push({ x, y });
  }
  const spread = spacing / 2.5;
  const out: Grouping[] = [];
  for (let g = 0; g < groupings; g++) {
    const region = g % regions;
    const c = centres[region];
    out.push({ id: g, region, x_km: c.x + normal(rng, 0, spread), y_km: c.y + normal(rng, 0, spread) });
  }
  return out;
}
