import { describe, expect, it } from 'vitest';
import { Formality, Influence, Mode, Origin, Role, Status } from '../../../src/model/enums.js';
import { academySessions, launchCohort } from '../../../src/model/programme/academy.js';
import { selectParticipants } from '../../../src/model/programme/selection.js';
import { world } from '../mechanisms/fixtures.js';

const LEADERS: readonly number[] = [Role.ccio, Role.cnio, Role.cio, Role.digitalDirector, Role.clinicalTransformation];

function cohort(overrides: Record<string, number> = {}) {
  const w = world(overrides);
  selectParticipants(w.state, w.ctx);
  w.state.month = w.params.academyStart_month;
  launchCohort(w.state, w.ctx, 0);
  const c = w.state.communities[w.state.programme.academyCohorts[0]];
  return { ...w, c };
}

/** Runs the cohort's sessions month by month to its end. */
function runSessions(w: ReturnType<typeof cohort>, months = w.params.academyCohortDuration_months) {
  for (let m = 0; m < months; m++) {
    academySessions(w.state, w.ctx);
    w.state.month += 1;
  }
}

const academyTies = (w: ReturnType<typeof cohort>) => w.state.ties.filter((t) => t.mode === Mode.directContact);

describe('launchCohort', () => {
  it('gives academyCohortSize_count places to programme staff and academyOutsidePlaces_count to others, and trains them', () => {
    const { state, params: p, c } = cohort();
    expect(c.members).toHaveLength(p.academyCohortSize_count + p.academyOutsidePlaces_count);
    const inProgramme = c.members.filter((m) => state.orgs[state.people[m].org].status !== Status.outside).length;
    expect(inProgramme).toBe(p.academyCohortSize_count);
    for (const m of c.members) expect(state.people[m].trained).toBe(true);
    expect(state.people.filter((x) => x.trained)).toHaveLength(c.members.length);
  });

  it('is a periodic, policy-origin cohort that ends after academyCohortDuration_months and holds only its induction as a generic meeting', () => {
    const { state, params: p, c } = cohort();
    expect(c.mode).toBe(Mode.academyCohort);
    expect(c.formality).toBe(Formality.periodic);
    expect(c.origin).toBe(Origin.policy);
    expect(c.influence).toBe(Influence.enable);
    expect(c.launchedByProgramme).toBe(true);
    expect(c.endsAt).toBe(state.month + p.academyCohortDuration_months);
    expect(c.meetingInterval).toBe(p.academyCohortDuration_months);
    expect(c.name).toBe('Academy cohort 1');
  });

  it('draws leaders more often the larger academyLeader_ratio', () => {
    const leaders = (ratio: number) => {
      let n = 0;
      for (const seed of [1, 2, 3]) {
        const w = world({ academyLeader_ratio: ratio }, `s${seed}`);
        selectParticipants(w.state, w.ctx);
        launchCohort(w.state, w.ctx, 0);
        n += w.state.communities[w.state.programme.academyCohorts[0]].members.filter((m) => LEADERS.includes(w.state.people[m].role)).length;
      }
      return n;
    };
    expect(leaders(20)).toBeGreaterThan(leaders(1));
  });

  it('spreads places over many programme organizations, not one per organization', () => {
    const { state, c } = cohort({ academyCohortSize_count: 50 });
    const orgs = new Set(c.members.map((m) => state.people[m].org).filter((o) => state.orgs[o].status !== Status.outside));
    expect(orgs.size).toBeGreaterThan(15);
    expect(orgs.size).toBeLessThan(50);
  });

  it('a later cohort takes nobody already trained', () => {
    const { state, ctx, c } = cohort();
    launchCohort(state, ctx, 1);
    const second = state.communities[state.programme.academyCohorts[1]];
    for (const m of second.members) expect(c.members).not.toContain(m);
    expect(second.name).toBe('Academy cohort 2');
  });

  it('forms no ties at launch: ties come from the sessions', () => {
    const { state } = cohort({ academyContactTie_prob: 1 });
    expect(state.ties).toHaveLength(0);
  });
});

describe('academySessions', () => {
  it('forms informal policy ties between participants of different organizations only', () => {
    const w = cohort({ academyContactTie_prob: 1 });
    runSessions(w);
    const ties = academyTies(w);
    expect(ties.length).toBeGreaterThan(0);
    for (const t of ties) {
      expect(w.c.members).toContain(t.personA);
      expect(w.c.members).toContain(t.personB);
      expect(t.orgA).not.toBe(t.orgB);
      expect(t.origin).toBe(Origin.policy);
      expect(t.influence).toBe(Influence.enable);
      expect(t.formality).toBe(Formality.informal);
    }
  });

  it('no ties with academyContactTie_prob 0', () => {
    const w = cohort({ academyContactTie_prob: 0 });
    runSessions(w);
    expect(academyTies(w)).toHaveLength(0);
  });

  it('more months of sessions form more ties (repetition of contact)', () => {
    const one = cohort({ academyContactTie_prob: 0.3 });
    runSessions(one, 1);
    const year = cohort({ academyContactTie_prob: 0.3 });
    runSessions(year, 12);
    expect(academyTies(year).length).toBeGreaterThan(academyTies(one).length);
  });

  it('ties concentrate in learning sets, whose members meet every session', () => {
    const w = cohort({ academyContactTie_prob: 0.3, academyConversations_count: 1 });
    runSessions(w);
    const size = w.params.academyLearningSet_count;
    const index = new Map(w.c.members.map((m, i) => [m, i]));
    let within = 0;
    for (const t of academyTies(w)) if (Math.floor(index.get(t.personA)! / size) === Math.floor(index.get(t.personB)! / size)) within += 1;
    // Learning-set pairs are a small share of all pairs (5 of 28 partners per person) but carry most ties.
    expect(within / academyTies(w).length).toBeGreaterThan(0.4);
  });

  it('stops when the cohort has ended', () => {
    const w = cohort({ academyContactTie_prob: 1 });
    w.state.month = w.c.endsAt;
    academySessions(w.state, w.ctx);
    expect(academyTies(w)).toHaveLength(0);
  });
});
