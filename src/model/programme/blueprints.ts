import { capability, need } from '../../agents/organization.js';
import { Direction, DOMAINS, Formality, Influence, Mode, Origin, Stage, Status } from '../enums.js';
import { logEvent, oneOff } from '../relationships.js';
import type { State, StepContext } from '../state.js';
import { relevance, transferKnowledge } from '../mechanisms/knowledge.js';

const DIRECTORY_LIMIT = 8;

/**
 * Blueprints. Participating organizations are mandated to write a blueprint for each domain
 * they have taken into use (003 Setting: blueprinting). Any organization with a need may read the
 * most relevant one: a blueprint moves codified knowledge only, and the reader may note its
 * authors as people to contact (the directory effect: 001 Spectrum, 003 Evolving Formal Processes).
 */
export function blueprintPhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  if (state.month < p.blueprintStart_month) return;
  produce(state, ctx);
  read(state, ctx);
}

function produce(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.programme;
  const written = state.programme.blueprintsByDomain;
  for (const org of state.orgs) {
    if (org.status === Status.outside || state.month >= p.fundingEnd_month) continue;
    for (let d = 0; d < org.stage.length; d++) {
      if (org.stage[d] < Stage.adoption || rng() >= p.blueprintProduction_probPerMonth) continue;
      if (written[d].some((i) => state.programme.blueprints[i].author === org.id)) continue;
      written[d].push(state.programme.blueprints.length);
      state.programme.blueprints.push({ author: org.id, domain: d, codified: org.codified[d], month: state.month });
      logEvent(state, ctx, 'programme', 'blueprint_published', org.id, -1, DOMAINS[d]);
    }
  }
}

function read(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.programme;
  const { blueprints, blueprintsByDomain } = state.programme;
  for (const reader of state.orgs) {
    for (let d = 0; d < reader.stage.length; d++) {
      const list = blueprintsByDomain[d];
      if (list.length === 0 || need(reader, d) <= 0 || rng() >= p.blueprintRead_probPerMonth * need(reader, d)) continue;
      let best = -1;
      let bestValue = 0;
      for (const i of list) {
        const bp = blueprints[i];
        if (bp.author === reader.id) continue;
        const value = (bp.codified - reader.codified[d]) * relevance(p, state.orgs[bp.author], reader, d);
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      }
      if (best < 0) continue;
      const bp = blueprints[best];
      const author = state.orgs[bp.author];
      const settingRel = author.setting === reader.setting ? 1 : p.crossSettingRelevance_share;
      transferKnowledge(ctx, bp.codified, 0, reader, d, 0, settingRel, 0, p.blueprintCodified_rate, Formality.formal);
      oneOff(state, ctx, {
        mode: Mode.blueprintUse,
        formality: Formality.formal,
        origin: Origin.policy,
        influence: Influence.mandate,
        direction: Direction.oneWay,
        orgA: author.id,
        orgB: reader.id,
        personA: -1,
        personB: -1,
        domain: d,
        endsAt: state.month,
        trust: 0,
      });
      const directory = reader.directory[d];
      if (capability(author, d) > capability(reader, d) && !directory.includes(author.id) && rng() < p.blueprintDirectory_prob) {
        directory.push(author.id);
        if (directory.length > DIRECTORY_LIMIT) directory.shift();
      }
    }
  }
}
