import type { Programme } from '../agents/programme.js';
import type { State, StepContext } from './state.js';
import { step } from './step.js';

/** Sees the state after each spin-up month; `month` is the calendar month, negative (-spinUp..-1). */
export interface SpinUpObserver {
  observeSpinUp(state: State, ctx: StepContext, month: number): void;
}

/**
 * The ecosystem before the programme (ODD 5, Initialization): `months` months simulated with no
 * programme, so that January 2017 (month 0) starts from relationships, trust, communities and
 * experience that grew by the model's own rules, not from an empty network.
 *
 * The spin-up runs on its own clock, state.month = 0..months-1, and then every month stamp in the
 * state is moved back by `months` (redate), so that a relationship formed in the last spin-up
 * month carries `formed = -1`. Why not negative months while it runs: the state marks "not yet"
 * by -1 (a relationship's `ended`, an organization's `fundedUntil`, a consultant's
 * `engagedUntil`), and comparisons such as `ended >= 0` or `month < fundedUntil` read wrongly at
 * negative months; on its own clock every one of them holds, and after the redate only ended
 * relationships need care (below).
 *
 * The programme is off during the spin-up whatever the scenario (its phase does nothing while
 * `programme.active` is false, and nobody holds a programme status), so a scenario and its
 * counterfactual draw the same numbers from the same streams and share one spun-up world.
 *
 * Knowledge: the drawn stocks describe January 2017 (initialMaturityMean_index is a 2017 fact),
 * so codified and tacit know-how, project stages and progress are put back to their drawn values
 * at the end of the spin-up; the relational state (ties, trust, running values, communities and
 * their members, experience, prior ties, routines, posts, people's moves) is kept.
 */
export function spinUp(state: State, ctx: StepContext, months: number, observer?: SpinUpObserver): void {
  if (months <= 0) return;
  const drawn = state.orgs.map((o) => ({ codified: o.codified.slice(), tacit: o.tacit.slice(), capability: o.capability.slice(), stage: o.stage.slice(), progress: o.progress.slice() }));
  const prog = state.programme as { active: boolean } & Programme;
  const active = prog.active;
  prog.active = false;
  state.spinningUp = true;
  for (let t = 0; t < months; t++) {
    state.month = t;
    step(state, ctx);
    observer?.observeSpinUp(state, ctx, t - months);
    ctx.events.clear();
    ctx.flows.fill(0);
  }
  prog.active = active;
  state.spinningUp = false;
  redate(state, months);
  state.orgs.forEach((o, i) => {
    const d = drawn[i];
    o.codified.set(d.codified);
    o.tacit.set(d.tacit);
    o.capability.set(d.capability);
    o.stage.set(d.stage);
    o.progress.set(d.progress);
    // Exchanges are counted from January 2017 (the networking outcome differences them anyway).
    o.informalExchanges = 0;
  });
  ctx.factors.month = -1;
  state.month = 0;
}

/** A stamp moved back by the spin-up, kept a "not yet/none" -1 when it was one or falls before 2017. */
function back(stamp: number, months: number): number {
  return stamp < 0 ? stamp : stamp - months;
}

/** A stamp that must stay >= 0 once set (its `>= 0` test means "it happened"): before 2017 reads as 0. */
function backKeepingSet(stamp: number, months: number): number {
  return stamp < 0 ? stamp : Math.max(0, stamp - months);
}

/** A "until" stamp whose -1 means none: one passed before 2017 becomes -1 too. */
function backUntil(stamp: number, months: number): number {
  if (stamp < 0) return stamp;
  const s = stamp - months;
  return s < 0 ? -1 : s;
}

/**
 * Moves every month stamp of the state back by `months`. Every month-valued field of the state
 * must be listed here: test/model/spinup.test.ts fails if a field named like a past stamp
 * (formed, ended, last..., ...Since, ...Month) is still above 0 after the redate.
 *
 * Relationships that ended during the spin-up keep `ended >= 0` (the whole model reads
 * `ended < 0` as active) and carry `ended = 0`: "ended by January 2017"; their `formed` is
 * negative, which tells them apart from relationships of the run (formed >= 0).
 */
export function redate(state: State, months: number): void {
  for (const tie of state.ties) {
    (tie as { formed: number }).formed = tie.formed - months;
    tie.ended = backKeepingSet(tie.ended, months);
    tie.endsAt = tie.endsAt - months;
    tie.lastUsed = tie.lastUsed - months;
    state.tieTable.sync(tie);
  }
  for (const c of state.communities) {
    (c as { formed: number }).formed = c.formed - months;
    c.ended = backKeepingSet(c.ended, months);
    c.endsAt = c.endsAt - months;
    c.fundedUntil = backUntil(c.fundedUntil, months);
    c.transformed = backKeepingSet(c.transformed, months);
  }
  for (const o of state.orgs) {
    o.fundedUntil = backUntil(o.fundedUntil, months);
    o.firstInformalMonth = backKeepingSet(o.firstInformalMonth, months);
  }
  for (const person of state.people) person.engagedUntil = backUntil(person.engagedUntil, months);
  // New lists built by push, not by map (see State in state.ts).
  const prog = state.programme;
  const overlaySince: number[] = [];
  for (const m of prog.pairingOverlaySince) overlaySince.push(back(m, months));
  prog.pairingOverlaySince = overlaySince;
  const blueprints: typeof prog.blueprints = [];
  for (const b of prog.blueprints) blueprints.push({ ...b, month: b.month - months });
  prog.blueprints = blueprints;
  const secondments: typeof prog.secondments = [];
  for (const s of prog.secondments) secondments.push({ ...s, start: s.start - months, endsAt: s.endsAt - months });
  prog.secondments = secondments;
}
