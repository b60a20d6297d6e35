import { maturity } from '../agents/organization.js';
import { CARE_SETTINGS, STATUSES, Status } from '../model/enums.js';
import type { Params } from '../model/parameters.js';
import type { RunObserver } from '../model/run.js';
import type { State, StepContext } from '../model/state.js';
import { csvLine } from './csv.js';

/** Columns of organizations.csv (docs/outputs.md): one row per organization per calendar year of a replication. */
export const ORGANIZATION_COLUMNS = [
  'replicate', 'year', 'organization', 'cohort', 'setting', 'region', 'grouping',
  'absorptive_capacity', 'maturity', 'time_pressure',
  'ties_formal', 'ties_periodic', 'ties_informal', 'requests_received', 'routine', 'status_comparison',
] as const;

/**
 * Snapshots every organization at the end of each calendar year (and at the run's last month):
 * the state 001 Tables 3 and 4 ask diagnostic questions about. Reads the state only.
 *
 * - ties by formality: the organization's active relationships at the year's end, pairwise ties
 *   it is a side of plus communities with at least one of its staff;
 * - requests received: knowledge requests over the year (search contacts and worked pairing months);
 * - status comparison: for a follower, its self-assessed maturity (own plus its judging bias) minus
 *   its exemplar's, the comparison behind the label effect (> 0: it sees itself equal or ahead);
 *   empty for others.
 */
export class OrganizationRecorder implements RunObserver {
  private rows = '';
  private requests: Float64Array | null = null;

  constructor(
    private readonly p: Params,
    private readonly replicate: number,
  ) {}

  observe(state: State, _ctx: StepContext): void {
    const n = state.orgs.length;
    this.requests ??= new Float64Array(n);
    for (let i = 0; i < n; i++) this.requests[i] += state.orgs[i].requestsThisMonth;
    const t = state.month;
    if (t % 12 !== 11 && t !== this.p.horizon_months - 1) return;
    this.snapshot(state, this.p.startYear_year + Math.floor(t / 12));
    this.requests.fill(0);
  }

  private snapshot(state: State, year: number): void {
    const n = state.orgs.length;
    const ties = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
    for (const id of state.activeTies) {
      const tie = state.ties[id];
      if (tie.ended >= 0) continue;
      if (tie.orgA >= 0) ties[tie.formality][tie.orgA] += 1;
      if (tie.orgB >= 0 && tie.orgB !== tie.orgA) ties[tie.formality][tie.orgB] += 1;
    }
    const seen = new Int32Array(n).fill(-1);
    for (const c of state.communities) {
      if (c.ended >= 0) continue;
      for (const person of c.members) {
        const org = state.people[person].org;
        if (org < 0 || seen[org] === c.id) continue;
        seen[org] = c.id;
        ties[c.formality][org] += 1;
      }
    }
    const comparison = new Float64Array(n).fill(NaN);
    state.programme.pairings.forEach((id, i) => {
      const tie = state.ties[id];
      comparison[tie.orgB] = maturity(state.orgs[tie.orgB]) + state.programme.pairingBias[i] - maturity(state.orgs[tie.orgA]);
    });
    for (const org of state.orgs) {
      const i = org.id;
      this.rows += csvLine([
        this.replicate, year, i, STATUSES[org.status], CARE_SETTINGS[org.setting], org.region, org.grouping,
        org.absorptive, maturity(org), org.timePressure,
        ties[0][i], ties[1][i], ties[2][i], this.requests![i], org.hasRoutine ? 1 : 0, org.status === Status.follower ? comparison[i] : NaN,
      ]);
    }
  }

  /** The rows so far, without header. */
  csv(): string {
    return this.rows;
  }
}
