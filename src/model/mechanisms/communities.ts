import { capability } from '../../agents/organization.js';
import type { Community } from '../../agents/relationship.js';
import { Direction, EndReason, Formality, Influence, Mode, Origin, Status, type Influence as InfluenceT, type Origin as OriginT } from '../enums.js';
import type { Params } from '../parameters.js';
import { mayTie, changeForm, endCommunity, formTie, joinCommunity, leaveCommunityAt, leaveCommunityWhere, logEvent } from '../relationships.js';
import { randInt, type Rng } from '../rng.js';
import { IntList } from '../intList.js';
import { personMask, type State, type StepContext } from '../state.js';
import { TIE_PERSON_A, TIE_PERSON_B, TIE_STRIDE } from '../tieTable.js';
import { monthFactors } from '../programme/funding.js';
import { relevance, transferKnowledge } from './knowledge.js';
import { userGroupAgenda, userGroupStake } from './suppliers.js';
import { guardedShare, rivalry, willingness } from './willingness.js';

/** Months a programme learning network must outlive its funding to count as a community of practice. */
export const TRANSFORM_AFTER_FUNDING_MONTHS = 6;

/**
 * Communities (phase 6): learning networks, communities of practice, user groups, academy
 * cohorts and the professional network. Members of voluntary communities stay while what they
 * get (information, professional identity, bonds) covers the time it costs; funded coordination
 * pays part of that cost (Ren & Kraut; 003 Evolving Formal Processes), and after funding a member
 * organization that has taken a programme network over pays part (hostTakeover). Communities meet at their
 * interval: attendees learn from one another and some pairs form informal ties. A community below
 * its minimum membership ends; a programme network that outlives its funding becomes a community
 * of practice of the providers (001 Spectrum).
 */
export function communityPhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.communities;
  for (const community of state.communities) {
    if (community.ended >= 0) continue;
    if (state.month >= community.endsAt) {
      endCommunity(state, ctx, community, EndReason.termOver);
      continue;
    }
    dropDeparted(state, community);
    // A host coordinates from its own sharing time once the programme no longer pays for it.
    if (community.host >= 0 && state.month >= community.fundedUntil) state.orgs[community.host].timeUsed_hours += p.hostCoordination_hoursPerMonth;
    const age = state.month - community.formed;
    if (isVoluntary(community) && age > 0 && age % p.membershipReview_months === 0) {
      updateMembership(state, ctx, community);
      recruit(state, ctx, rng, community);
    }
    if (community.members.length < p.networkMinMembers_count && community.mode !== Mode.professionalNetwork) {
      endCommunity(state, ctx, community, EndReason.belowMinimum);
      continue;
    }
    if ((state.month - community.formed) % community.meetingInterval === 0) meet(state, ctx, rng, community);
    if (community.mode === Mode.learningNetwork && community.fundedUntil >= 0 && state.month >= community.fundedUntil + TRANSFORM_AFTER_FUNDING_MONTHS) {
      community.transformed = state.month;
      changeForm(state, ctx, community, { mode: Mode.communityOfPractice, origin: Origin.provider, influence: Influence.enable }, 'network_became_community_of_practice');
    }
  }
}

/** Communities whose members choose to stay; cohorts, user groups and the open network are not costed this way. */
function isVoluntary(c: Community): boolean {
  return c.mode === Mode.learningNetwork || c.mode === Mode.communityOfPractice;
}

/**
 * Members who no longer have an employer leave. Most months none of a community's members has
 * lost one, which the flag set at each loss tells without reading every member (a scan of each
 * member list was about 1% of a replication).
 */
function dropDeparted(state: State, community: Community): void {
  if (!community.memberLostEmployer) return;
  community.memberLostEmployer = false;
  leaveCommunityWhere(state, community, hasNoEmployer);
}

function hasNoEmployer(state: State, person: number): boolean {
  return state.employer[person] < 0;
}

/**
 * Shared identity grows by taking part: at each meeting every member's attachment erodes by
 * `communityIdentityDecay_perMeeting`, then each attendee closes `communityIdentityGain_perMeeting`
 * of the way to 1. Regular attendees with long tenure hold most; absentees and newcomers little.
 * Attachment is kept by person id in a typed array (0 for anyone who is not a member), so a
 * meeting allocates nothing; only members can hold any, so only they need decaying.
 */
function buildAttachment(state: State, p: Params, community: Community, attendees: IntList): void {
  const attachment = attachmentRoom(community, state.people.length);
  const keep = 1 - p.communityIdentityDecay_perMeeting;
  const members = community.members;
  for (let i = 0; i < members.length; i++) attachment[members[i]] *= keep;
  for (let i = 0; i < attendees.length; i++) {
    const person = attendees.items[i];
    attachment[person] += p.communityIdentityGain_perMeeting * (1 - attachment[person]);
  }
}

/** The community's attachment array with room for `people` ids (grown with headroom, as staff are hired). */
function attachmentRoom(community: Community, people: number): Float64Array {
  const current = community.attachment;
  if (current !== undefined && current.length >= people) return current;
  const grown = new Float64Array(people + (people >> 2) + 64);
  if (current !== undefined) grown.set(current);
  community.attachment = grown;
  return grown;
}

/** A meeting topic: a supplier's group talks about the supplier's modules, others about any domain. */
function topicOf(state: State, rng: Rng, community: Community, domains: number): number {
  if (community.supplier >= 0) {
    const own = state.suppliers[community.supplier].domains;
    return own[randInt(rng, own.length)];
  }
  return randInt(rng, domains);
}

/** A member's shared identity with a community (0 until they have taken part). */
export function attachmentOf(community: Community, person: number): number {
  const attachment = community.attachment;
  return attachment !== undefined && person < attachment.length ? attachment[person] : 0;
}

/**
 * Net value of membership to one person at a review (Ren & Kraut): information (the relevant lead
 * of the best member organization times the person's own need), identity (the profession's, where
 * the community serves the person's profession; the shared identity the person has built by taking
 * part, in any community; the programme's collective identity while funded), bond (share of
 * members the person has a tie with), less the time cost at the person's own time pressure, part
 * of which funded coordination carries while funding lasts and a host organization's coordination
 * after (`asHosted`: the value after funding with a host coordinating). Every term is the member's own, so
 * members of one community decide differently.
 */
export function membershipValue(
  state: State,
  p: Params,
  community: Community,
  person: number,
  bestTacit: Float64Array,
  bestOrg: Int32Array,
  isMember: Uint8Array = memberMask(state, community),
  asHosted = false,
): number {
  const who = state.people[person];
  const org = state.orgs[who.org];
  const a = p.codifiedWeight_exponent;
  let info = 0;
  const from = community.domain >= 0 ? community.domain : 0;
  const to = community.domain >= 0 ? community.domain + 1 : org.tacit.length;
  for (let d = from; d < to; d++) {
    if (org.stage[d] === 0 || bestOrg[d] < 0 || bestOrg[d] === org.id) continue;
    const lead = (bestTacit[d] - org.tacit[d]) * relevance(p, state.orgs[bestOrg[d]], org, d);
    if (lead > 0) info = Math.max(info, lead * (1 - capability(org, d)));
  }
  // A value as if hosted is the value once the programme stops paying: no funded coordination, no programme identity.
  const funded = !asHosted && community.fundedUntil >= 0 && state.month < community.fundedUntil;
  // Professional identity draws on status (intrinsic) and on building a community (extrinsic): 001 Individual Level.
  let identity = community.professionRoles.includes(who.role) ? p.networkIdentityBenefit_index * (who.intrinsic + who.extrinsic) / 2 : 0;
  if (funded && community.launchedByProgramme && org.status !== Status.outside) identity += p.programmeIdentityBenefit_index * who.intrinsic;
  // Shared identity built by taking part (common-identity attachment), valued by those who seek community.
  identity += p.communityIdentityBenefit_index * attachmentOf(community, person) * (0.5 + who.extrinsic);
  let tied = 0;
  const table = state.tieTable.data;
  for (let i = 0; i < who.ties.length; i++) {
    const o = who.ties[i] * TIE_STRIDE;
    const other = table[o + TIE_PERSON_A] === person ? table[o + TIE_PERSON_B] : table[o + TIE_PERSON_A];
    if (other >= 0 && isMember[other] === 1) tied += 1;
  }
  const bond = p.networkBondBenefit_index * (community.members.length > 1 ? tied / (community.members.length - 1) : 0) * (0.5 + who.extrinsic);
  const coordinated = funded ? p.fundedCoordination_share : community.host >= 0 || asHosted ? p.hostCoordination_share : 0;
  const cost = p.networkTimeCost_index * (1 + Math.min(1, org.timePressure)) * (1 - coordinated);
  return p.networkInfoBenefit_index * info + identity + bond - cost;
}

/** 1 for each person who is a member of the community. */
function memberMask(state: State, community: Community): Uint8Array {
  const mask = new Uint8Array(state.people.length);
  for (const person of community.members) mask[person] = 1;
  return mask;
}

/** The context's reusable mask with the community's members set; clear it with clearMask after use. */
function scratchMask(state: State, ctx: StepContext, community: Community): Uint8Array {
  const mask = personMask(state, ctx);
  const members = community.members;
  for (let i = 0; i < members.length; i++) mask[members[i]] = 1;
  return mask;
}

/** Clears the first `count` ids of `ids` (a member list, or an IntList's items) from the mask. */
function clearMask(mask: Uint8Array, ids: ArrayLike<number>, count = ids.length): void {
  for (let i = 0; i < count; i++) mask[ids[i]] = 0;
}

/** Best tacit know-how per domain among member organizations (for the information value). */
function memberBest(state: State, community: Community, bestTacit: Float64Array, bestOrg: Int32Array): void {
  bestTacit.fill(0);
  bestOrg.fill(-1);
  for (const person of community.members) {
    const org = state.orgs[state.employer[person]];
    for (let d = 0; d < bestTacit.length; d++) {
      if (org.tacit[d] > bestTacit[d]) {
        bestTacit[d] = org.tacit[d];
        bestOrg[d] = org.id;
      }
    }
  }
}

/**
 * Word of mouth: a member may invite one of their ties, who joins if membership would be worth
 * it to them now. Communities that offer their members something grow; others do not. The
 * membership mask is set once and kept up to date as invitees join (each invitee is valued
 * against the members of the moment), rather than rebuilt for every invitee.
 */
function recruit(state: State, ctx: StepContext, rng: Rng, community: Community): void {
  const p = ctx.params;
  const n = state.orgs[0].tacit.length;
  let bestTacit: Float64Array | undefined;
  let bestOrg: Int32Array | undefined;
  let isMember: Uint8Array | undefined;
  const count = community.members.length;
  for (let i = 0; i < count; i++) {
    if (rng() >= p.communityRecruit_prob) continue;
    const ties = state.people[community.members[i]].ties;
    if (ties.length === 0) continue;
    const tie = state.ties[ties[randInt(rng, ties.length)]];
    const invitee = tie.personA === community.members[i] ? tie.personB : tie.personA;
    if (invitee < 0 || state.employer[invitee] < 0 || state.people[invitee].memberships.includes(community.id)) continue;
    if (!bestTacit || !bestOrg || !isMember) {
      bestTacit = new Float64Array(n);
      bestOrg = new Int32Array(n);
      memberBest(state, community, bestTacit, bestOrg);
      isMember = scratchMask(state, ctx, community);
    }
    const value = membershipValue(state, p, community, invitee, bestTacit, bestOrg, isMember);
    if (value > 0) {
      joinCommunity(state, community, invitee);
      isMember[invitee] = 1;
    }
  }
  if (isMember) clearMask(isMember, community.members);
}

function updateMembership(state: State, ctx: StepContext, community: Community): void {
  const p = ctx.params;
  const n = state.orgs[0].tacit.length;
  const bestTacit = new Float64Array(n);
  const bestOrg = new Int32Array(n);
  memberBest(state, community, bestTacit, bestOrg);
  // The mask is of the members at the start of the review (as before: leavers stay set in it).
  const before = ctx.scratch.list;
  before.clear();
  for (const person of community.members) before.push(person);
  const isMember = scratchMask(state, ctx, community);
  if (mayBeHosted(state, p, community)) hostTakeover(state, ctx, community, bestTacit, bestOrg, isMember);
  for (let i = community.members.length - 1; i >= 0; i--) {
    const person = community.members[i];
    const value = membershipValue(state, p, community, person, bestTacit, bestOrg, isMember);
    community.negativeReviews[i] = value < 0 ? community.negativeReviews[i] + 1 : 0;
    if (community.negativeReviews[i] >= p.networkLeaveAfter_reviews) leaveCommunityAt(state, community, i);
  }
  clearMask(isMember, before.items, before.length);
  if (community.host >= 0 && !community.members.some((person) => state.people[person].org === community.host)) {
    logEvent(state, ctx, 'organization', 'network_host_withdrew', community.host, -1, community.name);
    community.host = -1;
  }
}

/** A programme network with no host, in the months before its funding ends or after. */
function mayBeHosted(state: State, p: Params, community: Community): boolean {
  return community.launchedByProgramme && community.host < 0 && community.fundedUntil >= 0 && state.month >= community.fundedUntil - p.networkHostLead_months;
}

/**
 * A member organization may take over a programme network's coordination (001 Discussion: the
 * networks that lasted were "orchestrated through collaboration of provider organizations as they
 * captured local and collective benefits"). The chance grows with the share of members who would
 * stay were a host to coordinate (their own membership value with the host's share of the cost
 * covered), so a network its members value is likely to find a host and one they do not is not;
 * the host is the organization of the member who values it most. Whether any one network finds a
 * host stays a matter of chance, as the sources describe some networks, not all, carrying on.
 */
function hostTakeover(state: State, ctx: StepContext, community: Community, bestTacit: Float64Array, bestOrg: Int32Array, isMember: Uint8Array): void {
  const p = ctx.params;
  const members = community.members;
  if (members.length === 0) return;
  let staying = 0;
  let best = -1;
  let bestValue = 0;
  for (let i = 0; i < members.length; i++) {
    const value = membershipValue(state, p, community, members[i], bestTacit, bestOrg, isMember, true);
    if (value > 0) staying += 1;
    if (value > bestValue) {
      bestValue = value;
      best = members[i];
    }
  }
  if (best < 0 || ctx.rng.communities() >= p.networkHostTakeover_probPerReview * (staying / members.length)) return;
  community.host = state.people[best].org;
  logEvent(state, ctx, 'organization', 'network_host_took_over', community.host, -1, community.name);
}

/**
 * A meeting: each attendee talks to a few others, learns from their organizations where they are
 * ahead (knowledge flows at periodic formality), and may form a tie. A supplier-led user group
 * keeps to the supplier's agenda, which limits open exchange (001 Macroenvironmental).
 */
function meet(state: State, ctx: StepContext, rng: Rng, community: Community): void {
  const p = ctx.params;
  const attendees = ctx.scratch.list;
  attendees.clear();
  const host = community.mode === Mode.userGroup && community.supplier >= 0 ? state.suppliers[community.supplier] : undefined;
  // Time pressure keeps busy people away in proportion to what taking part costs them; national
  // activities (webinars, agendas shaped nationally, curated material) cut that cost while they run,
  // as they cut the cost of contact (003 Relative Costs). A supplier's own group is not among them.
  const busyDeterrence = 0.4 * (host ? 1 : monthFactors(state, ctx).contactCostFactor);
  // Read once: read in the loop, this parameter made the loop allocate a number per attendee (7 MiB a replication, measured).
  const attendance_hours = p.meetingAttendance_hours;
  const employer = state.employer;
  for (const person of community.members) {
    const org = state.orgs[employer[person]];
    let attend = community.mode === Mode.professionalNetwork ? p.professionalNetworkAttend_prob : 0.7;
    // Customers take part in a supplier's group when they are procuring or adopting its modules.
    if (host && !userGroupStake(host, org)) attend *= p.userGroupIdleAttend_share;
    if (rng() < attend * (1 - busyDeterrence * Math.min(1, org.timePressure))) {
      attendees.push(person);
      org.timeUsed_hours += attendance_hours;
    }
  }
  if (isVoluntary(community)) buildAttachment(state, p, community, attendees);
  if (host) userGroupAgenda(state, ctx, community, attendees);
  if (attendees.length < 2) return;
  const openness = community.mode === Mode.userGroup ? 0.3 + 0.7 * community.userAgenda : 1;
  const origin = community.origin as OriginT;
  const influence = community.influence as InfluenceT;
  // The professional network meets by region, with a national event once a year (001 Macroenvironmental).
  const regional = community.mode === Mode.professionalNetwork && (state.month - community.formed) % 12 !== 0;
  const rooms = ctx.scratch.rooms;
  for (let r = 0; r < rooms.length; r++) rooms[r].clear();
  for (let i = 0; i < attendees.length; i++) {
    const person = attendees.items[i];
    const room = regional ? state.orgs[employer[person]].region : 0;
    while (rooms.length <= room) rooms.push(new IntList());
    rooms[room].push(person);
  }
  for (let i = 0; i < attendees.length; i++) {
    const person = attendees.items[i];
    const who = state.people[person];
    const org = state.orgs[employer[person]];
    const room = rooms[regional ? org.region : 0];
    for (let k = 0; k < p.meetingContacts_count; k++) {
      const other = room.items[randInt(rng, room.length)];
      if (other === person) continue;
      const otherOrg = state.orgs[employer[other]];
      if (otherOrg === org) continue;
      const d = community.domain >= 0 ? community.domain : topicOf(state, rng, community, org.tacit.length);
      const rel = relevance(p, otherOrg, org, d);
      const settingRel = otherOrg.setting === org.setting ? 1 : p.crossSettingRelevance_share;
      // Rivals guard their tacit know-how and are slower to form ties, as in search (7.4, 7.6).
      const inhibition = p.competitionInhibition_logit * rivalry(otherOrg, org, p.procurementPressure_share);
      const guard = guardedShare(p, state.people[other], otherOrg, inhibition);
      transferKnowledge(ctx, otherOrg.codified[d], otherOrg.tacit[d], org, d, rel, settingRel, p.meetingTacit_rate * openness * guard, p.meetingCodified_rate * openness, Formality.periodic);
      // Draw first: willingness is only computed for the few contacts that could become ties.
      const draw = rng();
      if (draw < p.meetingTie_prob && draw < p.meetingTie_prob * willingness(p, who, org, 0, inhibition) * willingness(p, state.people[other], otherOrg, 0, inhibition) && mayTie(state, ctx, person, other)) {
        formTie(state, ctx, {
          mode: Mode.directContact,
          formality: Formality.informal,
          origin,
          influence,
          direction: Direction.multi,
          orgA: otherOrg.id,
          orgB: org.id,
          personA: other,
          personB: person,
          domain: d,
          endsAt: Infinity,
          trust: p.initialTrust_index + 0.1,
        });
      }
    }
  }
}


