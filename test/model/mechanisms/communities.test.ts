import { describe, expect, it } from 'vitest';
import { capability, setKnowledge } from '../../../src/agents/organization.js';
import type { Community } from '../../../src/agents/relationship.js';
import { EndReason, Formality, Influence, Mode, N_DOMAINS, Origin, Stage, Status } from '../../../src/model/enums.js';
import { attachmentOf, communityPhase, membershipValue, TRANSFORM_AFTER_FUNDING_MONTHS } from '../../../src/model/mechanisms/communities.js';
import { relevance } from '../../../src/model/mechanisms/knowledge.js';
import { endCommunity, formCommunity, noteLostEmployer, type CommunitySpec } from '../../../src/model/relationships.js';
import { setEmployer } from '../../../src/model/employers.js';
import type { State, StepContext } from '../../../src/model/state.js';
import { alike, constant, informalTie, withRng, world } from './fixtures.js';

function networkSpec(overrides: Partial<CommunitySpec> = {}): CommunitySpec {
  return {
    name: 'test network',
    mode: Mode.learningNetwork,
    formality: Formality.periodic,
    origin: Origin.policy,
    influence: Influence.enable,
    domain: -1,
    professionRoles: [],
    supplier: -1,
    launchedByProgramme: false,
    professionLed: false,
    fundedUntil: -1,
    endsAt: Infinity,
    meetingInterval: 2,
    userAgenda: 1,
    ...overrides,
  };
}

/** A community of the first staff member of organizations 0..size-1. */
function network(state: State, ctx: StepContext, size: number, overrides: Partial<CommunitySpec> = {}): Community {
  const members = state.orgs.slice(0, size).map((o) => o.staff[0]);
  return formCommunity(state, ctx, networkSpec(overrides), members);
}

function noInfo(): [Float64Array, Int32Array] {
  return [new Float64Array(N_DOMAINS), new Int32Array(N_DOMAINS).fill(-1)];
}

/** A community's attachment array (by person id) with `value` for each of `ids`. */
function attachmentOfIds(people: number, ids: readonly number[], value: number): Float64Array {
  const a = new Float64Array(people);
  for (const id of ids) a[id] = value;
  return a;
}

describe('membershipValue', () => {
  function setup() {
    const w = world();
    const community = network(w.state, w.ctx, 10);
    const person = community.members[0];
    const org = w.state.orgs[w.state.people[person].org];
    org.timePressure = 0.2;
    return { ...w, community, person, org };
  }

  it('without information, identity or bonds is minus the time cost', () => {
    const { state, params: p, community, person } = setup();
    const [bt, bo] = noInfo();
    expect(membershipValue(state, p, community, person, bt, bo)).toBeCloseTo(-p.networkTimeCost_index * 1.2, 12);
  });

  it('is higher for a member whose role is in professionRoles, by identity * (intrinsic + extrinsic) / 2', () => {
    const { state, params: p, community, person } = setup();
    const [bt, bo] = noInfo();
    const who = state.people[person];
    const plain = membershipValue(state, p, community, person, bt, bo);
    const own = membershipValue(state, p, { ...community, professionRoles: [who.role] }, person, bt, bo);
    const other = membershipValue(state, p, { ...community, professionRoles: [(who.role + 1) % 11] }, person, bt, bo);
    expect(own - plain).toBeCloseTo((p.networkIdentityBenefit_index * (who.intrinsic + who.extrinsic)) / 2, 12);
    expect(other).toBeCloseTo(plain, 12);
  });

  it('adds the shared identity the member has built: benefit * attachment * (0.5 + extrinsic), in any community', () => {
    const { state, params: p, community, person } = setup();
    const [bt, bo] = noInfo();
    const plain = membershipValue(state, p, community, person, bt, bo);
    community.attachment = attachmentOfIds(state.people.length, [person], 0.6);
    const built = membershipValue(state, p, community, person, bt, bo);
    expect(built - plain).toBeCloseTo(p.communityIdentityBenefit_index * 0.6 * (0.5 + state.people[person].extrinsic), 12);
    expect(membershipValue(state, p, community, community.members[1], bt, bo)).toBeLessThan(0);
  });

  it('is lower once funding ends: funded coordination carries fundedCoordination_share of the time cost', () => {
    const { state, params: p, community, person } = setup();
    const [bt, bo] = noInfo();
    state.month = 10;
    const funded = membershipValue(state, p, { ...community, fundedUntil: 20 }, person, bt, bo);
    const ended = membershipValue(state, p, { ...community, fundedUntil: 10 }, person, bt, bo);
    expect(funded).toBeGreaterThan(ended);
    expect(funded - ended).toBeCloseTo(p.networkTimeCost_index * 1.2 * p.fundedCoordination_share, 12);
  });

  it('adds programme identity while a programme network is funded, for participants only', () => {
    const { state, params: p, community, person, org } = setup();
    const [bt, bo] = noInfo();
    const who = state.people[person];
    const c = { ...community, fundedUntil: 20, launchedByProgramme: true };
    org.status = Status.outside;
    const outside = membershipValue(state, p, c, person, bt, bo);
    org.status = Status.follower;
    const inside = membershipValue(state, p, c, person, bt, bo);
    expect(inside - outside).toBeCloseTo(p.programmeIdentityBenefit_index * who.intrinsic, 12);
  });

  it('values information: the best member organization\'s relevant tacit lead times own need', () => {
    const { state, params: p, community, person, org } = setup();
    const best = state.orgs[5];
    alike(org, best);
    const a = p.codifiedWeight_exponent;
    setKnowledge(org, 2, 0.3, 0.3, a);
    org.stage[2] = Stage.adoption;
    const [bt, bo] = noInfo();
    const base = membershipValue(state, p, community, person, bt, bo);
    bt[2] = 0.9;
    bo[2] = best.id;
    const info = (0.9 - 0.3) * relevance(p, best, org, 2) * (1 - capability(org, 2));
    expect(membershipValue(state, p, community, person, bt, bo) - base).toBeCloseTo(p.networkInfoBenefit_index * info, 12);
    org.stage[2] = Stage.none;
    expect(membershipValue(state, p, community, person, bt, bo)).toBeCloseTo(base, 12);
  });

  it('values bonds: the share of other members the person is tied to', () => {
    const { state, ctx, params: p, community, person, org } = setup();
    const [bt, bo] = noInfo();
    const base = membershipValue(state, p, community, person, bt, bo);
    informalTie(state, ctx, org, state.orgs[1], { personA: person, personB: community.members[1] });
    informalTie(state, ctx, org, state.orgs[2], { personA: person, personB: community.members[2] });
    informalTie(state, ctx, org, state.orgs[30], { personA: person, personB: state.orgs[30].staff[0] }); // not a member
    const who = state.people[person];
    const bond = p.networkBondBenefit_index * (2 / 9) * (0.5 + who.extrinsic);
    expect(membershipValue(state, p, community, person, bt, bo) - base).toBeCloseTo(bond, 12);
  });
});

describe('communityPhase', () => {
  it('ends a community below networkMinMembers_count with below_minimum_membership', () => {
    const { state, ctx, params: p } = world();
    const small = network(state, ctx, p.networkMinMembers_count - 1);
    const big = network(state, ctx, p.networkMinMembers_count);
    const members = [...small.members];
    communityPhase(state, ctx);
    expect(small.ended).toBe(state.month);
    expect(small.endReason).toBe(EndReason.belowMinimum);
    expect(ctx.events.toArray().some((e) => e.kind === 'ended' && e.what === 'below_minimum_membership' && e.relationship === `c${small.id}`)).toBe(true);
    for (const person of members) expect(state.people[person].memberships).not.toContain(small.id);
    expect(big.ended).toBe(-1);
  });

  it('never ends the professional network for want of members', () => {
    const { state, ctx } = world();
    const pn = state.communities[state.professionalNetwork];
    pn.members.splice(2);
    pn.negativeReviews.splice(2);
    communityPhase(state, ctx);
    expect(pn.ended).toBe(-1);
  });

  it('ends a community at its term with term_over', () => {
    const { state, ctx } = world();
    const c = network(state, ctx, 12, { endsAt: 3 });
    state.month = 2;
    communityPhase(state, ctx);
    expect(c.ended).toBe(-1);
    state.month = 3;
    communityPhase(state, ctx);
    expect(c.endReason).toBe(EndReason.termOver);
  });

  it('drops members who left to become consultants', () => {
    const { state, ctx } = world();
    const c = network(state, ctx, 12);
    const leaver = c.members[3];
    // As mobility does it: the employer goes, and the person's communities are told.
    setEmployer(state, leaver, -1);
    noteLostEmployer(state, leaver);
    expect(c.memberLostEmployer).toBe(true);
    state.month = 1;
    communityPhase(state, ctx);
    expect(c.members).not.toContain(leaver);
    expect(c.members).toHaveLength(11);
    expect(c.negativeReviews).toHaveLength(11);
    expect(c.memberLostEmployer).toBe(false);
  });

  it('reads no member list for lost employers unless told of one (a member whose org is below 0 unannounced stays)', () => {
    const { state, ctx } = world();
    const c = network(state, ctx, 12);
    const member = c.members[3];
    setEmployer(state, member, -1);
    state.month = 1;
    communityPhase(state, ctx);
    expect(c.members).toContain(member);
  });

  it(`a programme learning network alive ${TRANSFORM_AFTER_FUNDING_MONTHS} months after funding becomes a community of practice of the providers`, () => {
    const { state, ctx } = world({ membershipReview_months: 60 });
    state.month = 1;
    const c = network(state, ctx, 12, { launchedByProgramme: true, fundedUntil: 30 });
    state.month = 30 + TRANSFORM_AFTER_FUNDING_MONTHS - 1;
    communityPhase(state, ctx);
    expect(c.mode).toBe(Mode.learningNetwork);
    expect(c.transformed).toBe(-1);
    state.month = 30 + TRANSFORM_AFTER_FUNDING_MONTHS;
    communityPhase(state, ctx);
    expect(c.ended).toBe(-1);
    expect(c.mode).toBe(Mode.communityOfPractice);
    expect(c.origin).toBe(Origin.provider);
    expect(c.influence).toBe(Influence.enable);
    expect(c.transformed).toBe(state.month);
    state.month += 1;
    communityPhase(state, ctx);
    expect(ctx.events.toArray().filter((e) => e.what === 'network_became_community_of_practice')).toHaveLength(1);
    expect(c.transformed).toBe(30 + TRANSFORM_AFTER_FUNDING_MONTHS);
  });

  it('a network that was never funded does not transform', () => {
    const { state, ctx } = world({ membershipReview_months: 60 });
    state.month = 1;
    const c = network(state, ctx, 12);
    state.month = 101;
    communityPhase(state, ctx);
    expect(c.mode).toBe(Mode.learningNetwork);
  });

  it('members leave at a review when membership is not worth it, and the network then ends', () => {
    const { state, ctx, params: p } = world({ networkTimeCost_index: 10, membershipReview_months: 3 });
    const c = network(state, ctx, 12);
    state.month = 1;
    communityPhase(state, ctx);
    expect(c.members).toHaveLength(12);
    state.month = 3;
    communityPhase(state, ctx);
    expect(c.members).toHaveLength(0);
    expect(c.endReason).toBe(EndReason.belowMinimum);
    expect(p.networkLeaveAfter_reviews).toBe(1);
  });

  it('members stay through fewer negative reviews than networkLeaveAfter_reviews', () => {
    const { state, ctx } = world({ networkTimeCost_index: 10, membershipReview_months: 3, networkLeaveAfter_reviews: 2 });
    const c = network(state, ctx, 12);
    state.month = 3;
    communityPhase(state, ctx);
    expect(c.members).toHaveLength(12);
    expect(c.negativeReviews.every((n) => n === 1)).toBe(true);
    state.month = 6;
    communityPhase(state, ctx);
    expect(c.members).toHaveLength(0);
  });

  it('members with positive value stay through reviews', () => {
    const { state, ctx } = world({ networkTimeCost_index: 0, membershipReview_months: 3 });
    const c = network(state, ctx, 12);
    state.month = 3;
    communityPhase(state, ctx);
    expect(c.members.length).toBeGreaterThanOrEqual(12);
    expect(c.ended).toBe(-1);
  });

  it('a meeting costs attendees time, moves knowledge at periodic formality, and its ties take the community\'s origin', () => {
    const { state, ctx, params: p } = world({ meetingTie_prob: 1, willingnessIntercept_logit: 10 });
    for (const c of state.communities) endCommunity(state, ctx, c, EndReason.termOver);
    const group = network(state, ctx, 12, { mode: Mode.userGroup, origin: Origin.supplier, influence: Influence.control, meetingInterval: 3, userAgenda: 0.2 });
    // The first member's organization is ahead in every domain, so everyone learns from it.
    const host = state.orgs[state.people[group.members[0]].org];
    for (let d = 0; d < N_DOMAINS; d++) setKnowledge(host, d, 0.95, 0.95, p.codifiedWeight_exponent);
    ctx.events.clear();
    communityPhase(state, withRng(ctx, { communities: constant(0) }));
    for (const o of state.orgs.slice(0, 12)) expect(o.timeUsed_hours).toBe(p.meetingAttendance_hours);
    expect(ctx.flows[Formality.periodic * 2]).toBeGreaterThan(0);
    expect(ctx.flows[Formality.periodic * 2 + 1]).toBeGreaterThan(0);
    const ties = state.ties.filter((t) => t.mode === Mode.directContact);
    expect(ties.length).toBeGreaterThan(0);
    for (const t of ties) {
      expect(t.origin).toBe(Origin.supplier);
      expect(t.influence).toBe(Influence.control);
      expect(t.formality).toBe(Formality.informal);
    }
  });

  it('attending a meeting builds shared identity (gain towards 1); missing one erodes it (decay)', () => {
    const { state, ctx, params: p } = world({ membershipReview_months: 60 });
    for (const c of state.communities) endCommunity(state, ctx, c, EndReason.termOver);
    const c = network(state, ctx, 12, { meetingInterval: 2 });
    const person = c.members[0];
    communityPhase(state, withRng(ctx, { communities: constant(0) }));
    const g = p.communityIdentityGain_perMeeting;
    expect(attachmentOf(c, person)).toBeCloseTo(g, 12);
    state.month = 2;
    communityPhase(state, withRng(ctx, { communities: constant(0) }));
    const twice = g * (1 - p.communityIdentityDecay_perMeeting) + g * (1 - g * (1 - p.communityIdentityDecay_perMeeting));
    expect(attachmentOf(c, person)).toBeCloseTo(twice, 12);
    state.month = 4;
    communityPhase(state, withRng(ctx, { communities: constant(0.999) }));
    expect(attachmentOf(c, person)).toBeCloseTo(twice * (1 - p.communityIdentityDecay_perMeeting), 12);
  });

  it('members decide for themselves: those who built an identity stay when the cost rises, the others leave', () => {
    const { state, ctx, params: p } = world({ membershipReview_months: 3, communityIdentityBenefit_index: 2, communityRecruit_prob: 0 });
    for (const c of state.communities) endCommunity(state, ctx, c, EndReason.termOver);
    const c = network(state, ctx, 20, { meetingInterval: 60 });
    for (const o of state.orgs) o.timePressure = 0;
    const committed = c.members.slice(0, 10);
    c.attachment = attachmentOfIds(state.people.length, committed, 1);
    state.month = 3;
    communityPhase(state, ctx);
    // The committed all stay; of the others only those whose information or bonds cover the cost.
    for (const m of committed) expect(c.members).toContain(m);
    const others = c.members.filter((m) => !committed.includes(m));
    expect(others.length).toBeLessThan(10);
    expect(p.networkTimeCost_index).toBeLessThan(2 * 0.5);
    expect(c.ended).toBe(-1);
  });

  it('a host organization\'s coordination carries hostCoordination_share of the cost once funding ends', () => {
    const { state, ctx, params: p } = world();
    const c = network(state, ctx, 10, { launchedByProgramme: true, fundedUntil: 10 });
    const person = c.members[0];
    state.orgs[state.people[person].org].timePressure = 0.2;
    const [bt, bo] = noInfo();
    state.month = 12;
    const alone = membershipValue(state, p, c, person, bt, bo);
    const hostedAfter = membershipValue(state, p, c, person, bt, bo, undefined, true);
    expect(hostedAfter - alone).toBeCloseTo(p.networkTimeCost_index * 1.2 * p.hostCoordination_share, 12);
    c.host = 3;
    expect(membershipValue(state, p, c, person, bt, bo) - alone).toBeCloseTo(p.networkTimeCost_index * 1.2 * p.hostCoordination_share, 12);
    // While funded, the value as if hosted is the value after funding: no programme identity, the host's share.
    state.month = 5;
    c.host = -1;
    expect(membershipValue(state, p, c, person, bt, bo, undefined, true)).toBeCloseTo(hostedAfter, 12);
    expect(membershipValue(state, p, c, person, bt, bo)).toBeGreaterThan(hostedAfter);
  });

  it('a programme network may be taken over from networkHostLead_months before funding ends, with a chance of prob x the share who would stay', () => {
    const review = (month: number, draw: number, overrides: Record<string, number> = {}) => {
      const { state, ctx, params: p } = world({ membershipReview_months: 3, communityRecruit_prob: 0, networkTimeCost_index: 0.01, ...overrides });
      for (const c of state.communities) endCommunity(state, ctx, c, EndReason.termOver);
      const c = network(state, ctx, 12, { launchedByProgramme: true, fundedUntil: 30, meetingInterval: 60 });
      for (const o of state.orgs) o.timePressure = 0;
      // At this tiny cost every member would stay with a host (share 1); attachment makes the first six the likeliest host.
      c.attachment = attachmentOfIds(state.people.length, c.members.slice(0, 6), 1);
      state.month = month;
      communityPhase(state, withRng(ctx, { communities: constant(draw) }));
      return { c, p, state, ctx };
    };
    const { p } = review(3, 0);
    // Before the lead window: never.
    expect(review(30 - p.networkHostLead_months - 3, 0).c.host).toBe(-1);
    // In it: taken over when the draw is below prob x share staying.
    const inside = 30 - p.networkHostLead_months + 3;
    const taken = review(inside, 0);
    expect(taken.c.host).toBeGreaterThanOrEqual(0);
    expect(taken.ctx.events.toArray().some((e) => e.what === 'network_host_took_over' && e.orgA === taken.c.host)).toBe(true);
    const share = (draw: number) => review(inside, draw).c.host >= 0;
    const staying = 1; // every member's value is positive at this tiny cost
    expect(share(p.networkHostTakeover_probPerReview * staying * 0.99)).toBe(true);
    expect(share(p.networkHostTakeover_probPerReview * staying * 1.01)).toBe(false);
    // No chance at all when nobody would stay.
    expect(review(inside, 0, { networkTimeCost_index: 10 }).c.host).toBe(-1);
    expect(review(inside, 0, { networkHostTakeover_probPerReview: 0 }).c.host).toBe(-1);
  });

  it('the host spends hostCoordination_hoursPerMonth after funding and withdraws when its organization has no member left', () => {
    const { state, ctx, params: p } = world({ membershipReview_months: 3, communityRecruit_prob: 0 });
    for (const c of state.communities) endCommunity(state, ctx, c, EndReason.termOver);
    const c = network(state, ctx, 12, { launchedByProgramme: true, fundedUntil: 2, meetingInterval: 60 });
    const hostOrg = state.orgs[state.people[c.members[0]].org];
    c.host = hostOrg.id;
    state.month = 4;
    hostOrg.timeUsed_hours = 0;
    communityPhase(state, ctx);
    expect(hostOrg.timeUsed_hours).toBeGreaterThanOrEqual(p.hostCoordination_hoursPerMonth);
    c.members.splice(0, 1);
    c.negativeReviews.splice(0, 1);
    state.month = 6;
    communityPhase(state, ctx);
    expect(c.host).toBe(-1);
    expect(ctx.events.toArray().some((e) => e.what === 'network_host_withdrew' && e.orgA === hostOrg.id)).toBe(true);
  });

  it('a community does not meet between its meeting months', () => {
    const { state, ctx, params: p } = world({ membershipReview_months: 60 });
    for (const c of state.communities) endCommunity(state, ctx, c, EndReason.termOver);
    network(state, ctx, 12, { meetingInterval: 3 });
    state.month = 1;
    communityPhase(state, withRng(ctx, { communities: constant(0) }));
    expect(state.orgs.slice(0, 12).every((o) => o.timeUsed_hours === 0)).toBe(true);
    state.month = 3;
    communityPhase(state, withRng(ctx, { communities: constant(0) }));
    expect(state.orgs.slice(0, 12).every((o) => o.timeUsed_hours === p.meetingAttendance_hours)).toBe(true);
  });
});
