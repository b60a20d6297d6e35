import { gbp, significant } from '../format/number.js';
import { defaultParams, PARAMETERS, type ParameterName, type Params } from '../model/parameters.js';
import { LEVERS, SUBSIDY_PATH } from './levers.js';
import { paramsToLevers, unleveredOverrides } from './translate.js';

/** One lever (or, where no lever covers it, one parameter) that differs from the defaults, in the words of a scenario file. */
export interface LeverChange {
  /** The scenario-file path, `pairing.rule`, or `parameters.<name>` for a parameter no lever covers. */
  readonly path: string;
  /** As written in a file: `same-supplier`, `2026-01`, `24`, `true`. */
  readonly value: unknown;
  readonly default: unknown;
  /** For people: `same-supplier`, `GBP 12.9 million`, `24 secondments/year`. */
  readonly text: string;
  readonly defaultText: string;
  /** What the lever does (its label in levers.ts, or the parameter's description). */
  readonly label: string;
}

type Doc = Record<string, unknown>;

/** The leaves of a lever document by dotted path; budget.by_year lines stay whole (a year profile is one lever). */
function leaves(doc: Doc, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(doc)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !/^budget\.by_year\.[a-z]+$/.test(path)) for (const [p, x] of leaves(v as Doc, path)) out.set(p, x);
    else out.set(path, v);
  }
  return out;
}

const paramOf = (path: string): ParameterName | undefined => LEVERS.find((l) => l.path === path)?.param;

/** A lever value in plain units: money in GBP words, numbers with the parameter's unit, the rest as written. */
export function leverText(path: string, value: unknown): string {
  if (path.startsWith('budget.by_year.') && value === undefined) return 'spread evenly';
  if (value === undefined) return 'not set';
  if (path.startsWith('budget.by_year.') && value && typeof value === 'object') {
    return Object.entries(value as Record<string, number>).map(([year, amount]) => `${year}: ${gbp(amount)}`).join(', ');
  }
  if (typeof value !== 'number') return String(value);
  const param = path.startsWith('parameters.') ? (path.slice('parameters.'.length) as ParameterName) : paramOf(path);
  const unit = param ? PARAMETERS[param].unit : '';
  if (unit === 'GBP' || /_gbp$/.test(path)) return gbp(value);
  const per = /_gbp_per_(day|month|year)$/.exec(path);
  if (per) return `${gbp(value)} per ${per[1]}`;
  const number = significant(value, 4);
  // Units that are the number itself (a share, a code, a year) add nothing to it.
  return unit && !['code', 'flag 0/1', 'index 0-1', 'share', 'ratio', 'year', 'probability', 'logit', 'log-ratio', 'utility'].includes(unit) ? `${number} ${unit}` : number;
}

/**
 * What a resolved scenario changes from the defaults, lever by lever, as the user wrote it
 * (`pairing.rule = same-supplier`, `programme.funding_end = 2026-01`), not as parameters
 * (`pairingRule_code = 1`): what `lesim validate` and `lesim scenarios <name>` print.
 */
export function leverChanges(params: Params): LeverChange[] {
  const now = leaves(paramsToLevers(params) as Doc);
  const before = leaves(paramsToLevers(defaultParams()) as Doc);
  const changes: LeverChange[] = [];
  for (const [path, value] of now) {
    const was = before.get(path);
    if (JSON.stringify(value) === JSON.stringify(was)) continue;
    const lever = LEVERS.find((l) => l.path === path);
    const label = lever?.label ?? (path === SUBSIDY_PATH ? 'National subsidy of consultancy, GBP per consultant day' : path.startsWith('budget.by_year.') ? 'Budget by calendar year' : '');
    changes.push({ path, value, default: was, text: leverText(path, value), defaultText: leverText(path, was), label });
  }
  for (const [name, value] of Object.entries(unleveredOverrides(params))) {
    const spec = PARAMETERS[name as ParameterName];
    const path = `parameters.${name}`;
    changes.push({ path, value, default: spec.default, text: leverText(path, value), defaultText: leverText(path, spec.default), label: spec.description });
  }
  return changes;
}
