import { maturity, type Organization } from '../../agents/organization.js';
import type { Tie } from '../../agents/relationship.js';
import { CareSetting, Direction, Domain, Formality, Influence, Mode, Origin, PairingRule, SelectionRule, Status } from '../enums.js';
import type { Params } from '../parameters.js';
import { formTie, logEvent } from '../relationships.js';
import { normal, type Rng, shuffle } from '../rng.js';
import type { State, StepContext } from '../state.js';
import { pairingFit } from '../mechanisms/proximity.js';

/** Grants by status and setting: mental health and ambulance sites received less (assumption). */
function grant(p: Params, org: Organization, status: Status): number {
  const base = status === Status.exemplar ? p.exemplarGrant_gbp : p.followerGrant_gbp;
  return org.setting === CareSetting.acute || org.setting === CareSetting.specialist ? base : base * p.mentalHealthGrant_ratio;
}

/**
 * Selection at programme start: the most digitally mature organizations of each setting become
 * exemplars (001 Research Setting: "digitally advanced sites"), with some noise in how maturity is
 * judged; followers are drawn from the next, "somewhat less mature" tier (001 Research Setting).
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
    if (p.selectionRule_code === SelectionRule.random) {
      // Selection without regard to maturity: an experiment on what selecting the advanced buys.
      const drawn = shuffle(rng, state.orgs.filter((o) => o.setting === setting));
      for (const org of drawn.slice(0, nExemplars)) enrol(state, ctx, p, org, Status.exemplar);
      for (const org of drawn.slice(nExemplars, nExemplars + nFollowers)) enrol(state, ctx, p, org, Status.follower);
      continue;
    }
    const ranked = state.orgs
      .filter((o) => o.setting === setting)
      .map((o) => ({ o, score: maturity(o) + normal(rng, 0, p.selectionNoise_index) }))
      .sort((x, y) => y.score - x.score || x.o.id - y.o.id)
      .map((x) => x.o);
    const exemplars = ranked.slice(0, nExemplars);
    const tier = shuffle(rng, ranked.slice(nExemplars, nExemplars + Math.max(nFollowers, Math.round(nFollowers * 2.5))));
    const followers = tier.slice(0, nFollowers);
    for (const org of exemplars) enrol(state, ctx, p, org, Status.exemplar);
    for (const org of followers) enrol(state, ctx, p, org, Status.follower);
  }
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
 * exemplar (003 Setting). Most followers choose their own partner by fit (shared system, grouping,
 * nearness); the rest are paired quickly on policy criteria, at random within the setting
 * (001 Macroenvironmental: "compressed timeframes ... lack of effective engagement").
 */
export function formPairings(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.programme;
  const load = new Map<number, number>();
  for (const followerId of shuffle(rng, [...state.programme.followers])) {
    const follower = state.orgs[followerId];
    const options = state.programme.exemplars.map((id) => state.orgs[id]).filter((e) => e.setting === follower.setting && (load.get(e.id) ?? 0) < 2);
    if (options.length === 0) continue;
    const { exemplar, how } = choosePartner(state, rng, p, follower, options);
    load.set(exemplar.id, (load.get(exemplar.id) ?? 0) + 1);
    const bias = 0.15 * follower.statusSeeking + normal(rng, 0, p.selfAssessmentNoise_index) - 0.05;
    formPairing(state, ctx, exemplar, follower, bias, how);
  }
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
 * The pairing rule (`pairingRule_code`). Own choice: with probability `ownChoicePairing_share`
 * the follower picks the best fit, otherwise a random exemplar (policy criteria). Same supplier
 * or same grouping: the programme requires an exemplar sharing the follower's core (EPR) supplier
 * or strategic grouping where one is free, and the follower picks the best fit among them; with
 * none free it falls back to the best fit overall. Random: policy criteria only.
 */
export function choosePartner(state: State, rng: Rng, p: Params, follower: Organization, options: Organization[]): { exemplar: Organization; how: string } {
  switch (p.pairingRule_code) {
    case PairingRule.sameSupplier:
    case PairingRule.sameGrouping: {
      const bySupplier = p.pairingRule_code === PairingRule.sameSupplier;
      const matching = options.filter((e) => (bySupplier ? e.suppliers[Domain.epr] === follower.suppliers[Domain.epr] : e.grouping === follower.grouping));
      if (matching.length === 0) return { exemplar: bestFit(state, rng, follower, options), how: 'own_choice' };
      return { exemplar: bestFit(state, rng, follower, matching), how: bySupplier ? 'same_supplier' : 'same_grouping' };
    }
    case PairingRule.random:
      return { exemplar: options[Math.floor(rng() * options.length)], how: 'policy_criteria' };
    default: {
      const ownChoice = rng() < p.ownChoicePairing_share;
      return ownChoice ? { exemplar: bestFit(state, rng, follower, options), how: 'own_choice' } : { exemplar: options[Math.floor(rng() * options.length)], how: 'policy_criteria' };
    }
  }
}

function bestFit(state: State, rng: Rng, follower: Organization, options: Organization[]): Organization {
  let best = options[0];
  let bestScore = -Infinity;
  for (const e of options) {
    const score = pairingFit(state, e, follower) + 0.15 * rng();
    if (score > bestScore) {
      bestScore = score;
      best = e;
    }
  }
  return best;
}
