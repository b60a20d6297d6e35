import type { CareSetting, Stage, Status } from '../model/enums.js';

/**
 * A provider organization (an NHS trust): plain data, changed only by the rule functions in
 * src/model/mechanisms. Knowledge, stage and progress are per technology domain (enums DOMAINS).
 */
export interface Organization {
  readonly id: number;
  readonly name: string;
  readonly setting: CareSetting;
  readonly region: number;
  readonly grouping: number;
  readonly x_km: number;
  readonly y_km: number;
  /** log of relative size (0 = median organization); culture and footprint similarity use it. */
  readonly logSize: number;
  /** Supplier id of the system in each domain; the EPR supplier is the core system. */
  readonly suppliers: Int16Array;
  readonly proactiveSearch: boolean;
  /** 0-1: drives local rivalry and over-confident self-assessment. */
  readonly statusSeeking: number;

  status: Status;
  /** Organizations paired with this one by the programme (exemplar: its followers; follower: its exemplar). */
  partners: number[];
  /** Month funding stops for this organization, or -1 if never funded. */
  fundedUntil: number;
  grant_gbp: number;

  /** Codified knowledge per domain, 0-1. */
  codified: Float64Array;
  /** Tacit know-how per domain, 0-1. */
  tacit: Float64Array;
  /** Capability per domain, K = C^a T^(1-a): a cache kept by setKnowledge. */
  capability: Float64Array;
  stage: Uint8Array & { [i: number]: Stage | number };
  /** Progress 0-1 through the current stage, per domain. */
  progress: Float64Array;

  /** Ability to acquire, assimilate and use external knowledge, 0-1 (recomputed monthly). */
  absorptive: number;
  /** Relationships handled so far (past experience). */
  experience: number;
  /** Staff who are academy-trained (model/training.ts keeps it as people are trained, join and leave). */
  trainedStaff: number;
  /** Exponentially smoothed inbound knowledge requests per month. */
  requestsSmoothed: number;
  requestsThisMonth: number;
  hasRoutine: boolean;

  /** Staff-time budget of the month (staff time plus funded hours): project work and sharing draw on it. */
  timeBudget_hours: number;
  /** Sharing time used so far this month (ties, requests, meetings, pairing and partnership work). */
  timeUsed_hours: number;
  /** Project work and sharing of the previous month over that month's budget (lagged so phase order does not matter). */
  timePressure: number;
  /** Hours the organization's projects take this month (set in phase 2, from the same budget). */
  projectHours: number;
  /** Pace of its projects this month: (hours per project / reference hours)^exponent (1 at the reference). */
  projectPace: number;
  /** Funded hours bought this month (grant staff share over the cost of an hour, less partnership fees). */
  fundedHours: number;
  /** Month until which it is the client of a partnership or contract (-1: none yet). */
  partnershipUntil: number;

  hasCcio: boolean;
  hasCnio: boolean;
  staff: number[];
  /** Organizations noted from blueprints as holders of know-how, per domain (the directory effect). */
  directory: number[][];
  /** Month of the first informal relationship, or -1. */
  firstInformalMonth: number;
  /** Informal knowledge exchanges so far (new contacts and uses of informal ties). */
  informalExchanges: number;
}

/** Fields of an organization that come to hold fractions or months computed from parameters (model/shapes.ts). */
export const ORGANIZATION_DOUBLE_FIELDS = [
  'fundedUntil',
  'grant_gbp',
  'requestsSmoothed',
  'timeBudget_hours',
  'timeUsed_hours',
  'timePressure',
  'projectHours',
  'projectPace',
  'fundedHours',
  'partnershipUntil',
] as const satisfies readonly (keyof Organization)[];

/** Capability from codified and tacit knowledge: K = C^a T^(1-a), so both are needed. */
export function computeCapability(codified: number, tacit: number, codifiedWeight: number): number {
  if (codified <= 0 || tacit <= 0) return 0;
  // One exp and two logs: cheaper than two pow calls, and this runs for every knowledge change.
  return Math.exp(codifiedWeight * Math.log(codified) + (1 - codifiedWeight) * Math.log(tacit));
}

/**
 * Every change to an organization's knowledge goes through here or through settleKnowledge, so
 * that the cached capability (read in the hot loops) always matches the stocks.
 */
export function setKnowledge(org: Organization, domain: number, codified: number, tacit: number, codifiedWeight: number): void {
  org.codified[domain] = codified > 1 ? 1 : codified < 0 ? 0 : codified;
  org.tacit[domain] = tacit > 1 ? 1 : tacit < 0 ? 0 : tacit;
  org.capability[domain] = computeCapability(org.codified[domain], org.tacit[domain], codifiedWeight);
}

/**
 * For a caller that has just written a domain's stocks itself: clamps them to 0-1 and recomputes
 * the capability, exactly as setKnowledge would have. It takes no fractions as arguments: where
 * the call is not inlined (a knowledge transfer in a meeting, whose inlining budget the rest of
 * the meeting uses up) every fraction passed is boxed, and setKnowledge's three were 3 MiB of a
 * replication's 21 MiB of allocation (measured).
 */
export function settleKnowledge(org: Organization, domain: number, params: { readonly codifiedWeight_exponent: number }): void {
  const codified = org.codified[domain];
  const tacit = org.tacit[domain];
  org.codified[domain] = codified > 1 ? 1 : codified < 0 ? 0 : codified;
  org.tacit[domain] = tacit > 1 ? 1 : tacit < 0 ? 0 : tacit;
  org.capability[domain] = computeCapability(org.codified[domain], org.tacit[domain], params.codifiedWeight_exponent);
}

/** Capability in a domain (cached; see setKnowledge). */
export function capability(org: Organization, domain: number): number {
  return org.capability[domain];
}

/** Digital maturity: mean capability over domains (0-1). */
export function maturity(org: Organization): number {
  let sum = 0;
  for (let d = 0; d < org.capability.length; d++) sum += org.capability[d];
  return sum / org.capability.length;
}

/** Need for external know-how in a domain: the capability gap of an active project (0 if none). */
export function need(org: Organization, domain: number): number {
  if (org.stage[domain] === 0) return 0;
  return 1 - org.capability[domain];
}

export function isFunded(org: Organization, month: number): boolean {
  return month < org.fundedUntil;
}
