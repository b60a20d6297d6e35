import type { Community } from '../../agents/relationship.js';
import { Direction, Formality, Influence, Mode, Origin, Role, Status } from '../enums.js';
import { mayTie, formCommunity, formTie } from '../relationships.js';
import { randInt, type Rng, shuffle } from '../rng.js';
import type { Params } from '../parameters.js';
import type { State, StepContext } from '../state.js';
import { markTrained } from '../training.js';
import { willingness } from '../mechanisms/willingness.js';

const LEADERS: readonly number[] = [Role.ccio, Role.cnio, Role.cio, Role.digitalDirector, Role.clinicalTransformation];

/**
 * An academy cohort (003 Mediators: 50 participants from 29 programme organizations; 001 Linkages
 * Across Levels). `academyCohortSize_count` places go to staff of programme organizations and
 * `academyOutsidePlaces_count` to staff of others; within each pool, places are drawn among the
 * untrained staff without replacement with weight (`academyLeader_ratio` for a leader, else 1) ·
 * intrinsic motivation · (1 − 0.5 · time pressure) (who applies: the reputation motive of 001
 * Individual/Interpersonal Level, time as the inhibitor), so how many organizations send someone
 * follows from how places fall on their staff. Participants are trained (which raises their
 * organization's absorptive capacity). Ties between participants are not decided here: they come
 * from the cohort's sessions (`academySessions`). The member order is the learning-set plan:
 * consecutive runs of `academyLearningSet_count` members form one learning set.
 */
export function launchCohort(state: State, ctx: StepContext, k: number): void {
  const p = ctx.params;
  const rng = ctx.rng.programme;
  const chosen = shuffle(rng, [...drawPlaces(state, p, rng, true, p.academyCohortSize_count), ...drawPlaces(state, p, rng, false, p.academyOutsidePlaces_count)]);
  for (const id of chosen) markTrained(state, id);
  const cohort = formCommunity(state, ctx, {
    name: `Academy cohort ${k + 1}`,
    mode: Mode.academyCohort,
    formality: Formality.periodic,
    origin: Origin.policy,
    influence: Influence.enable,
    domain: -1,
    professionRoles: [],
    supplier: -1,
    launchedByProgramme: true,
    professionLed: false,
    fundedUntil: state.month + p.academyCohortDuration_months,
    endsAt: state.month + p.academyCohortDuration_months,
    // The cohort's own sessions are modelled below; the generic community meeting (7.12) only
    // holds the induction in the launch month.
    meetingInterval: Math.max(1, p.academyCohortDuration_months),
    userAgenda: 1,
  }, chosen);
  state.programme.academyCohorts.push(cohort.id);
}

/**
 * The `places` untrained employees of programme organizations (inProgramme) or of the others with
 * the top keys log(weight) + Gumbel (Efraimidis-Spirakis: a weighted draw without replacement),
 * highest key first, equal keys by id; one Gumbel draw per eligible person in id order. The top
 * few are kept as they come (a short sorted row) rather than keyed and sorted all: a key object
 * per person made an academy launch allocate about 0.3 MiB.
 */
function drawPlaces(state: State, p: Params, rng: Rng, inProgramme: boolean, places: number): number[] {
  const size = Math.max(0, places);
  const ids = new Int32Array(size);
  const keys = new Float64Array(size);
  let kept = 0;
  for (const x of state.people) {
    if (x.org < 0 || x.trained || (state.orgs[x.org].status !== Status.outside) !== inProgramme) continue;
    const weight = (LEADERS.includes(x.role) ? p.academyLeader_ratio : 1) * Math.max(1e-6, x.intrinsic) * (1 - 0.5 * Math.min(1, state.orgs[x.org].timePressure));
    const key = Math.log(weight) + gumbel(rng);
    // People come in id order, so a later person with an equal key ranks after: only a higher key displaces.
    if (kept === size && (size === 0 || key <= keys[size - 1])) continue;
    let i = kept < size ? kept++ : size - 1;
    while (i > 0 && keys[i - 1] < key) {
      keys[i] = keys[i - 1];
      ids[i] = ids[i - 1];
      i -= 1;
    }
    keys[i] = key;
    ids[i] = x.id;
  }
  const out: number[] = [];
  for (let i = 0; i < kept; i++) out.push(ids[i]);
  return out;
}

/**
 * Academy sessions (monthly, while a cohort runs; 7.13). Each participant who attends meets the
 * members of their learning set and has `academyConversations_count` further conversations
 * with others of the cohort ("conversations over dinner", 003 Mediators), chosen with weight
 * `academySimilarity_ratio` for someone of the same role or care setting (assumption: homophily).
 * Every contact between people of two organizations not yet tied forms an informal tie with
 * chance `academyContactTie_prob` times both people's willingness (7.4), so ties come from the
 * repetition of contact (learning-set mates meet every month) and from who is willing.
 * Attending costs `meetingAttendance_hours` and is less likely under time pressure, as at other
 * meetings (7.12).
 */
export function academySessions(state: State, ctx: StepContext): void {
  const rng = ctx.rng.programme;
  for (const id of state.programme.academyCohorts) {
    const cohort = state.communities[id];
    if (cohort.ended >= 0 || state.month >= cohort.endsAt || state.month < cohort.formed) continue;
    session(state, ctx, rng, cohort);
  }
}

/** A standard Gumbel draw. */
function gumbel(rng: Rng): number {
  return -Math.log(-Math.log(rng() * (1 - 2e-12) + 1e-12));
}

function session(state: State, ctx: StepContext, rng: Rng, cohort: Community): void {
  const p = ctx.params;
  const members = cohort.members;
  const n = members.length;
  if (n < 2) return;
  const present = ctx.scratch.list;
  present.clear();
  for (let i = 0; i < n; i++) {
    const person = state.people[members[i]];
    if (person.org < 0) continue;
    const org = state.orgs[person.org];
    if (rng() < 1 - 0.4 * Math.min(1, org.timePressure)) {
      present.push(i);
      org.timeUsed_hours += p.meetingAttendance_hours;
    }
  }
  const size = Math.max(1, Math.round(p.academyLearningSet_count));
  for (let q = 0; q < present.length; q++) {
    const i = present.items[q];
    // Learning set: members of the same run of `size`, each pair once (from its lower index).
    const set = Math.floor(i / size);
    for (let j = i + 1; j < Math.min(n, (set + 1) * size); j++) if (present.indexOf(j) >= 0) contact(state, ctx, rng, members[i], members[j]);
    // Conversations with anyone present, weighted to similar others (rejection sampling).
    const a = state.people[members[i]];
    const maxWeight = Math.max(1, p.academySimilarity_ratio);
    for (let k = 0; k < p.academyConversations_count; k++) {
      for (let tries = 0; tries < 8; tries++) {
        const j = present.items[randInt(rng, present.length)];
        if (j === i) continue;
        const b = state.people[members[j]];
        const similar = b.role === a.role || (b.org >= 0 && a.org >= 0 && state.orgs[b.org].setting === state.orgs[a.org].setting);
        if (rng() * maxWeight >= (similar ? p.academySimilarity_ratio : 1)) continue;
        contact(state, ctx, rng, members[i], members[j]);
        break;
      }
    }
  }
}

function contact(state: State, ctx: StepContext, rng: Rng, x: number, y: number): void {
  const p = ctx.params;
  const a = state.people[x];
  const b = state.people[y];
  if (a.org < 0 || b.org < 0 || a.org === b.org) return;
  // Draw first: willingness is only computed for the few contacts that could become ties.
  const draw = rng();
  if (draw >= p.academyContactTie_prob) return;
  if (draw >= p.academyContactTie_prob * willingness(p, a, state.orgs[a.org]) * willingness(p, b, state.orgs[b.org])) return;
  if (!mayTie(state, ctx, x, y)) return;
  formTie(state, ctx, {
    mode: Mode.directContact,
    formality: Formality.informal,
    origin: Origin.policy,
    influence: Influence.enable,
    direction: Direction.multi,
    orgA: a.org,
    orgB: b.org,
    personA: x,
    personB: y,
    domain: -1,
    endsAt: Infinity,
    trust: 0.5,
  }, 'academy');
}
