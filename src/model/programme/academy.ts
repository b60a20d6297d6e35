import { Direction, Formality, Influence, Mode, Origin, Role, Status } from '../enums.js';
import { mayTie, formCommunity, formTie } from '../relationships.js';
import { shuffle } from '../rng.js';
import type { State, StepContext } from '../state.js';

const LEADERS: readonly number[] = [Role.ccio, Role.cnio, Role.cio, Role.digitalDirector, Role.clinicalTransformation];

/**
 * An academy cohort (003 Mediators: 50 participants from 29 exemplars; 001 Linkages Across Levels).
 * Places go mostly to exemplar staff in leadership roles; participants are trained (which raises
 * their organization's absorptive capacity) and some pairs form lasting cross-organization ties.
 */
export function launchCohort(state: State, ctx: StepContext, k: number): void {
  const p = ctx.params;
  const rng = ctx.rng.programme;
  const eligible = (status: (s: number) => boolean) =>
    shuffle(rng, state.people.filter((x) => x.org >= 0 && !x.trained && status(state.orgs[x.org].status)))
      .sort((x, y) => Number(LEADERS.includes(y.role)) - Number(LEADERS.includes(x.role)));
  const fromExemplars = Math.round(p.academyCohortSize_count * p.academyExemplarShare_share);
  const chosen = [
    ...eligible((s) => s === Status.exemplar).slice(0, fromExemplars),
    ...eligible((s) => s !== Status.exemplar).slice(0, p.academyCohortSize_count - fromExemplars),
  ].map((x) => x.id);
  for (const id of chosen) state.people[id].trained = true;
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
    meetingInterval: 1,
    userAgenda: 1,
  }, chosen);
  state.programme.academyCohorts.push(cohort.id);
  for (let i = 0; i < chosen.length; i++) {
    for (let j = i + 1; j < chosen.length; j++) {
      const a = state.people[chosen[i]];
      const b = state.people[chosen[j]];
      if (a.org === b.org || rng() >= p.academyTie_prob || !mayTie(state, ctx, a.id, b.id)) continue;
      formTie(state, ctx, {
        mode: Mode.directContact,
        formality: Formality.informal,
        origin: Origin.policy,
        influence: Influence.enable,
        direction: Direction.multi,
        orgA: a.org,
        orgB: b.org,
        personA: a.id,
        personB: b.id,
        domain: -1,
        endsAt: Infinity,
        trust: 0.5,
      }, 'academy');
    }
  }
}
