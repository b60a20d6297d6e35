import { capability, need, type Organization } from '../../agents/organization.js';
import { Direction, Formality, Influence, Mode, Origin, Status, type Influence as InfluenceT, type Origin as OriginT } from '../enums.js';
import type { Params } from '../parameters.js';
import { mayTie, formTie, oneOff } from '../relationships.js';
import { randInt, type Rng } from '../rng.js';
import type { State, StepContext } from '../state.js';
import { relevance, transferBetween } from './knowledge.js';
import { contactCost } from './proximity.js';
import { labelDiscount } from './labels.js';
import { noteOverlay, pairingBetween } from './pairings.js';
import { monthFactors } from '../programme/funding.js';
import { rivalry, willingness } from './willingness.js';

/** How a candidate contact was found; it gives the new tie its origin and influence. */
interface Channel {
  readonly origin: OriginT;
  readonly influence: InfluenceT;
  /** Written in the formation event's detail, e.g. 'via_blueprint'. */
  readonly label: string;
}
const VIA_PERSONAL_TIES: Channel = Object.freeze({ origin: Origin.individual, influence: Influence.enable, label: 'via_personal_ties' });
const VIA_RANDOM: Channel = Object.freeze({ origin: Origin.individual, influence: Influence.trigger, label: 'via_chance' });
export const VIA_DIRECTORY: Channel = Object.freeze({ origin: Origin.policy, influence: Influence.trigger, label: 'via_blueprint' });
const VIA_PAIRING: Channel = Object.freeze({ origin: Origin.policy, influence: Influence.trigger, label: 'via_pairing' });
/** Through a community: origin and influence are the community's (filled in per candidate). */
const VIA_COMMUNITY: Channel = Object.freeze({ origin: Origin.individual, influence: Influence.enable, label: 'via_community' });
const VIA_GROUPING: Channel = Object.freeze({ origin: Origin.provider, influence: Influence.enable, label: 'via_grouping' });

interface Candidate {
  person: number;
  origin: OriginT;
  influence: InfluenceT;
  label: string;
  utility: number;
}

/** Candidates of one search, in reused records (a search runs thousands of times a run). */
class Candidates {
  readonly items: Candidate[] = [];
  length = 0;
  add(person: number, origin: OriginT, influence: InfluenceT, label: string, utility: number): void {
    if (this.length === this.items.length) this.items.push({ person, origin, influence, label, utility });
    else {
      const c = this.items[this.length];
      c.person = person;
      c.origin = origin;
      c.influence = influence;
      c.label = label;
      c.utility = utility;
    }
    this.length += 1;
  }
}

/**
 * Informal search (phase 9). Each person may look outside for know-how: reactive organizations
 * only when a project needs it, proactive ones also to scan (001 Organizational Level). Candidates
 * come through the person's channels (personal ties, communities, blueprint directory, pairing,
 * local grouping, chance); one is chosen by logit over expected benefit minus contact cost, with
 * an outside option (mechanisms.md: SAOM-style choice), and must accept.
 */
export function searchPhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.search;
  const a = p.codifiedWeight_exponent;
  const needs = new Float64Array(state.orgs[0]?.tacit.length ?? 0);
  const candidates = new Candidates();
  const costFactor = monthFactors(state, ctx).contactCostFactor;
  for (const org of state.orgs) {
    let maxNeed = 0;
    for (let d = 0; d < needs.length; d++) {
      needs[d] = need(org, d);
      if (needs[d] > maxNeed) maxNeed = needs[d];
    }
    if (!org.proactiveSearch && maxNeed < p.reactiveNeedThreshold_index) continue;
    const drive = org.proactiveSearch ? Math.max(maxNeed, 0.5) * (1 + p.proactiveSearchBoost_ratio) : maxNeed;
    for (const personId of org.staff) {
      // Draw first: willingness (at most 1) is only computed when a search is possible at all.
      const draw = rng();
      const ceiling = p.search_probPerMonth * drive;
      if (draw >= ceiling || draw >= ceiling * willingness(p, state.people[personId], org)) continue;
      const domain = chooseDomain(rng, needs, org.proactiveSearch, maxNeed);
      if (domain < 0) continue;
      candidates.length = 0;
      gatherCandidates(state, ctx, rng, personId, org, domain, candidates, costFactor);
      const chosen = chooseCandidate(rng, p, candidates);
      if (chosen) contact(state, ctx, rng, personId, chosen, domain);
    }
  }
}

function chooseDomain(rng: Rng, needs: Float64Array, proactive: boolean, maxNeed: number): number {
  if (maxNeed <= 0) return proactive ? randInt(rng, needs.length) : -1;
  if (!proactive) return needs.indexOf(maxNeed);
  let total = 0;
  for (let d = 0; d < needs.length; d++) total += needs[d] + 0.05;
  let r = rng() * total;
  for (let d = 0; d < needs.length; d++) {
    r -= needs[d] + 0.05;
    if (r < 0) return d;
  }
  return needs.length - 1;
}

function gatherCandidates(state: State, ctx: StepContext, rng: Rng, personId: number, org: Organization, domain: number, out: Candidates, costFactor: number): void {
  const p = ctx.params;
  const person = state.people[personId];
  const directory = org.directory[domain];
  const groupingPeers = state.orgs.length;
  for (let k = 0; k < p.candidatesPerSearch_count; k++) {
    let target = -1;
    let channel: Channel = VIA_RANDOM;
    let communityOrigin = -1;
    let communityInfluence = -1;
    const r = rng();
    if (r < p.discoveryRandom_share) {
      target = randInt(rng, state.people.length);
    } else {
      // Pick one of the person's channels with equal weight among those available.
      const options = 1 + (person.ties.length > 0 ? 1 : 0) + (person.memberships.length > 0 ? 1 : 0) + (directory.length > 0 ? 1 : 0) + (org.partners.length > 0 ? 1 : 0);
      let pickIndex = randInt(rng, options);
      if (person.ties.length > 0 && pickIndex-- === 0) {
        const tie = state.ties[person.ties[randInt(rng, person.ties.length)]];
        const friend = tie.personA === personId ? tie.personB : tie.personA;
        const friendTies = state.people[friend].ties;
        if (friendTies.length > 0) {
          const t2 = state.ties[friendTies[randInt(rng, friendTies.length)]];
          target = t2.personA === friend ? t2.personB : t2.personA;
        }
        channel = VIA_PERSONAL_TIES;
      } else if (person.memberships.length > 0 && pickIndex-- === 0) {
        const community = state.communities[person.memberships[randInt(rng, person.memberships.length)]];
        target = community.members[randInt(rng, community.members.length)];
        channel = VIA_COMMUNITY;
        communityOrigin = community.origin;
        communityInfluence = community.influence;
      } else if (directory.length > 0 && pickIndex-- === 0) {
        const author = state.orgs[directory[randInt(rng, directory.length)]];
        target = author.staff[randInt(rng, author.staff.length)];
        channel = VIA_DIRECTORY;
      } else if (org.partners.length > 0 && pickIndex-- === 0) {
        const partner = state.orgs[org.partners[randInt(rng, org.partners.length)]];
        target = partner.staff[randInt(rng, partner.staff.length)];
        channel = VIA_PAIRING;
      } else {
        target = localPeer(state, rng, org, groupingPeers);
        channel = VIA_GROUPING;
      }
    }
    if (target < 0 || target === personId) continue;
    const other = state.people[target];
    if (other.org < 0 || other.org === org.id) continue;
    if (!mayTie(state, ctx, personId, target)) continue;
    const u = utility(state, p, org, state.orgs[other.org], domain, person.intrinsic, costFactor);
    if (channel === VIA_COMMUNITY) out.add(target, communityOrigin as OriginT, communityInfluence as InfluenceT, channel.label, u);
    else out.add(target, channel.origin, channel.influence, channel.label, u);
  }
}

/** A person in another organization of the same local strategic grouping (monthly local meetings, 001 Site_G). */
function localPeer(state: State, rng: Rng, org: Organization, tries: number): number {
  for (let i = 0; i < Math.min(tries, 30); i++) {
    const o = state.orgs[randInt(rng, state.orgs.length)];
    if (o.grouping === org.grouping && o.id !== org.id && o.staff.length > 0) return o.staff[randInt(rng, o.staff.length)];
  }
  return -1;
}

/**
 * Expected benefit minus cost of contacting someone at `other` about `domain`: the relevant
 * capability gap times absorptive capacity, plus insight from another perspective (intrinsic
 * motivation, 001 Individual Level), minus the proximity-dependent contact cost. A follower
 * discounts what its exemplar could offer by how it compares itself with it (labels.ts, 001).
 */
export function utility(state: State, p: Params, own: Organization, other: Organization, domain: number, intrinsic: number, contactCostFactor?: number): number {
  const a = p.codifiedWeight_exponent;
  const gap = capability(other, domain) - capability(own, domain);
  let benefit = p.benefitWeight_index * own.absorptive * relevance(p, other, own, domain) * (gap > 0 ? gap : 0) + 0.2 * intrinsic;
  if (own.status === Status.follower && own.partners.includes(other.id)) {
    const pairing = pairingBetween(state, other.id, own.id);
    if (pairing >= 0) benefit *= 1 - labelDiscount(state, p, pairing);
  }
  return benefit - contactCost(state, p, own, other, contactCostFactor);
}

function chooseCandidate(rng: Rng, p: Params, candidates: Candidates): Candidate | undefined {
  const n = candidates.length;
  if (n === 0) return undefined;
  const items = candidates.items;
  let total = 1; // the outside option, utility 0
  for (let i = 0; i < n; i++) total += Math.exp(items[i].utility / p.choiceTemperature_utility);
  let r = rng() * total - 1;
  if (r < 0) return undefined;
  for (let i = 0; i < n; i++) {
    r -= Math.exp(items[i].utility / p.choiceTemperature_utility);
    if (r < 0) return items[i];
  }
  return items[n - 1];
}

function contact(state: State, ctx: StepContext, rng: Rng, seeker: number, chosen: Candidate, domain: number): void {
  sendRequest(state, ctx, rng, seeker, chosen.person, chosen.origin, chosen.influence, chosen.label, domain);
}

/**
 * A request: a person at the seeker's organization contacts `donorPerson` about `domain`. Every
 * contact sent counts as a request received by the donor's organization (`requestsThisMonth`;
 * 003 Relative Costs: sought-after sites "had many requests"), answered or not. Then:
 * - an organization with a request-handling routine routes it, with probability
 *   `routineRouting_share`, through an office that answers every routed request with documents
 *   in `routineRequest_hours` and lets no personal tie form (001 Organizational Level, Site_C on
 *   Site_B: "they had to go through a specific office ... they replied very quickly");
 * - otherwise the contacted person decides, by willingness less status rivalry with the seeker's
 *   organization in the same logit (003 Reputational Benefits), and if willing spends
 *   `requestHandling_hours` and a personal tie forms. A declined request costs no time.
 * Also used by blueprint reads that trigger a contact with an author (programme/blueprints.ts).
 */
export function sendRequest(state: State, ctx: StepContext, rng: Rng, seeker: number, donorPerson: number, origin: OriginT, influence: InfluenceT, label: string, domain: number): void {
  const p = ctx.params;
  const seekerOrg = state.orgs[state.people[seeker].org];
  const donor = state.people[donorPerson];
  const donorOrg = state.orgs[donor.org];
  donorOrg.requestsThisMonth += 1;
  if (donorOrg.hasRoutine && rng() < p.routineRouting_share) {
    donorOrg.timeUsed_hours += p.routineRequest_hours;
    oneOff(state, ctx, {
      mode: Mode.directContact,
      formality: Formality.informal,
      origin: Origin.provider,
      influence: Influence.control,
      direction: Direction.oneWay,
      orgA: donorOrg.id,
      orgB: seekerOrg.id,
      personA: -1,
      personB: -1,
      domain,
      endsAt: state.month,
      trust: 0,
    }, ROUTED);
    transferBetween(ctx, p, donorOrg, seekerOrg, domain, 0, p.codifiedTransfer_rate * 2, Formality.informal);
    return;
  }
  const inhibition = p.competitionInhibition_logit * rivalry(seekerOrg, donorOrg, p.procurementPressure_share);
  if (rng() >= willingness(p, donor, donorOrg, 0, inhibition)) return;
  donorOrg.timeUsed_hours += p.requestHandling_hours;
  seekerOrg.timeUsed_hours += p.tieUpkeep_hours;
  donorOrg.informalExchanges += 1;
  seekerOrg.informalExchanges += 1;
  const pairing = pairingBetween(state, seekerOrg.id, donorOrg.id);
  const tie = formTie(state, ctx, {
    mode: Mode.directContact,
    formality: Formality.informal,
    origin,
    influence,
    direction: Direction.multi,
    orgA: donorOrg.id,
    orgB: seekerOrg.id,
    personA: donorPerson,
    personB: seeker,
    domain,
    endsAt: Infinity,
    trust: p.initialTrust_index,
    overlayOf: pairing,
  }, label);
  if (pairing >= 0) noteOverlay(state, ctx, pairing);
  const moved = transferBetween(ctx, p, donorOrg, seekerOrg, domain, p.tacitTransfer_rate, p.codifiedTransfer_rate, Formality.informal);
  tie.tacitFlow += moved.tacit;
  tie.tacitToB += moved.tacit;
  tie.codifiedFlow += moved.codified;
  if (moved.tacit + moved.codified > 0) tie.givenA += 1;
}

/** Event detail of a request answered by a routine's office (no personal tie). */
export const ROUTED = 'routed_through_office';
