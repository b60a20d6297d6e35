import { LesimError } from '../errors.js';
import { PARAMETERS, PARAMETER_NAMES, isParameterName, type ParameterName, type Params } from './parameters.js';

/** One problem with one parameter: the field, the value given, and what is allowed. */
export interface ParameterIssue {
  readonly field: string;
  readonly message: string;
}

export class ParameterError extends LesimError {
  constructor(
    readonly issues: readonly ParameterIssue[],
    readonly origin: string,
  ) {
    super(`${origin}: invalid parameters:\n${issues.map((i) => `  - ${i.field}: ${i.message}`).join('\n')}`);
    this.name = 'ParameterError';
  }
}

/** Closest known parameter name, to suggest on a typo (edit distance). */
export function closestParameterName(name: string): ParameterName | undefined {
  let best: ParameterName | undefined;
  let bestDistance = Infinity;
  for (const candidate of PARAMETER_NAMES) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= Math.max(3, name.length / 3) ? best : undefined;
}

/** Levenshtein distance, for 'did you mean' suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const temp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = temp;
    }
  }
  return row[b.length];
}

/**
 * Defaults overlaid with `overrides`, checked field by field and across fields. Throws a
 * ParameterError naming every bad field; `origin` names where the overrides came from.
 */
export function resolveParams(overrides: Readonly<Record<string, unknown>>, origin: string): Params {
  const issues: ParameterIssue[] = [];
  const out = {} as Record<ParameterName, number>;
  for (const name of PARAMETER_NAMES) out[name] = PARAMETERS[name].default;
  for (const [field, value] of Object.entries(overrides)) {
    if (!isParameterName(field)) {
      const hint = closestParameterName(field);
      issues.push({ field, message: `unknown parameter${hint ? ` (did you mean '${hint}'?)` : ''}` });
      continue;
    }
    const spec = PARAMETERS[field];
    const allowed = `a${spec.integer ? 'n integer' : ' number'} from ${spec.min} to ${spec.max} (${spec.unit})`;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({ field, message: `got ${JSON.stringify(value)}; allowed: ${allowed}` });
    } else if (value < spec.min || value > spec.max || (spec.integer && !Number.isInteger(value))) {
      issues.push({ field, message: `got ${value}; allowed: ${allowed}` });
    } else {
      out[field] = value;
    }
  }
  if (issues.length === 0) issues.push(...crossFieldIssues(out));
  if (issues.length > 0) throw new ParameterError(issues, origin);
  return Object.freeze(out);
}

function crossFieldIssues(p: Params): ParameterIssue[] {
  const issues: ParameterIssue[] = [];
  const shares = p.acuteShare_share + p.mentalHealthShare_share + p.specialistShare_share + p.communityShare_share + p.ambulanceShare_share;
  if (Math.abs(shares - 1) > 0.01) {
    issues.push({ field: 'acuteShare_share..ambulanceShare_share', message: `care-setting shares sum to ${shares.toFixed(3)}; they must sum to 1 (within 0.01)` });
  }
  const acute = Math.round(p.organizations_count * p.acuteShare_share);
  const mental = Math.round(p.organizations_count * p.mentalHealthShare_share);
  const ambulance = Math.round(p.organizations_count * p.ambulanceShare_share);
  if (p.exemplarsAcute_count + p.followersAcute_count > acute) {
    issues.push({ field: 'exemplarsAcute_count + followersAcute_count', message: `${p.exemplarsAcute_count + p.followersAcute_count} exceeds the ${acute} acute organizations` });
  }
  if (p.exemplarsMentalHealth_count + p.followersMentalHealth_count > mental) {
    issues.push({ field: 'exemplarsMentalHealth_count + followersMentalHealth_count', message: `${p.exemplarsMentalHealth_count + p.followersMentalHealth_count} exceeds the ${mental} mental health organizations` });
  }
  if (p.exemplarsAmbulance_count > ambulance) {
    issues.push({ field: 'exemplarsAmbulance_count', message: `${p.exemplarsAmbulance_count} exceeds the ${ambulance} ambulance services` });
  }
  if (p.professionLedNetworks_count > p.learningNetworks_count) {
    issues.push({ field: 'professionLedNetworks_count', message: `${p.professionLedNetworks_count} exceeds learningNetworks_count (${p.learningNetworks_count})` });
  }
  if (p.groupings_count < p.regions_count) {
    issues.push({ field: 'groupings_count', message: `${p.groupings_count} is fewer than regions_count (${p.regions_count}); each region needs a grouping` });
  }
  if (p.fundingEnd_month <= p.programmeStart_month) {
    issues.push({ field: 'fundingEnd_month', message: `must be after programmeStart_month (${p.programmeStart_month})` });
  }
  return issues;
}
