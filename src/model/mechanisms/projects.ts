import { capability, setKnowledge } from '../../agents/organization.js';
import { Stage } from '../enums.js';
import { GAIN_INTERNAL, type State, type StepContext } from '../state.js';
import { TIE_ENDED, TIE_ORG_A, TIE_ORG_B, TIE_STRIDE } from '../tieTable.js';

/**
 * Transformation projects (phase 3): per domain, procurement -> adoption -> use/optimization
 * (001 Data Analysis names the stages). The pace of every stage is the organization's project pace
 * of the month (organizations.ts: the staff hours its projects get, funded hours included, with
 * diminishing returns), so a grant speeds projects through the hours it buys (003 Relative Costs).
 * What an organization has learned from others shapes its decisions: it starts a project in a
 * domain sooner the more of the organizations it has relationships with have implemented it (peers'
 * experience), procurement goes faster with codified know-how, adoption with capability. Adoption
 * and use build tacit know-how by doing, and internal routines codify part of it.
 */
export function projectPhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.projects;
  const a = p.codifiedWeight_exponent;
  const nDomains = state.orgs.length > 0 ? state.orgs[0].tacit.length : 0;
  const peers = peerExperience(state, ctx, nDomains);
  for (const org of state.orgs) {
    const pace = org.projectPace;
    const ties = peers.ties[org.id];
    for (let d = 0; d < org.tacit.length; d++) {
      const stage = org.stage[d];
      if (stage === Stage.none) {
        const seen = ties > 0 ? peers.done[org.id * nDomains + d] / ties : 0;
        if (rng() < p.projectStart_probPerMonth * pace * (1 + p.peerExperienceStart_ratio * seen)) {
          org.stage[d] = Stage.procurement;
          org.progress[d] = 0;
        }
        continue;
      }
      if (stage === Stage.procurement) {
        org.progress[d] += (pace * (0.5 + org.codified[d])) / p.procurementDuration_months;
        if (org.progress[d] >= 1) {
          org.stage[d] = Stage.adoption;
          org.progress[d] = 0;
        }
        continue;
      }
      // Systems age out (assumption): a system in use is replaced after systemLife_months on average,
      // and the organization procures again, keeping its know-how. Without it every domain ends
      // in use for good, procurement (and the pilot visits, joint specifications and searches it
      // brings) dies out within a decade, and no steady state exists.
      if (stage === Stage.optimization && rng() < 1 / p.systemLife_months) {
        org.stage[d] = Stage.procurement;
        org.progress[d] = 0;
        continue;
      }
      const doing = stage === Stage.adoption ? 1 : 0.5;
      const tacit = org.tacit[d] + p.learningByDoing_perMonth * pace * doing * (1 - org.tacit[d]);
      const codifiable = tacit - org.codified[d];
      const before = org.capability[d];
      setKnowledge(org, d, codifiable > 0 ? org.codified[d] + p.internalCodification_perMonth * pace * codifiable : org.codified[d], tacit, a);
      ctx.flows[GAIN_INTERNAL] += org.capability[d] - before;
      if (stage === Stage.adoption) {
        org.progress[d] += (pace * (0.4 + capability(org, d))) / p.adoptionDuration_months;
        if (org.progress[d] >= 1) {
          org.stage[d] = Stage.optimization;
          org.progress[d] = 0;
        }
      }
    }
  }
}

/**
 * Per organization, its active relationships with other organizations (ties of any formality
 * joining two organizations) and, per domain, how many of them join it to an organization past
 * procurement there: what it sees of its peers' experience. Counts go in the run's scratch buffers.
 */
export function peerExperience(state: State, ctx: StepContext, nDomains: number): { ties: Float64Array; done: Float64Array } {
  const n = state.orgs.length;
  const scratch = ctx.scratch;
  if (scratch.orgTies.length !== n) scratch.orgTies = new Float64Array(n);
  if (scratch.orgDomainTies.length !== n * nDomains) scratch.orgDomainTies = new Float64Array(n * nDomains);
  if (scratch.orgDomainAdopted.length !== n * nDomains) scratch.orgDomainAdopted = new Uint8Array(n * nDomains);
  const ties = scratch.orgTies;
  const done = scratch.orgDomainTies;
  ties.fill(0);
  done.fill(0);
  const orgs = state.orgs;
  // Stages read once per organization into one flat row, rather than once per tie and end; adding
  // the 0s leaves every count as it was.
  const adopted = scratch.orgDomainAdopted;
  for (let v = 0; v < n; v++) {
    const stage = orgs[v].stage;
    for (let d = 0; d < nDomains; d++) adopted[v * nDomains + d] = stage[d] >= Stage.adoption ? 1 : 0;
  }
  const active = state.activeTies;
  const table = state.tieTable.data;
  for (let i = 0; i < active.length; i++) {
    const o = active[i] * TIE_STRIDE;
    const a = table[o + TIE_ORG_A];
    const b = table[o + TIE_ORG_B];
    if (table[o + TIE_ENDED] >= 0 || a < 0 || b < 0 || a === b) continue;
    ties[a] += 1;
    ties[b] += 1;
    const rowA = a * nDomains;
    const rowB = b * nDomains;
    for (let d = 0; d < nDomains; d++) {
      done[rowA + d] += adopted[rowB + d];
      done[rowB + d] += adopted[rowA + d];
    }
  }
  return { ties, done };
}
