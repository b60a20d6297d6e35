import { PARAMETERS, PARAMETER_NAMES, isParameterName, type ParameterName, type Params } from '../model/parameters.js';
import { closestParameterName } from '../model/validate.js';
import { LEVERS, SUBSIDY_PATH, allowedText, type LeverSpec } from './levers.js';
import type { ScenarioDocument } from './schema.js';

export interface TranslationIssue {
  readonly path: string;
  readonly message: string;
}

/** Reads a dotted path from a nested document. */
export function getPath(doc: ScenarioDocument, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function monthIndex(text: string, startYear: number): number {
  const [y, m] = text.split('-').map(Number);
  return (y - startYear) * 12 + (m - 1);
}

export function monthText(index: number, startYear: number): string {
  const y = startYear + Math.floor(index / 12);
  const m = (((index % 12) + 12) % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/**
 * Translates a (merged, schema-checked) scenario document into parameter overrides: the one
 * function between plain units and the parameter table. Only levers present in the document
 * become overrides, so an empty document leaves every default in place. Range checks that need
 * the start year (months) or another lever (the subsidy against the day rate) are made here.
 */
export function leversToOverrides(doc: ScenarioDocument): { overrides: Partial<Record<ParameterName, number>>; issues: TranslationIssue[] } {
  const overrides: Partial<Record<ParameterName, number>> = {};
  const issues: TranslationIssue[] = [];
  const startYear = (getPath(doc, 'run.start_year') as number | undefined) ?? PARAMETERS.startYear_year.default;
  for (const l of LEVERS) {
    const value = getPath(doc, l.path);
    if (value === undefined) continue;
    const result = leverValue(l, value, startYear);
    if (typeof result === 'string') issues.push({ path: l.path, message: result });
    else overrides[l.param] = result;
  }
  const subsidy = getPath(doc, SUBSIDY_PATH);
  if (typeof subsidy === 'number') {
    const rate = overrides.consultancyDayRate_gbp ?? PARAMETERS.consultancyDayRate_gbp.default;
    if (subsidy > rate) issues.push({ path: SUBSIDY_PATH, message: `got ${subsidy}; allowed: GBP 0 to the day rate (${rate} GBP/day)` });
    else overrides.consultancySubsidy_share = rate > 0 ? subsidy / rate : 0;
  }
  const raw = getPath(doc, 'parameters');
  if (raw && typeof raw === 'object') {
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
      if (!isParameterName(name)) {
        const hint = closestParameterName(name);
        issues.push({ path: `parameters.${name}`, message: `unknown parameter${hint ? ` (did you mean '${hint}'?)` : ''}; see lesim params` });
        continue;
      }
      overrides[name] = value as number;
    }
  }
  return { overrides, issues };
}

function leverValue(l: LeverSpec, value: unknown, startYear: number): number | string {
  const spec = PARAMETERS[l.param];
  switch (l.lever.kind) {
    case 'number':
      return value as number;
    case 'flag':
      return value ? 1 : 0;
    case 'switch':
      return value ? spec.default : 0;
    case 'enum':
      return l.lever.names.indexOf(value as string);
    case 'month':
    case 'lastMonth': {
      const index = monthIndex(value as string, startYear) + (l.lever.kind === 'lastMonth' ? 1 : 0);
      if (index < spec.min || index > spec.max) {
        const first = monthText(spec.min - (l.lever.kind === 'lastMonth' ? 1 : 0), startYear);
        const last = monthText(spec.max - (l.lever.kind === 'lastMonth' ? 1 : 0), startYear);
        return `got ${value}; allowed: a month from ${first} to ${last} (YYYY-MM; the run starts in January ${startYear})`;
      }
      return index;
    }
  }
}

/** The whole parameter set seen in plain units: what `lesim scenarios <name>` shows and --save writes. */
export function paramsToLevers(p: Params): ScenarioDocument {
  const doc: Record<string, unknown> = {};
  const set = (path: string, value: unknown) => {
    const parts = path.split('.');
    let node = doc;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
  };
  for (const l of LEVERS) {
    const v = p[l.param];
    switch (l.lever.kind) {
      case 'number':
        set(l.path, v);
        break;
      case 'flag':
      case 'switch':
        set(l.path, v > 0);
        break;
      case 'enum':
        set(l.path, l.lever.names[v]);
        break;
      case 'month':
        set(l.path, monthText(v, p.startYear_year));
        break;
      case 'lastMonth':
        set(l.path, monthText(v - 1, p.startYear_year));
        break;
    }
    if (l.path === 'intermediaries.consultancy_day_rate_gbp') set(SUBSIDY_PATH, p.consultancySubsidy_share * p.consultancyDayRate_gbp);
  }
  return doc;
}

/** Parameters that no lever covers and that differ from their defaults (kept under `parameters:`). */
export function unleveredOverrides(p: Params): Record<string, number> {
  const levered = new Set<string>([...LEVERS.map((l) => l.param), 'consultancySubsidy_share']);
  const out: Record<string, number> = {};
  for (const name of PARAMETER_NAMES) if (!levered.has(name) && p[name] !== PARAMETERS[name].default) out[name] = p[name];
  return out;
}
