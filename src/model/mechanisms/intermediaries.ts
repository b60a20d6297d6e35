import { capability, isFunded } from '../../agents/organization.js';
import { Direction, Formality, Influence, Mode, Origin, Stage } from '../enums.js';
import { formTie, joinCommunity, leaveCommunityWhere } from '../relationships.js';
import { binomial, geometricGap } from '../rng.js';
import type { Params } from '../parameters.js';
import { independentNetworkBoost } from '../programme/funding.js';
import { personMask, type State, type StepContext } from '../state.js';
import { TIE_ENDED, TIE_MODE, TIE_STRIDE } from '../tieTable.js';
import { transferKnowledge } from './knowledge.js';

/**
 * Intermediaries (phase 5). Organizations in adoption with low capability hire an independent
 * consultant for a fixed engagement (001: 15 days at GBP 750, "our pseudo blueprint"); the
 * consultant carries tacit know-how from former sites, fully useful on the same supplier's system,
 * and takes the client's know-how on to the next site. Staff join and leave the independent
 * professional network, staying longer the more they are moved by reputation and status.
 */
export function intermediaryPhase(state: State, ctx: StepContext): void {
  consultancy(state, ctx);
  professionalNetworkJoins(state, ctx);
}

function consultancy(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.communities;
  const a = p.codifiedWeight_exponent;
  // Engagements in progress: transfer, and the consultant learns from the client when it ends.
  // The tie table finds them without loading every tie.
  const table = state.tieTable.data;
  for (const id of state.activeTies) {
    if (table[id * TIE_STRIDE + TIE_MODE] !== Mode.consultancy || table[id * TIE_STRIDE + TIE_ENDED] >= 0) continue;
    const tie = state.ties[id];
    const consultant = state.people[tie.personA];
    const client = state.orgs[tie.orgB];
    const d = tie.domain;
    const system = consultant.carriedSuppliers![d] === client.suppliers[d] ? 1 : p.crossSupplierRelevance_share;
    const carried = consultant.carriedTacit!;
    const moved = transferKnowledge(ctx, client.codified[d], carried[d], client, d, system, 0, p.consultancyTacit_rate, 0, Formality.formal);
    tie.tacitFlow += moved.tacit;
    tie.tacitToB += moved.tacit;
    tie.lastUsed = state.month;
    if (state.month + 1 >= tie.endsAt && client.tacit[d] > carried[d]) {
      carried[d] = client.tacit[d];
      consultant.carriedSuppliers![d] = client.suppliers[d];
    }
  }
  if (state.consultants.length === 0) return;
  const consultants = state.consultants;
  const people = state.people;
  // The national subsidy is a lever of the scenario's own years: the decade before 2017 (the
  // spin-up, run without the programme and its national activities) hires without it.
  const subsidy = state.spinningUp ? 0 : p.consultancySubsidy_share;
  const hireScale = 1 + 2 * subsidy;
  for (const client of state.orgs) {
    for (let d = 0; d < client.stage.length; d++) {
      if (client.stage[d] !== Stage.adoption) continue;
      const k = capability(client, d);
      if (k >= 0.5) continue;
      const chance = p.consultancyHire_probPerMonth * (isFunded(client, state.month) ? 2 : 1) * hireScale * (1 - k);
      if (rng() >= chance) continue;
      let best = -1;
      let bestValue = 0;
      for (let i = 0; i < consultants.length; i++) {
        const c = people[consultants[i]];
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
      state.programme.spendNational_gbp += fee * subsidy;
      state.programme.spendConsultancySubsidy_gbp += fee * subsidy;
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

/**
 * The independent professional network's membership turns over (7.12): each month a member
 * leaves with chance `professionalNetworkLeave_probPerMonth` · (1.5 − intrinsic) and a non-member
 * joins with chance `professionalNetworkJoin_probPerMonth` · (0.5 + intrinsic), times the
 * programme's support to independent networks (001 Macroenvironmental; the reputation motive of
 * 001 Individual/Interpersonal Level keeps the motivated in). People leaving the workforce leave
 * with it (7.12). So membership settles where joining balances leaving, at a share
 * j/(j + l) of each kind of person; people start at that share (5), so without the programme the
 * network is at a steady state from the first month. The wider pool of digital health leaders not
 * modelled as individuals turns over the same way, as a count with mean traits (join j, leave l).
 */
export function professionalNetworkJoins(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.communities;
  const network = state.communities[state.professionalNetwork];
  if (!network || network.ended >= 0) return;
  const boost = independentNetworkBoost(p, state.month, state.programme.active);
  const join = p.professionalNetworkJoin_probPerMonth * boost;
  const leave = p.professionalNetworkLeave_probPerMonth;
  // Wider pool: binomial flows; started at the no-programme equilibrium.
  const pool = widerPool(p, state.orgs.length);
  if (state.professionalNetworkWider === undefined) state.professionalNetworkWider = binomial(rng, pool, equilibriumShare(p.professionalNetworkJoin_probPerMonth, leave));
  const wider = state.professionalNetworkWider;
  state.professionalNetworkWider = wider - binomial(rng, wider, leave) + binomial(rng, Math.max(0, pool - wider), Math.min(1, join));
  // Leaving, by thinning at the highest possible rate (1.5 · leave).
  const leavers = ctx.scratch.list;
  leavers.clear();
  const leaveCeiling = Math.min(1, leave * 1.5);
  const members = network.members;
  for (let i = geometricGap(rng, leaveCeiling); i < members.length; i += 1 + geometricGap(rng, leaveCeiling)) {
    const person = state.people[members[i]];
    if (rng() * leaveCeiling < leave * (1.5 - person.intrinsic)) leavers.push(person.id);
  }
  // All leave in one stable pass over the members, which keeps the order of those who stay as
  // one search and splice per leaver did, in time linear in the members (at 10x the population,
  // thousands of members and dozens of leavers a month, the searches were 4% of a replication).
  if (leavers.length > 0) {
    const leaving = personMask(state, ctx);
    for (let k = 0; k < leavers.length; k++) {
      const id = leavers.items[k];
      state.people[id].professionalMember = false;
      leaving[id] = 1;
    }
    leaveCommunityWhere(state, network, (_, person) => leaving[person] === 1);
    for (let k = 0; k < leavers.length; k++) leaving[leavers.items[k]] = 0;
  }
  // Joining: candidates come at the highest possible rate, then each is accepted with its own
  // chance relative to that rate, so only a few people are visited each month.
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

/** Digital health leaders of the wider pool (not modelled as individuals). */
export function widerPool(p: Params, organizations: number): number {
  return Math.round(p.widerDigitalLeaders_perOrganization * organizations);
}

/** Steady-state share of members when joining (per non-member) and leaving (per member) balance. */
export function equilibriumShare(join: number, leave: number): number {
  return join + leave > 0 ? join / (join + leave) : 0;
}
