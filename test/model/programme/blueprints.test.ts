import { describe, expect, it } from 'vitest';
import { hasPair } from '../../../src/model/pairSet.js';
import { setKnowledge } from '../../../src/agents/organization.js';
import { Direction, EndReason, Formality, Influence, Mode, N_DOMAINS, Origin, Stage, Status } from '../../../src/model/enums.js';
import { blueprintPhase } from '../../../src/model/programme/blueprints.js';
import type { State } from '../../../src/model/state.js';
import { alike, constant, sequence, setAll, setStages, withRng, world, formedTies } from '../mechanisms/fixtures.js';

function setup(overrides: Record<string, number> = {}) {
  const w = world(overrides);
  w.state.month = w.params.blueprintStart_month;
  for (const org of w.state.orgs) setStages(org, Stage.none);
  return { ...w, ctx0: withRng(w.ctx, { programme: constant(0) }), a: w.params.codifiedWeight_exponent };
}

/** A blueprint by `author` in `domain`, placed directly on the platform. */
function publish(state: State, author: number, domain: number, codified: number, tacit = codified): void {
  state.programme.blueprintsByDomain[domain].push(state.programme.blueprints.length);
  state.programme.blueprints.push({ author, domain, codified, tacit, month: state.month });
}

describe('blueprintPhase: writing', () => {
  it('blueprints are written only by participating organizations with a domain in adoption or later', () => {
    const { state, ctx0 } = setup();
    const [ex, fo, out, early] = state.orgs;
    ex.status = Status.exemplar;
    fo.status = Status.follower;
    out.status = Status.outside;
    early.status = Status.exemplar;
    ex.stage[0] = Stage.adoption;
    ex.stage[1] = Stage.optimization;
    fo.stage[2] = Stage.optimization;
    out.stage[0] = Stage.optimization;
    early.stage[0] = Stage.procurement;
    ctx0.events.clear();
    blueprintPhase(state, ctx0);
    const written = state.programme.blueprints.map((b) => [b.author, b.domain]).sort();
    expect(written).toEqual([[ex.id, 0], [ex.id, 1], [fo.id, 2]].sort());
    for (const b of state.programme.blueprints) {
      expect(b.codified).toBe(state.orgs[b.author].codified[b.domain]);
      expect(b.tacit).toBe(state.orgs[b.author].tacit[b.domain]);
      expect(b.month).toBe(state.month);
      expect(state.programme.blueprintsByDomain[b.domain]).toContain(state.programme.blueprints.indexOf(b));
    }
    expect(ctx0.events.toArray().filter((e) => e.what === 'blueprint_published')).toHaveLength(3);
  });

  it('an organization writes one blueprint per domain, however many months pass', () => {
    const { state, ctx0 } = setup();
    state.orgs[0].status = Status.exemplar;
    state.orgs[0].stage[3] = Stage.adoption;
    blueprintPhase(state, ctx0);
    state.month += 1;
    blueprintPhase(state, ctx0);
    expect(state.programme.blueprints).toHaveLength(1);
  });

  it('nothing is written before blueprintStart_month or from fundingEnd_month on', () => {
    const { state, ctx0, params: p } = setup();
    state.orgs[0].status = Status.exemplar;
    state.orgs[0].stage[0] = Stage.adoption;
    state.month = p.blueprintStart_month - 1;
    blueprintPhase(state, ctx0);
    expect(state.programme.blueprints).toHaveLength(0);
    state.month = p.fundingEnd_month;
    blueprintPhase(state, ctx0);
    expect(state.programme.blueprints).toHaveLength(0);
  });
});

describe('blueprintPhase: reading', () => {
  /** Author (org 0) ahead in domain 2; reader (org 1) adopting it; nobody else has a need. */
  function reading(overrides: Record<string, number> = {}) {
    const w = setup(overrides);
    const [author, reader] = w.state.orgs;
    alike(author, reader);
    setAll(author, 0.8, 0.8, w.a);
    setAll(reader, 0.2, 0.3, w.a);
    reader.stage[2] = Stage.adoption;
    reader.absorptive = 0.5;
    publish(w.state, author.id, 2, 0.8);
    return { ...w, author, reader };
  }

  it('a read moves codified knowledge, and tacit know-how only in proportion to the reader\'s own', () => {
    const { state, ctx0, params: p, reader } = reading({ blueprintContact_prob: 0 });
    blueprintPhase(state, ctx0);
    const dC = p.blueprintCodified_rate * 0.5 * (0.8 - 0.2);
    const dT = p.blueprintTacit_rate * 0.5 * 0.3 * (0.8 - 0.3);
    expect(reader.codified[2]).toBeCloseTo(0.2 + dC, 12);
    expect(reader.tacit[2]).toBeCloseTo(0.3 + dT, 12);
    expect(ctx0.flows[Formality.formal * 2]).toBeCloseTo(dC, 12);
    expect(ctx0.flows[Formality.formal * 2 + 1]).toBeCloseTo(dT, 12);
    // The same document gives a reader without related tacit know-how no tacit part at all.
    const bare = reading({ blueprintContact_prob: 0 });
    setKnowledge(bare.reader, 2, 0.2, 0, bare.a);
    blueprintPhase(bare.state, bare.ctx0);
    expect(bare.reader.tacit[2]).toBe(0);
    expect(bare.reader.codified[2]).toBeGreaterThan(0.2);
  });

  it('uptake scales with absorptive capacity and falls when the project is in optimization', () => {
    const gain = (ac: number, stage: Stage) => {
      const w = reading({ blueprintContact_prob: 0 });
      w.reader.absorptive = ac;
      w.reader.stage[2] = stage;
      blueprintPhase(w.state, w.ctx0);
      return { c: w.reader.codified[2] - 0.2, p: w.params };
    };
    const base = gain(0.5, Stage.adoption);
    expect(gain(0.25, Stage.adoption).c).toBeCloseTo(base.c / 2, 12);
    expect(gain(0.5, Stage.procurement).c).toBeCloseTo(base.c, 12);
    expect(gain(0.5, Stage.optimization).c).toBeCloseTo(base.c * base.p.blueprintOptimizationUse_share, 12);
  });

  it('a read that leaves a need triggers a request to one of the author\'s staff, by need times relevance', () => {
    const { state, ctx0, author, reader } = reading();
    blueprintPhase(state, ctx0);
    const contacts = formedTies(state, ctx0.events).filter((t) => t.mode === Mode.directContact);
    expect(contacts).toHaveLength(1);
    const c = contacts[0];
    expect([c.orgA, c.orgB, c.origin, c.influence, c.domain]).toEqual([author.id, reader.id, Origin.policy, Influence.trigger, 2]);
    expect(state.people[c.personA].org).toBe(author.id);
    expect(state.people[c.personB].org).toBe(reader.id);
    expect(author.requestsThisMonth).toBe(1);
    expect(ctx0.events.toArray().some((e) => e.kind === 'formed' && e.detail === 'via_blueprint')).toBe(true);
    // The contact draw (the second of the phase for a reader that writes nothing) is compared
    // with blueprintContact_prob x need x relevance, need taken after the read.
    const probe = reading({ blueprintContact_prob: 0 });
    probe.reader.status = Status.outside;
    blueprintPhase(probe.state, probe.ctx0);
    const pull = reading().params.blueprintContact_prob * (1 - probe.reader.capability[2]);
    for (const [draw, expected] of [[pull * 0.99, 1], [pull * 1.01, 0]] as const) {
      const w = reading();
      w.reader.status = Status.outside;
      blueprintPhase(w.state, withRng(w.ctx0, { programme: sequence([0, draw], 0) }));
      expect(formedTies(w.state, w.ctx0.events).filter((t) => t.mode === Mode.directContact).length, `draw ${draw}`).toBe(expected);
    }
    // An author on another supplier's system is less relevant: the same draw no longer triggers.
    const far = reading();
    far.reader.status = Status.outside;
    far.reader.suppliers[2] = (far.author.suppliers[2] + 1) % 10;
    blueprintPhase(far.state, withRng(far.ctx0, { programme: sequence([0, pull * 0.99], 0) }));
    expect(formedTies(far.state, far.ctx0.events).filter((t) => t.mode === Mode.directContact)).toHaveLength(0);
  });

  it('blueprintContact_prob 0 triggers no contact', () => {
    const { state, ctx0, author } = reading({ blueprintContact_prob: 0 });
    blueprintPhase(state, ctx0);
    expect(formedTies(state, ctx0.events).filter((t) => t.mode === Mode.directContact)).toHaveLength(0);
    expect(author.requestsThisMonth).toBe(0);
  });

  it('a read is a one-off formal, policy-origin mandate from author to reader that leaves no prior tie', () => {
    const { state, ctx0, author, reader } = reading({ blueprintContact_prob: 0 });
    const experience = [author.experience, reader.experience];
    blueprintPhase(state, ctx0);
    const reads = formedTies(state, ctx0.events).filter((t) => t.mode === Mode.blueprintUse);
    expect(reads).toHaveLength(1);
    const r = reads[0];
    expect([r.formality, r.origin, r.influence, r.direction]).toEqual([Formality.formal, Origin.policy, Influence.mandate, Direction.oneWay]);
    expect([r.orgA, r.orgB]).toEqual([author.id, reader.id]);
    expect(r.endReason).toBe(EndReason.oneOff);
    expect(hasPair(state.pairEver, state.orgs.length, author.id, reader.id)).toBe(false);
    expect([author.experience, reader.experience]).toEqual(experience);
  });

  it('the reader picks the blueprint with the most relevant codified lead', () => {
    const { state, ctx0, reader } = reading();
    const other = state.orgs[2];
    alike(reader, other);
    publish(state, other.id, 2, 0.95);
    blueprintPhase(state, ctx0);
    expect(formedTies(state, ctx0.events).find((t) => t.mode === Mode.blueprintUse)!.orgA).toBe(other.id);
    // Another setting discounts the lead: 0.95 * crossSettingRelevance is below the first author's 0.8.
    const w = reading();
    const far = w.state.orgs[2];
    alike(w.reader, far);
    (far as { setting: number }).setting = (w.reader.setting + 1) % 5;
    publish(w.state, far.id, 2, 0.95);
    blueprintPhase(w.state, w.ctx0);
    expect(formedTies(w.state, w.ctx0.events).find((t) => t.mode === Mode.blueprintUse)!.orgA).toBe(w.author.id);
  });

  it('no read without a need, nor of one\'s own blueprint, nor of one behind', () => {
    const noNeed = reading();
    noNeed.reader.stage[2] = Stage.none;
    blueprintPhase(noNeed.state, noNeed.ctx0);
    expect(formedTies(noNeed.state, noNeed.ctx0.events)).toHaveLength(0);
    const behind = reading();
    setKnowledge(behind.reader, 2, 0.9, 0.3, behind.a);
    blueprintPhase(behind.state, behind.ctx0);
    expect(formedTies(behind.state, behind.ctx0.events)).toHaveLength(0);
    const own = reading();
    own.author.stage[2] = Stage.adoption;
    setKnowledge(own.author, 2, 0.1, 0.1, own.a);
    own.reader.stage[2] = Stage.none;
    blueprintPhase(own.state, own.ctx0);
    expect(formedTies(own.state, own.ctx0.events)).toHaveLength(0);
  });

  it('a read can add a more capable author to the reader\'s directory', () => {
    const { state, ctx0, author, reader } = reading();
    blueprintPhase(state, ctx0);
    expect(reader.directory[2]).toEqual([author.id]);
    for (let d = 0; d < N_DOMAINS; d++) if (d !== 2) expect(reader.directory[d]).toEqual([]);
    blueprintPhase(state, ctx0);
    expect(reader.directory[2]).toEqual([author.id]);
  });

  it('blueprintDirectory_prob 0 never adds to the directory', () => {
    const { state, ctx0, reader } = reading({ blueprintDirectory_prob: 0 });
    for (let t = 0; t < 5; t++) {
      blueprintPhase(state, ctx0);
      state.month += 1;
    }
    expect(formedTies(state, ctx0.events).filter((t) => t.mode === Mode.blueprintUse).length).toBeGreaterThan(0);
    expect(reader.directory[2]).toEqual([]);
  });

  it('an author no more capable than the reader is not noted', () => {
    const { state, ctx0, author, reader, a } = reading();
    setKnowledge(author, 2, 0.3, 0.1, a); // capability below the reader's, though the blueprint (written earlier) leads
    blueprintPhase(state, ctx0);
    expect(formedTies(state, ctx0.events).filter((t) => t.mode === Mode.blueprintUse)).toHaveLength(1);
    expect(reader.directory[2]).toEqual([]);
  });

  it('the directory keeps the eight most recent authors', () => {
    const { state, ctx0, author, reader } = reading();
    reader.directory[2].push(10, 11, 12, 13, 14, 15, 16, 17);
    blueprintPhase(state, ctx0);
    expect(reader.directory[2]).toEqual([11, 12, 13, 14, 15, 16, 17, author.id]);
  });
});
