/**
 * Shared helpers for the mechanism, programme and population unit tests: a small world that
 * validates, rng stubs, and ways to set up constructed states on top of smallWorld.
 */
import { setKnowledge, type Organization } from '../../../src/agents/organization.js';
import type { Tie } from '../../../src/agents/relationship.js';
import { Direction, EndReason, Formality, Influence, Mode, N_DOMAINS, Origin, Stage, Status } from '../../../src/model/enums.js';
import type { Params } from '../../../src/model/parameters.js';
import { formPairing } from '../../../src/model/programme/selection.js';
import { formTie } from '../../../src/model/relationships.js';
import type { Rng, RunStreams } from '../../../src/model/rng.js';
import type { ModelEvent, State, StepContext } from '../../../src/model/state.js';
import { smallWorld } from '../../helpers/world.js';

/**
 * smallWorld with the mental-health follower count lowered to fit the 14 mental-health
 * organizations of a 60-organization world (the defaults, 7 + 8, ask for 15 and fail validation).
 */
export function world(overrides: Record<string, number> = {}, seed = 'test'): { state: State; ctx: StepContext; params: Params } {
  return smallWorld({ followersMentalHealth_count: 7, ...overrides }, seed);
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** Write access to fields the model treats as fixed (setting, grouping, ...), for constructed inputs. */
export function mut<T>(x: T): Mutable<T> {
  return x as Mutable<T>;
}

/**
 * Places organization b km east of organization a, so the two are km apart (distances come from
 * coordinates, src/model/distance.ts); b's distances to the others change with it.
 */
export function setDistance(state: State, a: number, b: number, km: number): void {
  const from = state.orgs[a];
  mut(state.orgs[b]).x_km = from.x_km + km;
  mut(state.orgs[b]).y_km = from.y_km;
}

/** A generator that always returns v. */
export function constant(v: number): Rng {
  return () => v;
}

/** A generator that returns the values in turn, then `rest` forever. */
export function sequence(values: readonly number[], rest = 0.999999): Rng {
  let i = 0;
  return () => (i < values.length ? values[i++] : rest);
}

/** The same context with some streams replaced (events and flows are shared with the original). */
export function withRng(ctx: StepContext, streams: Partial<Record<keyof RunStreams, Rng>>): StepContext {
  return { ...ctx, rng: { ...ctx.rng, ...streams } };
}

/** The same context with some parameters replaced (events and flows are shared with the original). */
export function withParams(ctx: StepContext, overrides: Partial<Params>): StepContext {
  return { ...ctx, params: { ...ctx.params, ...overrides } };
}

/** Sets both stocks of every domain of an organization (capability cache kept right). */
export function setAll(org: Organization, codified: number, tacit: number, a: number): void {
  for (let d = 0; d < N_DOMAINS; d++) setKnowledge(org, d, codified, tacit, a);
}

/** Sets every domain's stage. */
export function setStages(org: Organization, stage: Stage): void {
  for (let d = 0; d < N_DOMAINS; d++) org.stage[d] = stage;
}

/** Two organizations made alike in setting and systems, so relevance between them is 1. */
export function alike(a: Organization, b: Organization): void {
  mut(b).setting = a.setting;
  for (let d = 0; d < N_DOMAINS; d++) b.suppliers[d] = a.suppliers[d];
}

/** Two different organizations with staff, by index. */
export function twoOrgs(state: State, i = 0, j = 1): [Organization, Organization] {
  return [state.orgs[i], state.orgs[j]];
}

/** An informal person-to-person tie between the first staff member of each organization. */
export function informalTie(state: State, ctx: StepContext, a: Organization, b: Organization, extra: Partial<{ trust: number; endsAt: number; personA: number; personB: number; domain: number }> = {}): Tie {
  return formTie(state, ctx, {
    mode: Mode.directContact,
    formality: Formality.informal,
    origin: Origin.individual,
    influence: Influence.enable,
    direction: Direction.multi,
    orgA: a.id,
    orgB: b.id,
    personA: extra.personA ?? a.staff[0],
    personB: extra.personB ?? b.staff[0],
    domain: extra.domain ?? 0,
    endsAt: extra.endsAt ?? Infinity,
    trust: extra.trust ?? 0.3,
  });
}

/**
 * A programme pairing between an exemplar and a follower, registered as formPairings does
 * (tie, partners and the parallel per-pairing arrays).
 */
export function pairUp(state: State, ctx: StepContext, exemplar: Organization, follower: Organization, bias = 0): Tie {
  exemplar.status = Status.exemplar;
  follower.status = Status.follower;
  return formPairing(state, ctx, exemplar, follower, bias);
}

/**
 * Every tie the state holds plus the one-offs the events record (the model logs a one-off but
 * does not store it: relationships.ts oneOff), as ties in the order they formed. A one-off has no
 * people (-1), its domain and trust are not logged (-1, 0), and it ended in the month it formed.
 */
export function formedTies(state: State, events: Iterable<ModelEvent>): Tie[] {
  const stored = new Set(state.ties.map((t) => t.ref));
  const oneOffs: Tie[] = [];
  for (const e of events) {
    if (e.kind !== 'formed' || !e.relationship.startsWith('t')) continue;
    const ref = Number(e.relationship.slice(1));
    if (stored.has(ref)) continue;
    oneOffs.push({
      kind: 'tie', id: -1, ref, mode: e.mode as Mode, formality: e.formality as Formality, origin: e.origin as Origin, influence: e.influence as Influence, direction: e.direction as Direction,
      formed: e.month, ended: e.month, endReason: EndReason.oneOff, orgA: e.orgA, orgB: e.orgB, personA: -1, personB: -1, domain: -1, endsAt: e.month, lastUsed: e.month,
      trust: 0, valueA: 0, valueB: 0, givenA: 0, givenB: 0, codifiedFlow: 0, tacitFlow: 0, tacitToB: 0, overlayOf: -1,
    });
  }
  return [...state.ties, ...oneOffs].sort((a, b) => a.ref - b.ref);
}
