import { capability, isFunded } from '../../agents/organization.js';
import { Direction, Formality, Influence, Mode, Origin, Stage } from '../enums.js';
import { formTie, joinCommunity } from '../relationships.js';
import { geometricGap } from '../rng.js';
import { independentNetworkBoost } from '../programme/funding.js';
import type { State, StepContext } from '../state.js';
import { transferKnowledge } from './knowledge.js';

/**
 * Intermediaries (phase 5). Organizations in adoption with low capability hire an independent
 * consultant for a fixed engagement (001: 15 days at GBP 750, "our pseudo blueprint"); the
 * consultant carries tacit know-how from former sites, fully useful on the same supplier's system,
 * and takes the client's know-how on to the next site. Staff join the independent professional
 * network over time, more so the more they are moved by reputation and status.
 */
export function intermediaryPhase(state: State, ctx: StepContext): void {
  consultancy(state, ctx);
  professionalNetworkJoins(state, ctx);
}

function consultancy(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.communities;
  const a = p.codifiedWeight_exponent;
  const consultants = state.people.filter((x) => x.org === -1 && x.carriedTacit !== null);
  // Engagements in progress: transfer, and the consultant learns from the client when it ends.
  for (const id of state.activeTies) {
    const tie = state.ties[id];
    if (tie.mode !== Mode.consultancy || tie.ended >= 0) continue;
    const consultant = state.people[tie.personA];
    const client = state.orgs[tie.orgB];
    const d = tie.domain;
    const system = consultant.carriedSuppliers![d] === client.suppliers[d] ? 1 : p.crossSupplierRelevance_share;
    const carried = consultant.carriedTacit!;
    const moved = transferKnowledge(ctx, client.codified[d], carried[d], client, d, system, 0, p.consultancyTacit_rate, 0, Formality.formal);
    tie.tacitFlow += moved.tacit;
    tie.lastUsed = state.month;
    if (state.month + 1 >= tie.endsAt && client.tacit[d] > carried[d]) {
      carried[d] = client.tacit[d];
      consultant.carriedSuppliers![d] = client.suppliers[d];
    }
  }
  if (consultants.length === 0) return;
  const hireScale = 1 + 2 * p.consultancySubsidy_share;
  for (const client of state.orgs) {
    for (let d = 0; d < client.stage.length; d++) {
      if (client.stage[d] !== Stage.adoption) continue;
      const k = capability(client, d);
      if (k >= 0.5) continue;
      const chance = p.consultancyHire_probPerMonth * (isFunded(client, state.month) ? 2 : 1) * hireScale * (1 - k);
      if (rng() >= chance) continue;
      let best = -1;
      let bestValue = 0;
      for (const c of consultants) {
        if (c.engagedUntil > state.month) continue;
        const value = (c.carriedTacit![d] - client.tacit[d]) * (c.carriedSuppliers![d] === client.suppliers[d] ? 1 : p.crossSupplierRelevance_share);
        if (value > bestValue) {
          bestValue = value;
          best = c.id;
        }
      }
      if (best < 0) continue;
      state.people[best].engagedUntil = state.month + p.consultancyTerm_months;
      const fee = p.consultancyDays_count * p.consultancyDayRate_gbp;
      state.programme.spendConsultancy_gbp += fee;
      state.programme.spendNational_gbp += fee * p.consultancySubsidy_share;
      state.programme.spendConsultancySubsidy_gbp += fee * p.consultancySubsidy_share;
      formTie(state, ctx, {
        mode: Mode.consultancy,
        formality: Formality.formal,
        origin: Origin.intermediary,
        influence: Influence.enable,
        direction: Direction.oneWay,
        orgA: -1,
        orgB: client.id,
        personA: best,
        personB: -1,
        domain: d,
        endsAt: state.month + p.consultancyTerm_months,
        trust: 0.5,
      }, `fee_gbp=${fee}`);
      break;
    }
  }
}

function professionalNetworkJoins(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.communities;
  const network = state.communities[state.professionalNetwork];
  if (!network || network.ended >= 0) return;
  // Thinning: candidates come at the highest possible rate, then each is accepted with its own
  // chance relative to that rate, so only a few people are visited each month.
  const join = p.professionalNetworkJoin_probPerMonth * independentNetworkBoost(p, state.month, state.programme.active);
  const ceiling = Math.min(1, join * 1.5);
  for (let id = geometricGap(rng, ceiling); id < state.people.length; id += 1 + geometricGap(rng, ceiling)) {
    const person = state.people[id];
    if (person.org < 0 || person.professionalMember) continue;
    if (rng() * ceiling < join * (0.5 + person.intrinsic)) {
      person.professionalMember = true;
      joinCommunity(state, network, person.id);
    }
  }
}
