import { blueprintPhase } from './programme/blueprints.js';
import { programmePhase } from './programme/index.js';
import { communityPhase } from './mechanisms/communities.js';
import { intermediaryPhase } from './mechanisms/intermediaries.js';
import { mobilityPhase } from './mechanisms/mobility.js';
import { organizationPhase } from './mechanisms/organizations.js';
import { pairingPhase } from './mechanisms/pairings.js';
import { partnershipPhase } from './mechanisms/partnerships.js';
import { projectPhase } from './mechanisms/projects.js';
import { searchPhase } from './mechanisms/search.js';
import { supplierPhase } from './mechanisms/suppliers.js';
import { tiePhase } from './mechanisms/ties.js';
import type { State, StepContext } from './state.js';

/** One phase of a monthly step. */
export interface Phase {
  readonly name: string;
  readonly run: (state: State, ctx: StepContext) => void;
}

/**
 * The fixed, documented order of a month (docs/ODD.md, Process overview and scheduling).
 * Policy acts first, then organizations take stock, then relationships form, carry knowledge and
 * end, then people move. Time pressure is read from last month's use, so the order within a
 * month never lets one phase see another's time use of the same month.
 */
export const PHASES: readonly Phase[] = [
  { name: 'programme', run: programmePhase },
  { name: 'organizations', run: organizationPhase },
  { name: 'projects', run: projectPhase },
  { name: 'suppliers', run: supplierPhase },
  { name: 'intermediaries', run: intermediaryPhase },
  { name: 'communities', run: communityPhase },
  { name: 'pairings', run: pairingPhase },
  { name: 'partnerships', run: partnershipPhase },
  { name: 'blueprints', run: blueprintPhase },
  { name: 'search', run: searchPhase },
  { name: 'ties', run: tiePhase },
  { name: 'mobility', run: mobilityPhase },
];

export function step(state: State, ctx: StepContext): void {
  for (const phase of PHASES) phase.run(state, ctx);
}
