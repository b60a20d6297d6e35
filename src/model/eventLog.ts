import type { EventKind, ModelEvent } from './state.js';

/** Event kinds by code: an event's kind is stored as its index here. */
export const EVENT_KINDS = ['formed', 'ended', 'changed', 'programme', 'organization', 'person'] as const satisfies readonly EventKind[];
export const EventCode = { formed: 0, ended: 1, changed: 2, programme: 3, organization: 4, person: 5 } as const satisfies Record<EventKind, number>;

/** What an event's relationship field names: nothing, a tie ('t<ref>') or a community ('c<id>'). */
export const RelationshipKind = { none: 0, tie: 1, community: 2 } as const;
type RelationshipKind = (typeof RelationshipKind)[keyof typeof RelationshipKind];

const FIRST_ROWS = 256;

/**
 * The events of one month, in typed columns reused from month to month (ODD 7 logs every
 * formation, ending and change of form, and the programme's, organizations' and people's
 * milestones). A run logs about 35,000 events, most of which only the recorder and the outcome
 * tracker count; as objects with a 't<ref>' string each they were about a sixth of a
 * replication's allocation. The loops that count read the columns; an event becomes a ModelEvent
 * (the events file's line) only when something asks for one: `at`, `toArray` or iteration.
 *
 * `what` and `detail` are kept as the strings the rules pass (mostly literals, so storing them
 * allocates nothing).
 */
export class EventLog implements Iterable<ModelEvent> {
  length = 0;
  month = new Int32Array(FIRST_ROWS);
  kind = new Uint8Array(FIRST_ROWS);
  /** Mode, formality, origin, influence and direction codes (-1 for an event that is not a relationship's). */
  mode = new Int8Array(FIRST_ROWS);
  formality = new Int8Array(FIRST_ROWS);
  origin = new Int8Array(FIRST_ROWS);
  influence = new Int8Array(FIRST_ROWS);
  direction = new Int8Array(FIRST_ROWS);
  orgA = new Int32Array(FIRST_ROWS);
  orgB = new Int32Array(FIRST_ROWS);
  relationshipKind = new Uint8Array(FIRST_ROWS);
  /** The tie's number (its ref) or the community's id. */
  ref = new Int32Array(FIRST_ROWS);
  readonly what: string[] = [];
  readonly detail: string[] = [];

  constructor() {
    // Each column stored twice (as TieTable does): V8 then treats the fields as mutable from the
    // first log on, so the first month with more events than rows (grow) does not throw away the
    // optimized code of every rule that logs (measured: 14 functions deoptimized at once, 13
    // replications into a thread).
    this.month = new Int32Array(FIRST_ROWS);
    this.kind = new Uint8Array(FIRST_ROWS);
    this.mode = new Int8Array(FIRST_ROWS);
    this.formality = new Int8Array(FIRST_ROWS);
    this.origin = new Int8Array(FIRST_ROWS);
    this.influence = new Int8Array(FIRST_ROWS);
    this.direction = new Int8Array(FIRST_ROWS);
    this.orgA = new Int32Array(FIRST_ROWS);
    this.orgB = new Int32Array(FIRST_ROWS);
    this.relationshipKind = new Uint8Array(FIRST_ROWS);
    this.ref = new Int32Array(FIRST_ROWS);
  }

  add(
    month: number,
    kind: number,
    what: string,
    relationshipKind: RelationshipKind,
    ref: number,
    mode: number,
    formality: number,
    origin: number,
    influence: number,
    direction: number,
    orgA: number,
    orgB: number,
    detail: string,
  ): void {
    const i = this.length;
    if (i === this.month.length) this.grow();
    this.month[i] = month;
    this.kind[i] = kind;
    this.relationshipKind[i] = relationshipKind;
    this.ref[i] = ref;
    this.mode[i] = mode;
    this.formality[i] = formality;
    this.origin[i] = origin;
    this.influence[i] = influence;
    this.direction[i] = direction;
    this.orgA[i] = orgA;
    this.orgB[i] = orgB;
    if (i < this.what.length) {
      this.what[i] = what;
      this.detail[i] = detail;
    } else {
      this.what.push(what);
      this.detail.push(detail);
    }
    this.length = i + 1;
  }

  /** Forgets the events (the columns are kept for the next month). */
  clear(): void {
    this.length = 0;
  }

  /** The events file's relationship field of event i: 't<ref>', 'c<id>' or ''. */
  relationship(i: number): string {
    const k = this.relationshipKind[i];
    return k === RelationshipKind.tie ? `t${this.ref[i]}` : k === RelationshipKind.community ? `c${this.ref[i]}` : '';
  }

  /** Event i as a ModelEvent (a new object, fields in the events file's order). */
  at(i: number): ModelEvent {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`EventLog: no event ${i} of ${this.length}`);
    return {
      month: this.month[i],
      kind: EVENT_KINDS[this.kind[i]],
      what: this.what[i],
      relationship: this.relationship(i),
      mode: this.mode[i],
      formality: this.formality[i],
      origin: this.origin[i],
      influence: this.influence[i],
      direction: this.direction[i],
      orgA: this.orgA[i],
      orgB: this.orgB[i],
      detail: this.detail[i],
    };
  }

  /** Appends every event, as ModelEvents, to `out` (the run's kept events). */
  appendTo(out: ModelEvent[]): void {
    for (let i = 0; i < this.length; i++) out.push(this.at(i));
  }

  toArray(): ModelEvent[] {
    const out: ModelEvent[] = [];
    this.appendTo(out);
    return out;
  }

  *[Symbol.iterator](): Iterator<ModelEvent> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  private grow(): void {
    const size = this.month.length * 2;
    const grown = <T extends Int32Array | Int8Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.month = grown(this.month);
    this.kind = grown(this.kind);
    this.mode = grown(this.mode);
    this.formality = grown(this.formality);
    this.origin = grown(this.origin);
    this.influence = grown(this.influence);
    this.direction = grown(this.direction);
    this.orgA = grown(this.orgA);
    this.orgB = grown(this.orgB);
    this.relationshipKind = grown(this.relationshipKind);
    this.ref = grown(this.ref);
  }
}
