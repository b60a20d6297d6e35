import type { Tie } from '../../agents/relationship.js';
import { Direction, Formality, Influence, Mode, Origin } from '../enums.js';
import type { Params } from '../parameters.js';
import { mayTie, changeForm, formTie } from '../relationships.js';
import { randInt } from '../rng.js';
import type { State, StepContext } from '../state.js';
import { bestDomain, transferBetween } from './knowledge.js';
import { pairingFit } from './proximity.js';
import { guardedShare, rivalry, willingness } from './willingness.js';
import { labelDiscount } from './labels.js';
import { gainTrust, give, useBenefit } from './ties.js';

/** The active pairing tie between two organizations (either order), or -1. */
export function pairingBetween(state: State, x: number, y: number): number {
  for (const id of state.programme.pairings) {
    const t = state.ties[id];
    if (t.ended < 0 && ((t.orgA === x && t.orgB === y) || (t.orgA === y && t.orgB === x))) return id;
  }
  return -1;
}

/** Highest trust among informal ties between people of the pairing's two organizations. */
export function overlayTrust(state: State, pairing: Tie): number {
  let best = 0;
  for (const personId of state.orgs[pairing.orgB].staff) {
    for (const id of state.people[personId].ties) {
      const t = state.ties[id];
      if (t.formality !== Formality.informal) continue;
      const other = t.personA === personId ? t.personB : t.personA;
      if (other >= 0 && state.people[other].org === pairing.orgA && t.trust > best) best = t.trust;
    }
  }
  return best;
}

/** Records that a formal pairing has grown an informal overlay between people (a change of form). */
export function noteOverlay(state: State, ctx: StepContext, pairingId: number): void {
  const index = state.programme.pairings.indexOf(pairingId);
  if (index < 0 || state.programme.pairingOverlaySince[index] >= 0) return;
  state.programme.pairingOverlaySince[index] = state.month;
  changeForm(state, ctx, state.ties[pairingId], {}, 'informal_overlay_added');
}

/**
 * Pairing work (phase 7). Engagement rises with partner fit and with the trust of the informal
 * overlay (informal ties between the pairing's people), and falls under exemplar/follower labels
 * when the follower sees itself as ahead, and under time pressure. An engaged month moves codified
 * knowledge (prescribed documents) and a little tacit know-how, more of it the more the pairing's
 * people trust each other (joint problem solving), both ways where each is ahead; the people of the
 * overlay take the month's problem to each other over their own ties (overlayWork), and the month
 * may put two people in contact. With `pairingOverlay_flag` 0 (the knock-out) the pairing's work
 * ignores its overlay: ties still form and are used on their own, but the formal work neither
 * draws on them nor uses them.
 */
export function pairingPhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.programme;
  state.programme.pairings.forEach((id, index) => {
    const tie = state.ties[id];
    // No work once the term is over (the ties phase ends it later this month).
    if (tie.ended >= 0 || state.month >= tie.endsAt) return;
    const exemplar = state.orgs[tie.orgA];
    const follower = state.orgs[tie.orgB];
    // The pairing's people who trust each other informally (the overlay) make its formal work count.
    const overlay = p.pairingOverlay_flag === 1 ? overlayTrust(state, tie) : 0;
    let engagement = p.pairingEngagementBase_index + p.pairingFitWeight_index * pairingFit(state, exemplar, follower) + p.pairingOverlayWeight_index * overlay;
    engagement *= 1 - labelDiscount(state, p, id);
    engagement *= 1 - 0.5 * Math.min(1, Math.max(exemplar.timePressure, follower.timePressure));
    if (rng() >= engagement) return;
    state.programme.pairingEngagedMonths[index] += 1;
    tie.lastUsed = state.month;
    tie.trust += p.trustGain_perUse * 0.5 * (1 - tie.trust);
    exemplar.timeUsed_hours += p.pairingInteraction_hours;
    follower.timeUsed_hours += p.pairingInteraction_hours;
    // Joint problem solving between people who trust each other carries tacit know-how the documents miss.
    const tacitRate = p.pairingTacit_rate * (1 + p.pairingOverlayTacit_ratio * overlay);
    const down = bestDomain(p, exemplar, follower);
    if (down >= 0) {
      const moved = transferBetween(ctx, p, exemplar, follower, down, tacitRate, p.pairingCodified_rate, Formality.formal);
      tie.codifiedFlow += moved.codified;
      tie.tacitFlow += moved.tacit;
      tie.tacitToB += moved.tacit;
      tie.givenA += 1;
    }
    const up = bestDomain(p, follower, exemplar);
    if (up >= 0) {
      const moved = transferBetween(ctx, p, follower, exemplar, up, tacitRate / 2, p.pairingCodified_rate / 2, Formality.formal);
      tie.codifiedFlow += moved.codified;
      tie.tacitFlow += moved.tacit;
      if (moved.codified + moved.tacit > 0) {
        tie.givenB += 1;
        // "we're leading rather than following our GDE" (003 Reputational Benefits): the flow turns two-way.
        if (tie.direction === Direction.oneWay) changeForm(state, ctx, tie, { direction: Direction.multi }, 'became_multidirectional');
      }
    }
    if (p.pairingOverlay_flag === 1) overlayWork(state, ctx, tie, down, up);
    if (rng() < p.pairingMeeting_prob) meetAcrossPair(state, ctx, rng, tie, down >= 0 ? down : 0);
  });
}

function meetAcrossPair(state: State, ctx: StepContext, rng: () => number, pairing: Tie, domain: number): void {
  const p = ctx.params;
  const exemplar = state.orgs[pairing.orgA];
  const follower = state.orgs[pairing.orgB];
  if (exemplar.staff.length === 0 || follower.staff.length === 0) return;
  const a = exemplar.staff[randInt(rng, exemplar.staff.length)];
  const b = follower.staff[randInt(rng, follower.staff.length)];
  if (!mayTie(state, ctx, a, b)) return;
  // The pairing's own trust relieves each side's uncertainty about the other (001 Individual Level).
  const accept = willingness(p, state.people[a], exemplar, pairing.trust) * willingness(p, state.people[b], follower, pairing.trust);
  if (rng() >= accept) return;
  formTie(state, ctx, {
    mode: Mode.directContact,
    formality: Formality.informal,
    origin: Origin.policy,
    influence: Influence.trigger,
    direction: Direction.multi,
    orgA: exemplar.id,
    orgB: follower.id,
    personA: a,
    personB: b,
    domain,
    endsAt: Infinity,
    trust: p.initialTrust_index,
    overlayOf: pairing.id,
  });
  noteOverlay(state, ctx, pairing.id);
}

/**
 * The overlay in an engaged pairing month: each informal tie between a follower's person and
 * someone now at the exemplar is used for the pairing's work. Its two people take the month's
 * problem to each other ("they will pick up the phone and phone [other GDE] and ask how they are
 * doing it", 003 Results), so know-how moves over the tie in the pairing's domains as in any use
 * of a tie (ties.ts: tacitTransfer_rate and codifiedTransfer_rate, times absorptive capacity and
 * relevance; between rivals only the share the giver is willing to give a rival), and the use
 * builds the tie's trust and running value (003 Results: informal networking "ensured [the formal
 * processes'] sustainability"; national activities "helped to initiate and sustain informal
 * networking"). Without this an overlay tie lives like any other: rarely used under followers' time
 * pressure, it stays at its starting trust and mostly ends by neglect within months. No hours and
 * no effort cost are booked: they are the pairing's own (pairingInteraction_hours). No draws.
 */
export function overlayWork(state: State, ctx: StepContext, pairing: Tie, down: number, up: number): void {
  const p = ctx.params;
  const exemplar = state.orgs[pairing.orgA];
  const follower = state.orgs[pairing.orgB];
  const inhibition = p.competitionInhibition_logit * rivalry(exemplar, follower, p.procurementPressure_share);
  const memory = p.tieValueMemory_share;
  for (const personId of follower.staff) {
    const person = state.people[personId];
    for (const id of person.ties) {
      const t = state.ties[id];
      if (t.formality !== Formality.informal || t.ended >= 0) continue;
      const followerIsA = t.personA === personId;
      const otherId = followerIsA ? t.personB : t.personA;
      if (otherId < 0 || state.people[otherId].org !== exemplar.id) continue;
      const other = state.people[otherId];
      // A use as in the ties phase: each side gives where it is ahead, guarding what it gives a rival.
      const donorSide = followerIsA ? 'B' : 'A';
      const toFollower = down >= 0 ? give(ctx, p, t, exemplar, follower, down, p.tacitTransfer_rate * guardedShare(p, other, exemplar, inhibition), donorSide) : 0;
      const toExemplar = up >= 0 ? give(ctx, p, t, follower, exemplar, up, p.tacitTransfer_rate * guardedShare(p, person, follower, inhibition), followerIsA ? 'A' : 'B') : 0;
      t.lastUsed = state.month;
      follower.informalExchanges += 1;
      exemplar.informalExchanges += 1;
      gainTrust(p, t);
      // The running value of a use (ties.ts), each side's from what it received and gave.
      // Without the effort cost (tieUseCost_index): the pairing's mandated, funded work carries it, as it carries the hours.
      const valueF = useBenefit(p, person, toFollower, toExemplar);
      const valueE = useBenefit(p, other, toExemplar, toFollower);
      if (followerIsA) {
        t.valueA = memory * t.valueA + (1 - memory) * valueF;
        t.valueB = memory * t.valueB + (1 - memory) * valueE;
      } else {
        t.valueA = memory * t.valueA + (1 - memory) * valueE;
        t.valueB = memory * t.valueB + (1 - memory) * valueF;
      }
    }
  }
}
