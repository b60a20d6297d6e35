import { capability, setKnowledge } from '../../agents/organization.js';
import { fundedIntensityIn, monthFactors } from '../programme/funding.js';
import { Stage } from '../enums.js';
import type { State, StepContext } from '../state.js';

/**
 * Transformation projects (phase 3): per domain, procurement -> adoption -> use/optimization
 * (001 Data Analysis names the stages). Progress in adoption speeds up with capability, so know-how
 * learned from others shortens projects; adoption and use build tacit know-how by doing, and
 * internal routines codify part of it. Funding speeds all of it (003 Relative Costs).
 */
export function projectPhase(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.projects;
  const a = p.codifiedWeight_exponent;
  const factors = monthFactors(state, ctx);
  for (const org of state.orgs) {
    const speed = 1 + p.fundedSpeedup_ratio * fundedIntensityIn(org, state.month, factors);
    for (let d = 0; d < org.tacit.length; d++) {
      const stage = org.stage[d];
      if (stage === Stage.none) {
        if (rng() < p.projectStart_probPerMonth * speed) {
          org.stage[d] = Stage.procurement;
          org.progress[d] = 0;
        }
        continue;
      }
      if (stage === Stage.procurement) {
        org.progress[d] += (speed * (0.5 + org.codified[d])) / p.procurementDuration_months;
        if (org.progress[d] >= 1) {
          org.stage[d] = Stage.adoption;
          org.progress[d] = 0;
        }
        continue;
      }
      const doing = stage === Stage.adoption ? 1 : 0.5;
      const tacit = org.tacit[d] + p.learningByDoing_perMonth * speed * doing * (1 - org.tacit[d]);
      const codifiable = tacit - org.codified[d];
      setKnowledge(org, d, codifiable > 0 ? org.codified[d] + p.internalCodification_perMonth * speed * codifiable : org.codified[d], tacit, a);
      if (stage === Stage.adoption) {
        org.progress[d] += (speed * (0.4 + capability(org, d))) / p.adoptionDuration_months;
        if (org.progress[d] >= 1) {
          org.stage[d] = Stage.optimization;
          org.progress[d] = 0;
        }
      }
    }
  }
}
