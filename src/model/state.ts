import type { Individual } from '../agents/individual.js';
import type { Organization } from '../agents/organization.js';
import type { Programme } from '../agents/programme.js';
import type { Community, Tie } from '../agents/relationship.js';
import type { Supplier } from '../agents/supplier.js';
import type { Params } from './parameters.js';
import type { RunStreams } from './rng.js';
import { EventLog } from './eventLog.js';
import { IntList } from './intList.js';
import type { PairSet } from './pairSet.js';
import { settleAsDoubles } from './shapes.js';
import type { TieTable } from './tieTable.js';

export interface Grouping {
  readonly id: number;
  readonly region: number;
  readonly x_km: number;
  readonly y_km: number;
}

/**
 * The whole world of one run. Created by initState, changed only by the step phases.
 *
 * No array it keeps is the result of `Array.prototype.map` (lists are built by push or copied
 * with slice): `map` returns a packed array while the builtin runs it and a holey one once
 * TurboFan has inlined it into optimized set-up code, so from some replication on a thread the
 * organizations (or the suppliers, or the consultants) came in an array of another hidden class,
 * and every optimized loop over them was thrown away and compiled again (measured: two such
 * cascades in 24 replications on one thread, each about 1 s of compilation and two replications
 * at half speed).
 */
export interface State {
  month: number;
  readonly orgs: Organization[];
  readonly people: Individual[];
  /** Each person's employer by id, as Individual.org (employers.ts; its length is a capacity, not the head count). */
  employer: Int32Array;
  /**
   * Every lasting pairwise relationship ever formed; a tie's id is its index. Ended ones stay, with
   * `ended` set. One-offs (a visit, a blueprint read, a routed request) are logged and counted but
   * not stored: they end in the month they form and no loop reads them.
   */
  readonly ties: Tie[];
  /** The fields of `ties` that the monthly loops read, a row of ints per tie (tieTable.ts). */
  readonly tieTable: TieTable;
  /** Ties formed so far, one-offs included: the next tie's number in the events file. */
  tiesFormed: number;
  /** Every community ever formed; a community's id is its index. */
  readonly communities: Community[];
  readonly suppliers: Supplier[];
  readonly groupings: Grouping[];
  readonly programme: Programme;
  /** Ids of the independent consultants (people with no employer who carry know-how), ascending. */
  readonly consultants: number[];
  /** Ids of ties still active (kept compact for the monthly loops). */
  activeTies: number[];
  /** The independent professional network's community id. */
  professionalNetwork: number;
  /** True while the spin-up before January 2017 runs (ODD 5): the few rules that describe a post-2016 change read it. */
  spinningUp: boolean;
  /**
   * Members of the professional network from the wider pool of NHS digital health leaders who are
   * not modelled as individuals (7.12, `widerDigitalLeaders_perOrganization`); set by the first
   * intermediary phase at its equilibrium (undefined before; present from initState on, so the
   * state keeps one object shape).
   */
  professionalNetworkWider: number | undefined;
  /** The pairs of organizations that have ever had a relationship (prior ties, pairSet.ts). */
  readonly pairEver: PairSet;
}

export const EventKind = {
  formed: 'formed',
  ended: 'ended',
  changed: 'changed',
  programme: 'programme',
  organization: 'organization',
  person: 'person',
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/** One line of the events file. */
export interface ModelEvent {
  readonly month: number;
  readonly kind: EventKind;
  readonly what: string;
  /** 't<id>' for a tie, 'c<id>' for a community, '' for other events. */
  readonly relationship: string;
  readonly mode: number;
  readonly formality: number;
  readonly origin: number;
  readonly influence: number;
  readonly direction: number;
  readonly orgA: number;
  readonly orgB: number;
  readonly detail: string;
}

/**
 * The month's knowledge accounts. Entries 0-5: knowledge moved, by formality of the carrying
 * relationship, [formality][0 codified, 1 tacit]. Entries 6-8: capability (K) gained through
 * relationships, by formality (GAIN_BASE + formality); entry 9: capability gained by the
 * organization's own learning by doing and codification (GAIN_INTERNAL). Summed over organizations
 * and domains, so the mean maturity's growth splits into these parts. Entry 10: tacit knowledge
 * readers took from blueprints as documents (BLUEPRINT_TACIT, also in entry 1), so the tacit part
 * of what blueprints bring can be split between documents and the contacts they trigger.
 */
export type FlowLedger = Float64Array;
export const GAIN_BASE = 6;
export const GAIN_INTERNAL = 9;
export const BLUEPRINT_TACIT = 10;
export const FLOW_LEDGER_LENGTH = 11;

/** Amounts moved by one transfer. */
export interface Transfer {
  codified: number;
  tacit: number;
}

/** What each phase receives besides the state: parameters, streams and the month's logs. */
export interface StepContext {
  readonly params: Params;
  readonly rng: RunStreams;
  /** Events of the current month; the recorder reads and the run loop clears them. */
  readonly events: EventLog;
  readonly flows: FlowLedger;
  /** The result of the latest knowledge transfer, reused to spare an allocation per transfer. */
  readonly moved: Transfer;
  /** Funding factors of one month, computed once per month (see monthFactors). */
  readonly factors: MonthFactors;
  /** Buffers reused across phases and months of one run (no allocation in the hot loops). */
  readonly scratch: StepScratch;
}

/** Per-month constants of the funding schedule, valid for `month` (-1: not yet computed). */
export interface MonthFactors {
  month: number;
  /** Multiplier of contact cost from national activities this month (1 when none run). */
  contactCostFactor: number;
  /** Weight of this month's first-wave grant payments relative to an even spread (spendWeight of grants; 0 outside the funded window). */
  grantWeight: number;
}

/** Reusable buffers; each user clears what it reads. */
export interface StepScratch {
  /** 1 for each person in a set (community membership checks); sized to the people, grown on demand. */
  mask: Uint8Array;
  readonly list: IntList;
  /** Per room (region) lists of meeting attendees. */
  readonly rooms: IntList[];
  /** Per organization: its active relationships with other organizations (projects.ts). */
  orgTies: Float64Array;
  /** Per organization and domain: those relationships with an organization past procurement there. */
  orgDomainTies: Float64Array;
  /** Per organization and domain: 1 where it is past procurement (projects.ts, rebuilt each month). */
  orgDomainAdopted: Uint8Array;
  /**
   * Per tie, three ints: its two people's membership versions + 1 when it was last asked whether
   * they share a community, and the answer (1 or 0); 0, 0 for never (mechanisms/ties.ts).
   */
  sharedCommunity: Int32Array;
}

/** The context's reusable per-person mask (all zero between uses), grown to cover every person. */
export function personMask(state: State, ctx: StepContext): Uint8Array {
  if (ctx.scratch.mask.length < state.people.length) ctx.scratch.mask = new Uint8Array(Math.max(state.people.length * 2, 1024));
  return ctx.scratch.mask;
}

/**
 * A fresh context for one run.
 *
 * Built by constructors, not object literals, as is every object a run makes only once. V8
 * builds an object literal's template on the literal's second evaluation and then widens the
 * types it had recorded for the literal's fields (that `scratch` holds a scratch object of one
 * hidden class, say). For a literal evaluated once a run, that second evaluation is the second
 * replication on a thread, long after TurboFan compiled the hot loops on those types: measured,
 * the context's literal threw away the optimized code of 30 functions at once, and its scratch
 * literal of 8 more, all compiled again during the second replication. A class builds every
 * instance the same way and records the field types once.
 */
export function createContext(params: Params, rng: RunStreams): StepContext {
  return new RunContext(params, rng);
}

class RunContext implements StepContext {
  // Declared, not defined: a class field would first define each as undefined and widen its type.
  declare readonly params: Params;
  declare readonly rng: RunStreams;
  readonly events = new EventLog();
  readonly flows: FlowLedger = new Float64Array(FLOW_LEDGER_LENGTH);
  readonly moved: Transfer = new TransferAmounts();
  readonly factors: MonthFactors = new FundingFactors();
  readonly scratch: StepScratch = new RunScratch();
  constructor(params: Params, rng: RunStreams) {
    this.params = params;
    this.rng = rng;
  }
}

class TransferAmounts implements Transfer {
  codified = 0;
  tacit = 0;
  constructor() {
    // Fractions (shapes.ts).
    settleAsDoubles(this, ['codified', 'tacit']);
  }
}

class FundingFactors implements MonthFactors {
  month = -1;
  contactCostFactor = 1;
  grantWeight = 0;
  constructor() {
    // Fractions (shapes.ts).
    settleAsDoubles(this, ['contactCostFactor', 'grantWeight']);
  }
}

class RunScratch implements StepScratch {
  mask = new Uint8Array(0);
  readonly list = new IntList();
  readonly rooms: IntList[] = [];
  orgTies = new Float64Array(0);
  orgDomainTies = new Float64Array(0);
  orgDomainAdopted = new Uint8Array(0);
  sharedCommunity = new Int32Array(0);
}
