import { PARAMETERS, isParameterName, type ParameterName } from '../model/parameters.js';
import { closestParameterName } from '../model/validate.js';
import { assumedParameters } from '../patterns/robustness.js';
import { ResearchInputError } from './errors.js';

/** A parameter varied by a sensitivity analysis or calibrated, over [min, max] of its unit. */
export interface Factor {
  readonly name: ParameterName;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** Shares that must sum to 1 with each other, so none can vary alone. */
const COUPLED = new Set<string>(['acuteShare_share', 'mentalHealthShare_share', 'specialistShare_share', 'communityShare_share', 'ambulanceShare_share']);

/**
 * The assumed parameters (the same set and bands as the robustness design of lesim patterns:
 * values the sources do not fix, without policy levers, budgets and coupled shares), each varied
 * from half to one and a half times its default.
 */
export function assumedFactors(): Factor[] {
  return assumedParameters().map((r) => ({ name: r.name, min: r.low, max: r.high, integer: r.integer }));
}

/** The default range of a factor: its default +-50%, inside the parameter's allowed range. */
export function defaultRange(name: ParameterName): Factor {
  const s = PARAMETERS[name];
  const integer = s.integer === true;
  let min = Math.max(s.min, s.default * 0.5);
  let max = Math.min(s.max, s.default * 1.5);
  if (s.default < 0) [min, max] = [Math.max(s.min, s.default * 1.5), Math.min(s.max, s.default * 0.5)];
  if (s.default === 0) [min, max] = [s.min, s.min + 0.1 * (s.max - s.min)];
  if (integer) [min, max] = [Math.floor(min), Math.ceil(max)];
  return { name, min: Number(min.toPrecision(12)), max: Number(max.toPrecision(12)), integer };
}

/** Checks a factor's range against the parameter table, naming where it came from. */
export function checkFactor(source: string, field: string, name: string, min?: number, max?: number): Factor {
  if (!isParameterName(name)) {
    const hint = closestParameterName(name);
    throw new ResearchInputError(source, field, `unknown parameter '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}; see lesim params`);
  }
  if (COUPLED.has(name)) throw new ResearchInputError(source, field, `'${name}' must sum to 1 with the other care-setting shares and cannot vary alone`);
  const base = defaultRange(name);
  const s = PARAMETERS[name];
  const lo = min ?? base.min;
  const hi = max ?? base.max;
  const allowed = `${s.min} to ${s.max} (${s.unit})`;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo < s.min || hi > s.max) throw new ResearchInputError(source, field, `range ${lo} to ${hi} is outside the allowed ${allowed}`);
  if (!(hi > lo)) throw new ResearchInputError(source, field, `empty range ${lo} to ${hi}: the maximum must be above the minimum`);
  return { name, min: lo, max: hi, integer: s.integer === true };
}

/**
 * A parameter list on the command line: `assumed`, or names separated by commas, each
 * optionally with a range: `absorptiveBase_index=0.1:0.4,search_probPerMonth`.
 */
export function parseFactorList(text: string, option = 'parameters'): Factor[] {
  const items = text.split(',').map((x) => x.trim()).filter((x) => x !== '');
  if (items.length === 0) throw new ResearchInputError(option, '', 'empty parameter list; give names separated by commas, or assumed');
  const factors: Factor[] = [];
  for (const item of items) {
    if (item === 'assumed') {
      factors.push(...assumedFactors());
      continue;
    }
    const m = /^([A-Za-z0-9_]+)(?:=([^:]+):(.+))?$/.exec(item);
    if (!m) throw new ResearchInputError(option, item, 'expected name or name=min:max');
    const min = m[2] === undefined ? undefined : Number(m[2]);
    const max = m[3] === undefined ? undefined : Number(m[3]);
    if ((min !== undefined && Number.isNaN(min)) || (max !== undefined && Number.isNaN(max))) throw new ResearchInputError(option, item, 'min and max must be numbers');
    factors.push(checkFactor(option, item, m[1], min, max));
  }
  const seen = new Set<string>();
  for (const f of factors) {
    if (seen.has(f.name)) throw new ResearchInputError(option, f.name, 'listed twice');
    seen.add(f.name);
  }
  return factors;
}

/** A point of [0,1]^k as parameter values (whole numbers rounded). */
export function scaleRow(factors: readonly Factor[], u: readonly number[]): number[] {
  return factors.map((f, j) => {
    const x = f.min + u[j] * (f.max - f.min);
    return f.integer ? Math.round(x) : Number(x.toPrecision(12));
  });
}

/** Parameter values back on [0,1] (for elementary effects per unit of range). */
export function unitRow(factors: readonly Factor[], values: readonly number[]): number[] {
  return factors.map((f, j) => (values[j] - f.min) / (f.max - f.min));
}
