import { describe, expect, it } from 'vitest';
import { Formality, Influence, Mode, Origin, Role, Status } from '../../../src/model/enums.js';
import { launchCohort } from '../../../src/model/programme/academy.js';
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

describe('launchCohort', () => {
  it('enrols academyCohortSize_count people, academyExemplarShare_share of them from exemplars, and trains them', () => {
    const { state, params: p, c } = cohort();
    expect(c.members).toHaveLength(p.academyCohortSize_count);
    const fromExemplars = c.members.filter((m) => state.orgs[state.people[m].org].status === Status.exemplar).length;
    expect(fromExemplars).toBe(Math.round(p.academyCohortSize_count * p.academyExemplarShare_share));
    for (const m of c.members) expect(state.people[m].trained).toBe(true);
    expect(state.people.filter((x) => x.trained)).toHaveLength(c.members.length);
  });

  it('is a periodic, policy-origin cohort that ends after academyCohortDuration_months', () => {
    const { state, params: p, c } = cohort();
    expect(c.mode).toBe(Mode.academyCohort);
    expect(c.formality).toBe(Formality.periodic);
    expect(c.origin).toBe(Origin.policy);
    expect(c.influence).toBe(Influence.enable);
    expect(c.launchedByProgramme).toBe(true);
    expect(c.endsAt).toBe(state.month + p.academyCohortDuration_months);
    expect(c.name).toBe('Academy cohort 1');
  });

  it('gives places to leaders first', () => {
    const { state, params: p, c } = cohort();
    const exemplarLeaders = state.people.filter((x) => x.org >= 0 && state.orgs[x.org].status === Status.exemplar && LEADERS.includes(x.role)).length;
    const chosenLeaders = c.members.filter((m) => state.orgs[state.people[m].org].status === Status.exemplar && LEADERS.includes(state.people[m].role)).length;
    expect(chosenLeaders).toBe(Math.min(exemplarLeaders, Math.round(p.academyCohortSize_count * p.academyExemplarShare_share)));
  });

  it('a later cohort takes nobody already trained', () => {
    const { state, ctx, c } = cohort();
    launchCohort(state, ctx, 1);
    const second = state.communities[state.programme.academyCohorts[1]];
    for (const m of second.members) expect(c.members).not.toContain(m);
    expect(second.name).toBe('Academy cohort 2');
  });

  it('forms informal ties between participants of different organizations only', () => {
    const { state, c } = cohort({ academyTie_prob: 1 });
    const ties = state.ties.filter((t) => t.mode === Mode.directContact);
    expect(ties.length).toBeGreaterThan(0);
    for (const t of ties) {
      expect(c.members).toContain(t.personA);
      expect(c.members).toContain(t.personB);
      expect(t.orgA).not.toBe(t.orgB);
      expect(t.origin).toBe(Origin.policy);
      expect(t.influence).toBe(Influence.enable);
      expect(t.formality).toBe(Formality.informal);
    }
    const sameOrgPairs = c.members.flatMap((x, i) => c.members.slice(i + 1).filter((y) => state.people[x].org === state.people[y].org)).length;
    const pairs = (c.members.length * (c.members.length - 1)) / 2;
    expect(ties).toHaveLength(pairs - sameOrgPairs);
  });

  it('no ties with academyTie_prob 0', () => {
    const { state } = cohort({ academyTie_prob: 0 });
    expect(state.ties).toHaveLength(0);
  });
});
