import { maturity, type Organization } from '../../agents/organization.js';
import type { Tie } from '../../agents/relationship.js';
import { CareSetting, Direction, Domain, Formality, Influence, Mode, Origin, PairingRule, SelectionRule, Status } from '../enums.js';
import type { Params } from '../parameters.js';
import { formTie, logEvent } from '../relationships.js';
import { normal, pick, type Rng, shuffle } from '../rng.js';
import type { State, StepContext } from '../state.js';
import { contactCost } from '../mechanisms/proximity.js';

/** Grants by status and setting: mental health and ambulance sites received less (assumption). */
function grant(p: Params, org: Organization, status: Status): number {
  const base = status === Status.exemplar ? p.exemplarGrant_gbp : p.followerGrant_gbp;
  return org.setting === CareSetting.acute || org.setting === CareSetting.specialist ? base : base * p.mentalHealthGrant_ratio;
}

/**
 * Selection at programme start: the most digitally mature organizations of each setting become
 * exemplars (001 Research Setting: "digitally advanced sites"), with some noise in how maturity is
 * judged. Followers come from the next, "somewhat less mature" tier (001 Research Setting), in two
 * ways (003 Setting: "most organizations appeared to choose their own partners. Other pairings
 * were established by external stakeholders"): `ownChoicePairing_share` of the places go to the
 * candidates that have most to gain from an exemplar they could choose (their inclusive value,
 * 7.16), the rest to candidates drawn on policy criteria alone. Own-choice entrants are listed
 * first within their setting in `programme.followers`, which is how `formPairings` knows them.
 */
export function selectParticipants(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.programme;
  const plan: [CareSetting, number, number][] = [
    [CareSetting.acute, p.exemplarsAcute_count, p.followersAcute_count],
    [CareSetting.mentalHealth, p.exemplarsMentalHealth_count, p.followersMentalHealth_count],
    [CareSetting.ambulance, p.exemplarsAmbulance_count, 0],
  ];
  for (const [setting, nExemplars, nFollowers] of plan) {
    let exemplars: Organization[];
    let tier: Organization[];
    if (p.selectionRule_code === SelectionRule.random) {
      // Selection without regard to maturity: an experiment on what selecting the advanced buys.
      const drawn = shuffle(rng, state.orgs.filter((o) => o.setting === setting));
      exemplars = drawn.slice(0, nExemplars);
      tier = drawn.slice(nExemplars);
    } else {
      const ranked = state.orgs
        .filter((o) => o.setting === setting)
        .map((o) => ({ o, score: maturity(o) + normal(rng, 0, p.selectionNoise_index) }))
        .sort((x, y) => y.score - x.score || x.o.id - y.o.id)
        .map((x) => x.o);
      exemplars = ranked.slice(0, nExemplars);
      tier = ranked.slice(nExemplars, nExemplars + Math.max(nFollowers, Math.round(nFollowers * p.followerTier_ratio)));
    }
    for (const org of exemplars) enrol(state, ctx, p, org, Status.exemplar);
    if (nFollowers === 0 || exemplars.length === 0) continue;
    const nOwn = ownChoicePlaces(p, nFollowers);
    // Own choice: Gumbel-max on the inclusive value is a draw without replacement in which each
    // candidate takes the next place with odds proportional to exp(IV) (a logit entry decision).
    const byValue = tier
      .map((o) => ({ o, score: inclusiveValue(state, p, o, exemplars) + gumbel(rng) }))
      .sort((x, y) => y.score - x.score || x.o.id - y.o.id)
      .map((x) => x.o);
    const own = byValue.slice(0, nOwn);
    const policy = shuffle(rng, byValue.slice(nOwn)).slice(0, nFollowers - own.length);
    for (const org of own) enrol(state, ctx, p, org, Status.follower);
    for (const org of policy) enrol(state, ctx, p, org, Status.follower);
  }
}

/** Follower places filled by the candidates' own choice under the pairing rule in force. */
function ownChoicePlaces(p: Params, nFollowers: number): number {
  return p.pairingRule_code === PairingRule.random ? 0 : Math.round(nFollowers * p.ownChoicePairing_share);
}

/** A standard Gumbel draw: the noise of a logit choice (McFadden's random utility). */
function gumbel(rng: Rng): number {
  return -Math.log(-Math.log(rng() * (1 - 2e-12) + 1e-12));
}

/**
 * What a follower expects from an exemplar, in log units (7.16): the exemplar's lead in maturity,
 * the share of its know-how that applies on the follower's core system, against the cost of
 * working together, which is the model's contact cost (7.5: distance, grouping, supplier, setting,
 * size, prior ties). So the same proximity terms that concentrate informal ties (P3a-d) make a
 * follower choose a near, same-system partner (003 Discussion: a common core system, prior
 * relationships, proximity and regional alignment "reducing the costs of establishing and
 * maintaining interactions"). Times `pairingChoice_scale`, the sharpness of the choice.
 */
export function pairingUtility(state: State, p: Params, exemplar: Organization, follower: Organization): number {
  const lead = Math.max(MIN_LEAD, maturity(exemplar) - maturity(follower));
  const system = exemplar.suppliers[Domain.epr] === follower.suppliers[Domain.epr] ? 1 : Math.max(MIN_LEAD, p.crossSupplierRelevance_share);
  const cost = contactCost(state, p, exemplar, follower, 1) / Math.max(1e-9, p.contactCost_index);
  const coordinated = exemplar.grouping === follower.grouping ? p.pairingSameGrouping_logRatio : 0;
  return p.pairingChoice_scale * (Math.log(lead * system) + coordinated - Math.log(cost));
}

/** A floor on the lead and relevance, so the log stays finite for an exemplar no more mature. */
const MIN_LEAD = 0.01;

/** Expected best utility of a candidate's options (the logsum): the value of entering the programme. */
function inclusiveValue(state: State, p: Params, candidate: Organization, exemplars: readonly Organization[]): number {
  let max = -Infinity;
  const v = exemplars.map((e) => pairingUtility(state, p, e, candidate));
  for (const x of v) if (x > max) max = x;
  let sum = 0;
  for (const x of v) sum += Math.exp(x - max);
  return max + Math.log(sum);
}

function enrol(state: State, ctx: StepContext, p: Params, org: Organization, status: Status): void {
  org.status = status;
  org.fundedUntil = p.fundingEnd_month;
  org.grant_gbp = grant(p, org, status);
  (status === Status.exemplar ? state.programme.exemplars : state.programme.followers).push(org.id);
  logEvent(state, ctx, 'programme', status === Status.exemplar ? 'selected_exemplar' : 'selected_follower', org.id, -1, `grant_gbp=${org.grant_gbp}`);
}

/**
 * Pairing: each follower is matched to an exemplar of its own setting, at most two followers per
 * exemplar (003 Setting). Followers that entered by their own choice choose first, in random
 * order, each a logit choice on `pairingUtility` among the exemplars with a free place; the rest
 * are paired fast by external stakeholders on fewer criteria: setting, a free place and the core
 * system, not locality or prior relationships (001 Macroenvironmental: "compressed timeframes ...
 * lack of effective engagement").
 */
export function formPairings(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.programme;
  const load = new Map<number, number>();
  const own: Organization[] = [];
  const policy: Organization[] = [];
  for (const setting of [CareSetting.acute, CareSetting.mentalHealth, CareSetting.specialist, CareSetting.community, CareSetting.ambulance]) {
    const followers = state.programme.followers.map((id) => state.orgs[id]).filter((o) => o.setting === setting);
    const nOwn = ownChoicePlaces(p, followers.length);
    own.push(...followers.slice(0, nOwn));
    policy.push(...followers.slice(nOwn));
  }
  const pair = (follower: Organization, ownChoice: boolean) => {
    const options = state.programme.exemplars.map((id) => state.orgs[id]).filter((e) => e.setting === follower.setting && (load.get(e.id) ?? 0) < 2);
    if (options.length === 0) return;
    const { exemplar, how } = choosePartner(state, rng, p, follower, options, ownChoice);
    load.set(exemplar.id, (load.get(exemplar.id) ?? 0) + 1);
    const bias = 0.15 * follower.statusSeeking + normal(rng, 0, p.selfAssessmentNoise_index) - 0.05;
    formPairing(state, ctx, exemplar, follower, bias, how);
  };
  for (const follower of shuffle(rng, own)) pair(follower, true);
  for (const follower of shuffle(rng, policy)) pair(follower, false);
}

/**
 * Pairs an exemplar with a follower: the formal pairing relationship (policy mandate, one way,
 * until funding ends) and the programme's per-pairing records. `bias` is how far the follower's
 * self-assessment leans (7.16).
 */
export function formPairing(state: State, ctx: StepContext, exemplar: Organization, follower: Organization, bias: number, detail = ''): Tie {
  const p = ctx.params;
  const tie = formTie(state, ctx, {
    mode: Mode.pairing,
    formality: Formality.formal,
    origin: Origin.policy,
    influence: Influence.mandate,
    direction: Direction.oneWay,
    orgA: exemplar.id,
    orgB: follower.id,
    personA: -1,
    personB: -1,
    domain: -1,
    endsAt: p.fundingEnd_month,
    trust: p.initialTrust_index,
  }, detail);
  exemplar.partners.push(follower.id);
  follower.partners.push(exemplar.id);
  state.programme.pairings.push(tie.id);
  state.programme.pairingBias.push(bias);
  state.programme.pairingOverlaySince.push(-1);
  state.programme.pairingEngagedMonths.push(0);
  return tie;
}

/**
 * The pairing rule (`pairingRule_code`). Own choice: a follower that entered by its own choice
 * takes the exemplar with the highest `pairingUtility` plus Gumbel noise (a multinomial logit);
 * the others are paired on policy criteria: at random among the free exemplars of the setting on
 * the follower's core system (any free exemplar if none).
 * Same supplier or same grouping: the programme requires an exemplar sharing the follower's core
 * (EPR) supplier or grouping where one is free, and the follower chooses among them; with none
 * free it chooses among all. Random: policy criteria only.
 */
export function choosePartner(state: State, rng: Rng, p: Params, follower: Organization, options: Organization[], ownChoice = true): { exemplar: Organization; how: string } {
  const random = () => ({ exemplar: pick(rng, options), how: 'policy_criteria' });
  // Fast, on the programme's own criteria: setting, a free place and a core system the follower
  // can follow the exemplar on (the programme's premise of following and reusing blueprints,
  // 003 Setting), nothing local; at random among those.
  const policyCriteria = () => {
    const sameSystem = options.filter((e) => e.suppliers[Domain.epr] === follower.suppliers[Domain.epr]);
    const pool = sameSystem.length > 0 ? sameSystem : options;
    return { exemplar: pick(rng, pool), how: 'policy_criteria' };
  };
  switch (p.pairingRule_code) {
    case PairingRule.sameSupplier:
    case PairingRule.sameGrouping: {
      const bySupplier = p.pairingRule_code === PairingRule.sameSupplier;
      const matching = options.filter((e) => (bySupplier ? e.suppliers[Domain.epr] === follower.suppliers[Domain.epr] : e.grouping === follower.grouping));
      if (matching.length === 0) return { exemplar: logitChoice(state, rng, p, follower, options), how: 'own_choice' };
      return { exemplar: logitChoice(state, rng, p, follower, matching), how: bySupplier ? 'same_supplier' : 'same_grouping' };
    }
    case PairingRule.random:
      return random();
    default:
      return ownChoice ? { exemplar: logitChoice(state, rng, p, follower, options), how: 'own_choice' } : policyCriteria();
  }
}

function logitChoice(state: State, rng: Rng, p: Params, follower: Organization, options: Organization[]): Organization {
  let best = options[0];
  let bestScore = -Infinity;
  for (const e of options) {
    const score = pairingUtility(state, p, e, follower) + gumbel(rng);
    if (score > bestScore) {
      bestScore = score;
      best = e;
    }
  }
  return best;
}
