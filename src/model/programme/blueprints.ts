import { capability, need, type Organization } from '../../agents/organization.js';
import { DOMAINS, Direction, Formality, Influence, Mode, Origin, Stage, Status } from '../enums.js';
import type { Params } from '../parameters.js';
import { logEvent, mayTie, oneOff } from '../relationships.js';
import { randInt } from '../rng.js';
import { BLUEPRINT_TACIT, type State, type StepContext } from '../state.js';
import { relevance, transferKnowledge } from '../mechanisms/knowledge.js';
import { sendRequest, VIA_DIRECTORY } from '../mechanisms/search.js';

const DIRECTORY_LIMIT = 8;

/**
 * Blueprints. Participating organizations are mandated to write a blueprint for each domain
 * they have taken into use (003 Setting: blueprinting). Any organization with a need may read the
 * most relevant one. What the reader takes from it depends on the reader: its absorptive capacity,
 * the stage of its project (a blueprint serves procurement and implementation, less optimization)
 * and, for the little tacit know-how a document conveys, its own related know-how. A read that
 * leaves a need may lead the reader to contact an author and to note the authors as people to
 * contact later (the directory effect: 001 Spectrum, 003 Evolving Formal Processes); the tacit
 * part of implementation travels through those contacts.
 */
export function blueprintPhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  // Without the programme nobody writes (no organization holds a status) and so nobody reads.
  if (!state.programme.active || state.month < p.blueprintStart_month) return;
  produce(state, ctx);
  read(state, ctx);
}

function produce(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.programme;
  const written = state.programme.blueprintsByDomain;
  // Once funding ends nobody writes (and no draw is made): the organizations need not be visited.
  if (state.month >= p.fundingEnd_month) return;
  for (const org of state.orgs) {
    if (org.status === Status.outside) continue;
    for (let d = 0; d < org.stage.length; d++) {
      if (org.stage[d] < Stage.adoption || rng() >= p.blueprintProduction_probPerMonth) continue;
      if (hasWritten(state, written[d], org.id)) continue;
      written[d].push(state.programme.blueprints.length);
      state.programme.blueprints.push({ author: org.id, domain: d, codified: org.codified[d], tacit: org.tacit[d], month: state.month });
      logEvent(state, ctx, 'programme', 'blueprint_published', org.id, -1, DOMAINS[d]);
    }
  }
}

/** Whether `author` has a blueprint among those listed (a loop, not a closure per check). */
function hasWritten(state: State, listed: readonly number[], author: number): boolean {
  const blueprints = state.programme.blueprints;
  for (let i = 0; i < listed.length; i++) if (blueprints[listed[i]].author === author) return true;
  return false;
}

/**
 * How useful a blueprint is at the reader's stage in the domain (0-1): conceived "for the rapid
 * procurement and implementation of validated technologies" and found useful "as an initial
 * introduction to a topic" (003 Evolving Formal Processes), so full in procurement and adoption,
 * `blueprintOptimizationUse_share` of that in optimization, where what is missing is local know-how.
 */
export function stageUse(p: Params, stage: number): number {
  return stage === Stage.optimization ? p.blueprintOptimizationUse_share : stage === Stage.none ? 0 : 1;
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
      const use = stageUse(p, reader.stage[d]);
      const settingRel = author.setting === reader.setting ? 1 : p.crossSettingRelevance_share;
      const systemRel = relevance(p, author, reader, d);
      // The tacit part: a reader infers from a document only as much as its own related know-how
      // lets it read between the lines (assumption; Cohen & Levinthal's related knowledge).
      const moved = transferKnowledge(ctx, bp.codified, bp.tacit, reader, d, systemRel * use * reader.tacit[d], settingRel * use, p.blueprintTacit_rate, p.blueprintCodified_rate, Formality.formal);
      ctx.flows[BLUEPRINT_TACIT] += moved.tacit;
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
      if (capability(author, d) <= capability(reader, d)) continue;
      // The directory effect: what the read left unanswered (need), times how far the author's
      // experience applies (relevance), moves the reader to contact the author now and to note
      // its authors for later searches (001 Spectrum; 003 Evolving Formal Processes).
      const pull = need(reader, d) * systemRel;
      if (rng() < p.blueprintContact_prob * pull) contactAuthor(state, ctx, reader, author, d);
      const directory = reader.directory[d];
      if (!directory.includes(author.id) && rng() < p.blueprintDirectory_prob * pull) {
        directory.push(author.id);
        if (directory.length > DIRECTORY_LIMIT) directory.shift();
      }
    }
  }
}

/** A reader's staff member emails or phones one of the author's staff: a request (search.ts). */
function contactAuthor(state: State, ctx: StepContext, reader: Organization, author: Organization, d: number): void {
  const rng = ctx.rng.programme;
  if (reader.staff.length === 0 || author.staff.length === 0) return;
  const seeker = reader.staff[randInt(rng, reader.staff.length)];
  const donor = author.staff[randInt(rng, author.staff.length)];
  if (!mayTie(state, ctx, seeker, donor)) return;
  sendRequest(state, ctx, rng, seeker, donor, VIA_DIRECTORY.origin, VIA_DIRECTORY.influence, VIA_DIRECTORY.label, d);
}
