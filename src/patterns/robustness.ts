import { PARAMETERS, PARAMETER_NAMES, type ParameterName } from '../model/parameters.js';
import { latinHypercube, type Levels } from '../sweep/designs.js';

/** A parameter the robustness design varies, and the range it is varied over. */
export interface AssumedRange {
  readonly name: ParameterName;
  readonly low: number;
  readonly high: number;
  readonly integer: boolean;
}

/**
 * How far an assumed value is varied: from half to one and a half times its default, within the
 * parameter's allowed range. The parameter table gives allowed (validation) ranges, which are far
 * wider than plausible (a contact cost of 0 to 50 utility units), so the design uses this band.
 */
export const ASSUMED_SPREAD = 0.5;

/** Sources naming a value as assumed: "assumption...", "...; value assumption", "share is an assumption". */
const ASSUMED = /^assumption|value assumption|is an assumption/;
/**
 * Not varied although marked assumed: policy levers and experiments (0 or 1 in the baseline, the
 * user's choice, not a fact about the world), yearly budget shapes, budgets and grants (the
 * scenario's money), and the care-setting shares (they must sum to 1).
 */
const EXCLUDED = /_flag$|_code$|Year\d+_ratio$|_gbp$|_gbpPerYear$|_gbpPerMonth$|^(acute|mentalHealth|specialist|community|ambulance)Share_share$/;
const LEVER = /lever|0 in the baseline|experiment/;

/** The assumed parameters of the table, each with the band it is varied over. */
export function assumedParameters(): AssumedRange[] {
  const out: AssumedRange[] = [];
  for (const name of PARAMETER_NAMES) {
    const spec = PARAMETERS[name];
    if (!ASSUMED.test(spec.source) || EXCLUDED.test(name) || LEVER.test(spec.source) || spec.default === 0) continue;
    const a = spec.default * (1 - ASSUMED_SPREAD);
    const b = spec.default * (1 + ASSUMED_SPREAD);
    let low = Math.max(spec.min, Math.min(a, b));
    let high = Math.min(spec.max, Math.max(a, b));
    const integer = spec.integer === true;
    if (integer) {
      low = Math.ceil(low);
      high = Math.floor(high);
    }
    if (!(high > low)) continue;
    out.push({ name, low, high, integer });
  }
  return out;
}

/** K points of a Latin hypercube over the assumed parameters (seeded: the same K and seed give the same points). */
export function robustnessDesign(ranges: readonly AssumedRange[], points: number, seed: number): Record<string, number>[] {
  const levels: Levels[] = ranges.map((r) => ({ kind: 'range', min: r.low, max: r.high, integer: r.integer }));
  return latinHypercube(levels, points, seed).map((row) => Object.fromEntries(ranges.map((r, j) => [r.name, row[j]])));
}
