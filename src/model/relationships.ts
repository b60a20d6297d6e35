import { COMMUNITY_DOUBLE_FIELDS, TIE_DOUBLE_FIELDS, type Community, type Tie } from '../agents/relationship.js';
import { settleAsDoubles } from './shapes.js';
import { Direction, EndReason, Formality, Influence, Mode, Origin, MODES, END_REASONS } from './enums.js';
import { EventCode, RelationshipKind } from './eventLog.js';
import { addPair } from './pairSet.js';
import type { State, StepContext } from './state.js';
import { TIE_ENDED, TIE_PERSON_A, TIE_PERSON_B, TIE_STRIDE } from './tieTable.js';

/** The spectrum position and provenance of a new relationship. */
export interface TieSpec {
  readonly mode: Mode;
  readonly formality: Formality;
  readonly origin: Origin;
  readonly influence: Influence;
  readonly direction: Direction;
  readonly orgA: number;
  readonly orgB: number;
  readonly personA: number;
  readonly personB: number;
  readonly domain: number;
  readonly endsAt: number;
  readonly trust: number;
  readonly overlayOf?: number;
}

/** Creates a tie, registers it with both people and logs its formation. */
export function formTie(state: State, ctx: StepContext, s: TieSpec, detail = ''): Tie {
  const tie: Tie = {
    kind: 'tie',
    id: state.ties.length,
    ref: state.tiesFormed++,
    mode: s.mode,
    formality: s.formality,
    origin: s.origin,
    influence: s.influence,
    direction: s.direction,
    formed: state.month,
    ended: -1,
    endReason: -1,
    orgA: s.orgA,
    orgB: s.orgB,
    personA: s.personA,
    personB: s.personB,
    domain: s.domain,
    endsAt: s.endsAt,
    lastUsed: state.month,
    trust: s.trust,
    valueA: 0,
    valueB: 0,
    givenA: 0,
    givenB: 0,
    codifiedFlow: 0,
    tacitFlow: 0,
    tacitToB: 0,
    overlayOf: s.overlayOf ?? -1,
  };
  if (tie.id === 0) settleAsDoubles(tie, TIE_DOUBLE_FIELDS);
  state.ties.push(tie);
  state.tieTable.add(tie);
  state.activeTies.push(tie.id);
  if (s.personA >= 0) state.people[s.personA].ties.push(tie.id);
  if (s.personB >= 0) state.people[s.personB].ties.push(tie.id);
  noteFormation(state, s);
  logTie(ctx, state, 'formed', MODES[tie.mode], tie.ref, s, detail);
  return tie;
}

/** What forming any tie leaves behind besides the tie: experience, a prior tie, a first informal month. */
function noteFormation(state: State, s: TieSpec): void {
  // Reading a document is not a relationship between people: it leaves no prior tie or experience.
  if (s.mode !== Mode.blueprintUse) {
    noteExperience(state, s.orgA);
    noteExperience(state, s.orgB);
    notePair(state, s.orgA, s.orgB);
  }
  if (s.formality === Formality.informal) {
    markInformal(state, s.orgA);
    markInformal(state, s.orgB);
  }
}

function noteExperience(state: State, org: number): void {
  if (org >= 0) state.orgs[org].experience += 1;
}

function notePair(state: State, a: number, b: number): void {
  if (a < 0 || b < 0 || a === b) return;
  addPair(state.pairEver, state.orgs.length, a, b);
}

function markInformal(state: State, org: number): void {
  if (org >= 0 && state.orgs[org].firstInformalMonth < 0) state.orgs[org].firstInformalMonth = state.month;
}

/**
 * A one-off relationship between organizations (a visit, a blueprint read, a routed request):
 * formed and ended in the same month, so it is logged and counted (a tie number, experience, a
 * prior tie) but never stored: no monthly loop would ever read it.
 */
export function oneOff(state: State, ctx: StepContext, s: TieSpec, detail = ''): void {
  const ref = state.tiesFormed++;
  noteFormation(state, s);
  logTie(ctx, state, 'formed', MODES[s.mode], ref, s, detail);
  logTie(ctx, state, 'ended', END_REASONS[EndReason.oneOff], ref, s, '');
}

/**
 * Ends a tie: unregisters it from its people (active list compaction happens once a month in
 * compactActiveTies) and logs the ending.
 */
export function endTie(state: State, ctx: StepContext, tie: Tie, reason: EndReason): void {
  if (tie.ended >= 0) return;
  tie.ended = state.month;
  tie.endReason = reason;
  state.tieTable.sync(tie);
  if (tie.personA >= 0) removeValue(state.people[tie.personA].ties, tie.id);
  if (tie.personB >= 0) removeValue(state.people[tie.personB].ties, tie.id);
  logTie(ctx, state, 'ended', END_REASONS[reason], tie.ref, tie, '');
}

/** Drops ended ties from the active list in place, keeping the order (the loops' draw order). */
export function compactActiveTies(state: State): void {
  const active = state.activeTies;
  const table = state.tieTable.data;
  let kept = 0;
  for (let i = 0; i < active.length; i++) {
    const id = active[i];
    if (table[id * TIE_STRIDE + TIE_ENDED] < 0) active[kept++] = id;
  }
  active.length = kept;
}

/** Moves a relationship to a new place on the spectrum and logs the change of form. */
export function changeForm(
  state: State,
  ctx: StepContext,
  rel: Tie | Community,
  to: { mode?: Mode; formality?: Formality; origin?: Origin; influence?: Influence; direction?: Direction },
  what: string,
): void {
  if (to.mode !== undefined) rel.mode = to.mode;
  if (to.formality !== undefined) rel.formality = to.formality;
  if (to.origin !== undefined) rel.origin = to.origin;
  if (to.influence !== undefined) rel.influence = to.influence;
  if (to.direction !== undefined) rel.direction = to.direction;
  if (rel.kind === 'tie') state.tieTable.sync(rel);
  if (rel.kind === 'tie') logTie(ctx, state, 'changed', what, rel.ref, rel, '');
  else logCommunity(ctx, state, 'changed', what, rel, '');
}

export interface CommunitySpec {
  readonly name: string;
  readonly mode: Mode;
  readonly formality: Formality;
  readonly origin: Origin;
  readonly influence: Influence;
  readonly domain: number;
  readonly professionRoles: readonly number[];
  readonly supplier: number;
  readonly launchedByProgramme: boolean;
  readonly professionLed: boolean;
  readonly fundedUntil: number;
  readonly endsAt: number;
  readonly meetingInterval: number;
  readonly userAgenda: number;
}

export function formCommunity(state: State, ctx: StepContext, s: CommunitySpec, members: readonly number[]): Community {
  const community: Community = {
    kind: 'community',
    id: state.communities.length,
    name: s.name,
    mode: s.mode,
    formality: s.formality,
    origin: s.origin,
    influence: s.influence,
    direction: Direction.multi,
    formed: state.month,
    ended: -1,
    endReason: -1,
    domain: s.domain,
    professionRoles: s.professionRoles,
    supplier: s.supplier,
    launchedByProgramme: s.launchedByProgramme,
    professionLed: s.professionLed,
    members: [],
    negativeReviews: [],
    fundedUntil: s.fundedUntil,
    endsAt: s.endsAt,
    meetingInterval: s.meetingInterval,
    userAgenda: s.userAgenda,
    transformed: -1,
    host: -1,
    memberLostEmployer: false,
    attachment: undefined,
  };
  if (community.id === 0) settleAsDoubles(community, COMMUNITY_DOUBLE_FIELDS);
  state.communities.push(community);
  for (const person of members) joinCommunity(state, community, person);
  logCommunity(ctx, state, 'formed', MODES[community.mode], community, s.name);
  return community;
}

export function joinCommunity(state: State, community: Community, person: number): void {
  // A person's own membership list is short; the community's can be thousands long.
  if (state.people[person].memberships.includes(community.id)) return;
  community.members.push(person);
  community.negativeReviews.push(0);
  const who = state.people[person];
  who.memberships.push(community.id);
  who.membershipVersion += 1;
}

export function leaveCommunity(state: State, community: Community, person: number): void {
  const i = community.members.indexOf(person);
  if (i >= 0) leaveCommunityAt(state, community, i);
}

/**
 * The member at position i leaves. Positions shift down rather than swap: draws pick members by
 * position (search, meetings), so the order of those who stay must not change.
 */
export function leaveCommunityAt(state: State, community: Community, i: number): void {
  const person = community.members[i];
  community.members.splice(i, 1);
  community.negativeReviews.splice(i, 1);
  forgetMember(state, community, person);
}

/**
 * Every member for whom `leaves(state, person)` holds leaves, in one stable pass (the order of
 * those who stay is kept, as leaveCommunityAt keeps it), instead of a search and a splice each.
 */
export function leaveCommunityWhere(state: State, community: Community, leaves: (state: State, person: number) => boolean): void {
  const members = community.members;
  const reviews = community.negativeReviews;
  let kept = 0;
  for (let i = 0; i < members.length; i++) {
    const person = members[i];
    if (leaves(state, person)) {
      forgetMember(state, community, person);
      continue;
    }
    members[kept] = person;
    reviews[kept] = reviews[i];
    kept += 1;
  }
  members.length = kept;
  reviews.length = kept;
}

/**
 * A person has just lost their employer (their org is now below 0): each active community they
 * belong to will drop them at its next turn in the community phase (mechanisms/communities.ts).
 */
export function noteLostEmployer(state: State, person: number): void {
  const memberships = state.people[person].memberships;
  for (let i = 0; i < memberships.length; i++) state.communities[memberships[i]].memberLostEmployer = true;
}

/** What leaving undoes besides the member list: the person's own membership and shared identity. */
function forgetMember(state: State, community: Community, person: number): void {
  // The shared identity a member built goes with them: someone who rejoins starts again.
  const attachment = community.attachment;
  if (attachment !== undefined && person < attachment.length) attachment[person] = 0;
  const who = state.people[person];
  removeValue(who.memberships, community.id);
  who.membershipVersion += 1;
}

export function endCommunity(state: State, ctx: StepContext, community: Community, reason: EndReason): void {
  if (community.ended >= 0) return;
  community.ended = state.month;
  community.endReason = reason;
  for (const person of community.members) {
    const who = state.people[person];
    removeValue(who.memberships, community.id);
    who.membershipVersion += 1;
  }
  logCommunity(ctx, state, 'ended', END_REASONS[reason], community, community.name);
}

/**
 * Whether two people may form a new informal tie: not if they already share one. (The overlay
 * knock-out, `pairingOverlay_flag` 0, no longer blocks ties: it stops a pairing's work drawing on
 * them, in mechanisms/pairings.ts.)
 */
export function mayTie(state: State, _ctx: StepContext, a: number, b: number): boolean {
  return !areTied(state, a, b);
}

/** Whether two people already share an active tie. */
export function areTied(state: State, a: number, b: number): boolean {
  const ties = state.people[a].ties;
  const table = state.tieTable.data;
  for (let i = 0; i < ties.length; i++) {
    const o = ties[i] * TIE_STRIDE;
    if (table[o + TIE_PERSON_A] === b || table[o + TIE_PERSON_B] === b) return true;
  }
  return false;
}

function removeValue(list: number[], value: number): void {
  const i = list.indexOf(value);
  if (i >= 0) {
    list[i] = list[list.length - 1];
    list.pop();
  }
}

/** A tie's event; `t` is the tie or, for a one-off, its spec (the same classification fields). */
function logTie(
  ctx: StepContext,
  state: State,
  kind: 'formed' | 'ended' | 'changed',
  what: string,
  ref: number,
  t: Pick<Tie, 'mode' | 'formality' | 'origin' | 'influence' | 'direction' | 'orgA' | 'orgB'>,
  detail: string,
): void {
  ctx.events.add(state.month, EventCode[kind], what, RelationshipKind.tie, ref, t.mode, t.formality, t.origin, t.influence, t.direction, t.orgA, t.orgB, detail);
}

function logCommunity(ctx: StepContext, state: State, kind: 'formed' | 'ended' | 'changed', what: string, c: Community, detail: string): void {
  ctx.events.add(state.month, EventCode[kind], what, RelationshipKind.community, c.id, c.mode, c.formality, c.origin, c.influence, c.direction, -1, -1, detail);
}

/** A non-relationship event (programme milestones, routines, moves). */
export function logEvent(
  state: State,
  ctx: StepContext,
  kind: 'programme' | 'organization' | 'person',
  what: string,
  orgA = -1,
  orgB = -1,
  detail = '',
): void {
  ctx.events.add(state.month, EventCode[kind], what, RelationshipKind.none, -1, -1, -1, -1, -1, -1, orgA, orgB, detail);
}
