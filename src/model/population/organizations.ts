import { computeCapability, ORGANIZATION_DOUBLE_FIELDS, type Organization } from '../../agents/organization.js';
import { settleAsDoubles } from '../shapes.js';
import { CareSetting, CARE_SETTINGS, N_DOMAINS, Stage, Status } from '../enums.js';
import type { Params } from '../parameters.js';
import { type Rng, clamp01, normal, shuffle } from '../rng.js';
import type { Grouping } from '../state.js';
import { assignSystems } from './suppliers.js';

/** Settings of all organizations, in proportion to the parameter shares (largest remainder). */
export function settingCounts(p: Params): number[] {
  const shares = [p.acuteShare_share, p.mentalHealthShare_share, p.specialistShare_share, p.communityShare_share, p.ambulanceShare_share];
  const total = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (s / total) * p.organizations_count);
  const counts = exact.map(Math.floor);
  let left = p.organizations_count - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] += 1;
  }
  return counts;
}

/** Size offset by setting: acute trusts are the largest, specialist and mental health smaller. */
const SIZE_OFFSET: Record<CareSetting, number> = {
  [CareSetting.acute]: 0.2,
  [CareSetting.mentalHealth]: -0.2,
  [CareSetting.specialist]: -0.3,
  [CareSetting.community]: -0.1,
  [CareSetting.ambulance]: 0,
};

export function createOrganizations(rng: Rng, p: Params, groupings: readonly Grouping[]): Organization[] {
  const settings: CareSetting[] = [];
  settingCounts(p).forEach((count, setting) => {
    for (let i = 0; i < count; i++) settings.push(setting as CareSetting);
  });
  shuffle(rng, settings);
  // Deal groupings so every grouping gets organizations before any gets a second round.
  const groupingOrder = shuffle(rng, groupings.map((g) => g.id));
  // Built by push, not by map, so the array keeps one hidden class (see State in state.ts).
  const orgs: Organization[] = [];
  for (let id = 0; id < settings.length; id++) {
    const setting = settings[id];
    const grouping = groupings[groupingOrder[id % groupingOrder.length]];
    const logSize = SIZE_OFFSET[setting] + normal(rng, 0, 0.45);
    const base = clamp01(normal(rng, p.initialMaturityMean_index, p.initialMaturitySd_index) + 0.05 * logSize);
    const tacit = new Float64Array(N_DOMAINS);
    const codified = new Float64Array(N_DOMAINS);
    const stage = new Uint8Array(N_DOMAINS);
    const progress = new Float64Array(N_DOMAINS);
    for (let d = 0; d < N_DOMAINS; d++) {
      tacit[d] = clamp01(base + normal(rng, 0, 0.07));
      codified[d] = clamp01(tacit[d] * (0.8 + 0.3 * rng()));
      const k = computeCapability(codified[d], tacit[d], p.codifiedWeight_exponent);
      if (k >= 0.45) stage[d] = Stage.optimization;
      else if (k >= 0.2) {
        stage[d] = Stage.adoption;
        progress[d] = (k - 0.2) / 0.25;
      } else if (rng() < 0.3) stage[d] = Stage.procurement;
    }
    const org: Organization = {
      id,
      name: `${CARE_SETTINGS[setting].replace('_', '-')}-${String(id).padStart(3, '0')}`,
      setting,
      region: grouping.region,
      grouping: grouping.id,
      x_km: grouping.x_km + normal(rng, 0, 15),
      y_km: grouping.y_km + normal(rng, 0, 15),
      logSize,
      suppliers: assignSystems(rng, setting, p.megaSuiteShare_share),
      proactiveSearch: rng() < p.proactiveSearch_share,
      statusSeeking: clamp01(normal(rng, p.statusSeeking_mean, 0.15)),
      status: Status.outside,
      partners: [],
      fundedUntil: -1,
      grant_gbp: 0,
      codified,
      tacit,
      capability: Float64Array.from(tacit, (t, d) => computeCapability(codified[d], t, p.codifiedWeight_exponent)),
      stage,
      progress,
      absorptive: p.absorptiveBase_index,
      experience: 0,
      trainedStaff: 0,
      requestsSmoothed: 0,
      requestsThisMonth: 0,
      hasRoutine: false,
      timeBudget_hours: 0,
      timeUsed_hours: 0,
      timePressure: 0,
      projectHours: 0,
      projectPace: 1,
      fundedHours: 0,
      partnershipUntil: -1,
      hasCcio: rng() < p.initialCcio_share,
      hasCnio: rng() < p.initialCnio_share,
      staff: [],
      directory: Array.from({ length: N_DOMAINS }, () => []),
      firstInformalMonth: -1,
      informalExchanges: 0,
    };
    if (id === 0) settleAsDoubles(org, ORGANIZATION_DOUBLE_FIELDS);
    orgs.push(org);
  }
  return orgs;
}

