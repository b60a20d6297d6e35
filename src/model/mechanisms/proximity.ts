import type { Organization } from '../../agents/organization.js';
import { Domain, Status } from '../enums.js';
import type { Params } from '../parameters.js';
import { distance_km } from '../distance.js';
import { hasPair } from '../pairSet.js';
import type { State } from '../state.js';
import { nationalCostFactor } from '../programme/funding.js';
import { nationalActive } from './knowledge.js';

/**
 * Cost of establishing and keeping contact between two organizations: log-linear in the
 * dimensions of proximity (003 Contextual Factors; 001 Interorganizational Level; Balland et al.),
 * lowered while national activities run, by more in a year given more of their budget (003 Relative Costs).
 */
export function contactCost(state: State, p: Params, a: Organization, b: Organization, national = nationalActive(state, p) ? nationalCostFactor(p, state.month) : 1): number {
  let log = (p.distanceCost_per100km * distance_km(a, b)) / 100;
  if (a.grouping === b.grouping) log -= p.sameGroupingCost_logRatio;
  if (a.suppliers[Domain.epr] === b.suppliers[Domain.epr]) log -= p.sameSupplierCost_logRatio;
  if (a.setting === b.setting) log -= p.sameSettingCost_logRatio;
  log += p.sizeDissimilarityCost_logRatio * Math.abs(a.logSize - b.logSize);
  if (hasPair(state.pairEver, state.orgs.length, a.id, b.id)) log -= p.priorTieCost_logRatio;
  if (a.status === b.status && a.status !== Status.outside) log -= p.sameStatusCost_logRatio;
  return p.contactCost_index * Math.exp(log) * national;
}

/** Fit of a programme pairing, 0-1: shared core system, shared grouping, nearness (003 Results). */
export function pairingFit(state: State, a: Organization, b: Organization): number {
  return (
    (a.suppliers[Domain.epr] === b.suppliers[Domain.epr] ? 0.4 : 0) +
    (a.grouping === b.grouping ? 0.3 : 0) +
    0.3 * Math.exp(-distance_km(a, b) / 100)
  );
}
