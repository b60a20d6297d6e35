import type { EnsembleResult } from '../analysis/ensemble.js';
import { ExactSeries } from '../analysis/exactSeries.js';
import type { Summary } from '../analysis/stats.js';
import { monthDate } from '../io/csv.js';
import { outcomeSummaries } from '../io/outputs.js';
import type { RunData, SeriesRow } from '../load/run.js';
import { OUTCOMES, type Outcomes } from '../model/outcomes.js';
import { PARAMETERS, PARAMETER_NAMES, type Params } from '../model/parameters.js';
import { CELLS, FAMILIES, N_CELLS, type Family } from '../model/recorder.js';
import { replicateSeed } from '../model/rng.js';

const UNDEFINED_OUTCOMES = Object.fromEntries(OUTCOMES.map((name) => [name, NaN])) as unknown as Outcomes;

/**
 * The replications of one scenario as they arrive, month by month, from the page's workers. Each
 * month keeps exact sums (the same fixed-point sums as `lesim run`), so the statistics of the
 * months every replication has reached are those `lesim run --months <that many>` writes, byte
 * for byte, whatever order the workers answer in.
 */
export class LiveEnsemble {
  private readonly sums: ExactSeries[] = [];
  private readonly received: number[];
  private readonly outcomes: Outcomes[];
  /** Series rows of months every replication has reached: they no longer change. */
  private readonly rows: Record<Family, SeriesRow[]> = Object.fromEntries(FAMILIES.map((f) => [f, []])) as unknown as Record<Family, SeriesRow[]>;
  private rowsMonths = 0;

  constructor(
    readonly params: Params,
    readonly baseSeed: number,
    readonly replications: number,
  ) {
    this.received = new Array<number>(replications).fill(0);
    this.outcomes = new Array<Outcomes>(replications).fill(UNDEFINED_OUTCOMES);
  }

  get horizon(): number {
    return this.params.horizon_months;
  }

  /** Months every replication has reached. */
  get months(): number {
    return Math.min(...this.received);
  }

  /** Replications that reached the horizon. */
  get finished(): number {
    return this.received.filter((m) => m === this.horizon).length;
  }

  /** Rows of months `from`, `from + 1`, ... of one replication (months x N_CELLS values), in order. */
  add(replicate: number, from: number, rows: Float64Array, outcomes: Outcomes): void {
    if (from !== this.received[replicate]) throw new Error(`replicate ${replicate}: got month ${from}, expected ${this.received[replicate]}`);
    const months = rows.length / N_CELLS;
    for (let k = 0; k < months; k++) {
      const month = from + k;
      (this.sums[month] ??= new ExactSeries(N_CELLS)).add(rows.subarray(k * N_CELLS, (k + 1) * N_CELLS));
    }
    this.received[replicate] = from + months;
    this.outcomes[replicate] = outcomes;
  }

  private cell(index: number): Summary {
    return this.sums[Math.floor(index / N_CELLS)].get(index % N_CELLS);
  }

  /** The ensemble so far, as `lesim run` holds it: what its output functions (series CSV) take. */
  result(): EnsembleResult {
    const months = this.months;
    const seeds = this.outcomes.map((_, k) => replicateSeed(this.baseSeed, k));
    return {
      params: this.params,
      months,
      replications: this.replications,
      baseSeed: this.baseSeed,
      seeds,
      series: { size: months * N_CELLS, get: (i) => this.cell(i) },
      outcomes: this.outcomes,
      events: [],
    };
  }

  /** Outcomes of each replication as measured at the last month it reached (undefined before its first). */
  outcomesSoFar(): readonly Outcomes[] {
    return this.outcomes;
  }

  /** The ensemble so far as a run directory would read (RunData), for the chart library. */
  runData(scenario: { readonly name: string; readonly title: string }): RunData {
    const result = this.result();
    for (; this.rowsMonths < result.months; this.rowsMonths++) {
      const month = this.rowsMonths;
      const date = monthDate(this.params.startYear_year, month);
      CELLS.forEach((cell, c) => {
        const s = this.cell(month * N_CELLS + c);
        this.rows[cell.family].push({ month, date, keys: cell.keys, mean: s.mean, sd: s.sd, ciLow: s.ciLow, ciHigh: s.ciHigh, n: s.n });
      });
    }
    const series = Object.fromEntries(FAMILIES.map((f) => [f, this.rows[f].slice()])) as unknown as RunData['series'];
    return {
      dir: `lesim explore: ${scenario.name}`,
      manifest: {
        tool: 'lesim',
        lesim_version: '',
        git_commit: '',
        node_version: '',
        command: [],
        started_at: '',
        finished_at: '',
        scenario: { name: scenario.name, title: scenario.title, description: '', sources: [], overrides: {} },
        replications: this.replications,
        months: result.months,
        base_seed: this.baseSeed,
        seeds: result.seeds.map((seed, replicate) => ({ replicate, seed })),
        parameters: Object.fromEntries(PARAMETER_NAMES.map((name) => [name, { value: this.params[name], unit: PARAMETERS[name].unit }])),
        files: [],
      },
      summary: { scenario: scenario.name, title: scenario.title, replications: this.replications, months: result.months, base_seed: this.baseSeed, outcomes: outcomeSummaries(result) },
      series,
      replications: [],
    };
  }
}
