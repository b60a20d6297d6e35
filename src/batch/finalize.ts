import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnsembleResult } from '../analysis/ensemble.js';
import { ExactSeries } from '../analysis/exactSeries.js';
import { summariseValues } from '../analysis/stats.js';
import { buildDirectoryAtomically } from '../io/atomic.js';
import { csvLine } from '../io/csv.js';
import { ORGANIZATION_COLUMNS } from '../io/organizations.js';
import { EVENT_COLUMNS, manifestJson, provenanceFields, replicationsCsv, seriesCsv, summaryJson, type RowPrefix, type RunProvenance } from '../io/outputs.js';
import { OUTCOMES, type Outcomes } from '../model/outcomes.js';
import { PARAMETERS } from '../model/parameters.js';
import { FAMILIES, N_CELLS } from '../model/recorder.js';
import { finalizeCompare } from '../compare/finalize.js';
import type { ComparisonRow } from '../compare/compare.js';
import { replicateSeed } from '../model/rng.js';
import { pointStream, type BatchPlan, type Shard } from './plan.js';
import { BatchStore, BatchStoreError } from './store.js';

/** A set of stores that together hold every run of one plan exactly once. */
export interface Sources {
  readonly plan: BatchPlan;
  readonly fingerprint: string;
  readonly shards: number;
  /** The store holding task t is owner[t % shards]. */
  readonly owner: readonly BatchStore[];
}

function describe(shard: Shard): string {
  return `${shard.index + 1}/${shard.count}`;
}

/** Checks that the stores are complete shards of one plan, covering it exactly once. */
export function gatherSources(stores: readonly BatchStore[]): Sources {
  if (stores.length === 0) throw new BatchStoreError('nothing to merge: give the directories of the shards');
  const first = stores[0].readPlan();
  const bySlot = new Map<number, BatchStore>();
  let count = -1;
  for (const store of stores) {
    const { fingerprint, made_with: madeWith, shard: planned } = store.readPlan();
    if (madeWith.lesim_version !== first.made_with.lesim_version) {
      throw new BatchStoreError(`${store.dir}: made by lesim ${madeWith.lesim_version}, ${stores[0].dir} by ${first.made_with.lesim_version}; results of different versions cannot be merged`);
    }
    if (fingerprint !== first.fingerprint) {
      throw new BatchStoreError(`${store.dir}: made by a different command than ${stores[0].dir} (plan ${fingerprint} vs ${first.fingerprint}); shards must share scenario or sweep file, replications, seed and options`);
    }
    const shard = store.readComplete();
    if (!shard) throw new BatchStoreError(`${store.dir}: not finished; run its command again with --resume to complete it`);
    if (shard.index !== planned.index || shard.count !== planned.count) {
      throw new BatchStoreError(`${store.dir}: complete.json says shard ${describe(shard)} but plan.json says ${describe(planned)}; the directory is damaged: run its shard again`);
    }
    if (count >= 0 && shard.count !== count) throw new BatchStoreError(`${store.dir}: shard ${describe(shard)} does not belong with shards of ${count}`);
    count = shard.count;
    if (bySlot.has(shard.index)) throw new BatchStoreError(`${store.dir}: shard ${describe(shard)} is given twice (also ${bySlot.get(shard.index)!.dir})`);
    bySlot.set(shard.index, store);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !bySlot.has(i));
  if (missing.length > 0) throw new BatchStoreError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => describe({ index: i, count })).join(', ')}: merge needs all ${count}`);
  return { plan: first.plan, fingerprint: first.fingerprint, shards: count, owner: Array.from({ length: count }, (_, i) => bySlot.get(i)!) };
}

export interface PointRuns {
  readonly result: EnsembleResult;
  /** Replicate numbers of the successful runs, in order (matches result.outcomes). */
  readonly replicates: readonly number[];
  readonly seeds: readonly { replicate: number; seed: string; ok: boolean }[];
  readonly failures: readonly { replicate: number; seed: string; error: string }[];
}

export function pointRuns(sources: Sources, point: number): PointRuns {
  const { plan, owner, shards } = sources;
  const params = plan.points[point].params;
  const sums = new ExactSeries(params.horizon_months * N_CELLS);
  const holders = new Set<BatchStore>();
  for (let k = 0; k < plan.replicates; k++) holders.add(owner[(point * plan.replicates + k) % shards]);
  // The sums each store holds must be exactly those of the successful runs it has records of:
  // anything else (a lost or stale sums file) would make the series disagree with the outcomes.
  const summed = new Map<BatchStore, Set<number>>([...holders].map((h) => [h, new Set<number>()]));
  for (let k = 0; k < plan.replicates; k++) {
    const store = owner[(point * plan.replicates + k) % shards];
    if (store.readRecord(point, k)?.ok) summed.get(store)!.add(k);
  }
  for (const store of holders) {
    const checkpoint = store.readCheckpoint(point);
    const expected = summed.get(store)!;
    const folded = checkpoint?.folded ?? new Set<number>();
    const same = folded.size === expected.size && [...expected].every((k) => folded.has(k));
    if (!same) {
      throw new BatchStoreError(`${store.dir}: the sums of point ${point} hold ${folded.size} runs but the records show ${expected.size} successful ones; the directory is damaged: run its command again with --resume, or remove it and run again`);
    }
    if (checkpoint && checkpoint.series.size !== sums.size) {
      throw new BatchStoreError(`${store.dir}: the sums of point ${point} have ${checkpoint.series.size} cells but its plan has ${sums.size} (${params.horizon_months} months); they were not made by this plan: remove the directory and run again`);
    }
    if (checkpoint) sums.merge(checkpoint.series);
  }
  const outcomes: Outcomes[] = [];
  const okSeeds: string[] = [];
  const replicates: number[] = [];
  const seeds: { replicate: number; seed: string; ok: boolean }[] = [];
  const failures: { replicate: number; seed: string; error: string }[] = [];
  for (let k = 0; k < plan.replicates; k++) {
    const store = owner[(point * plan.replicates + k) % shards];
    const record = store.readRecord(point, k);
    if (!record) throw new BatchStoreError(`${store.dir}: the record of point ${point}, replicate ${k} is missing; the directory is damaged`);
    const seed = replicateSeed(plan.baseSeed, k, pointStream(plan, point));
    if (record.seed !== seed) {
      throw new BatchStoreError(`${store.dir}: the record of point ${point}, replicate ${k} has seed '${record.seed}' but its plan gives '${seed}'; it was not made by this plan: remove the directory and run its shard again`);
    }
    seeds.push({ replicate: k, seed: record.seed, ok: record.ok });
    if (record.ok) {
      outcomes.push(record.outcomes!);
      okSeeds.push(record.seed);
      replicates.push(k);
    } else failures.push({ replicate: k, seed: record.seed, error: record.error ?? 'unknown error' });
  }
  const result: EnsembleResult = { params, months: params.horizon_months, replications: outcomes.length, baseSeed: plan.baseSeed, seeds: okSeeds, series: sums, outcomes, events: [] };
  return { result, replicates, seeds, failures };
}

export interface FinalizeOutcome {
  readonly failed: number;
  readonly files: readonly string[];
  /** For a plain run: its replications, for the summary printed on stdout. */
  readonly result?: EnsembleResult;
  /** For a comparison: its rows, for the table printed on stdout. */
  readonly comparison?: readonly ComparisonRow[];
}

/**
 * Writes the final output directory of a batch from its store(s): the same bytes whether the
 * runs were made on one machine with any number of workers, resumed, or split into shards.
 */
export function finalizeBatch(stores: readonly BatchStore[], out: string, force: boolean, provenance: RunProvenance, extra: Readonly<Record<string, unknown>> = {}): FinalizeOutcome {
  const sources = gatherSources(stores);
  if (sources.plan.kind === 'compare') return finalizeCompare(sources, pointRuns, out, force, provenance);
  return sources.plan.kind === 'run' ? finalizeRun(sources, out, force, provenance, extra) : finalizeSweep(sources, out, force, provenance, extra);
}

/** Appends each replicate's part file (events by default) to one output file, in replicate order. */
function appendParts(sources: Sources, point: number, replicates: readonly number[], file: string, part: (store: BatchStore, k: number) => string = (s, k) => s.eventsFile(point, k)): void {
  for (const k of replicates) {
    const store = sources.owner[(point * sources.plan.replicates + k) % sources.shards];
    const path = part(store, k);
    if (existsSync(path)) appendFileSync(file, readFileSync(path));
  }
}

function copyRuns(sources: Sources, point: number, replicates: readonly number[], dir: string, name: (k: number) => string): void {
  mkdirSync(dir, { recursive: true });
  for (const k of replicates) {
    const store = sources.owner[(point * sources.plan.replicates + k) % sources.shards];
    copyFileSync(store.runSeriesFile(point, k), join(dir, name(k)));
  }
}

const FAILURE_COLUMNS = ['replicate', 'seed', 'error'];

function finalizeRun(sources: Sources, out: string, force: boolean, provenance: RunProvenance, extra: Readonly<Record<string, unknown>>): FinalizeOutcome {
  const { plan } = sources;
  const runs = pointRuns(sources, 0);
  const files: string[] = [];
  buildDirectoryAtomically(out, force, (temp) => {
    const put = (name: string, text: string) => {
      writeFileSync(join(temp, name), text);
      files.push(name);
    };
    for (const family of FAMILIES) put(`${family}.csv`, seriesCsv(runs.result, family));
    put('replications.csv', replicationsCsv(runs.result, undefined, true, runs.replicates));
    if (plan.keepEvents) {
      put('events.csv', csvLine(EVENT_COLUMNS));
      appendParts(sources, 0, runs.replicates, join(temp, 'events.csv'));
    }
    if (plan.keepOrganizations) {
      put('organizations.csv', csvLine(ORGANIZATION_COLUMNS));
      appendParts(sources, 0, runs.replicates, join(temp, 'organizations.csv'), (s, k) => s.organizationsFile(0, k));
    }
    put('failures.csv', csvLine(FAILURE_COLUMNS) + runs.failures.map((f) => csvLine([f.replicate, f.seed, f.error])).join(''));
    if (plan.keepRuns) {
      copyRuns(sources, 0, runs.replicates, join(temp, 'runs'), (k) => `replicate-${k}.csv`);
      files.push('runs/');
    }
    put('summary.json', summaryJson(plan.scenario, runs.result, { failed_replications: runs.failures.length }));
    const manifest = manifestJson(plan.scenario, runs.result, provenance, [...files, 'manifest.json'], {
      common_random_numbers: plan.crn,
      seed_rule: plan.crn ? 'lesim:<base seed>:<replicate>' : 'lesim:<base seed>:<scenario>:<replicate>',
      seeds: runs.seeds,
      failed_replications: runs.failures.length,
      shards: sources.shards,
      plan_fingerprint: sources.fingerprint,
      ...extra,
    });
    put('manifest.json', manifest);
  });
  return { failed: runs.failures.length, files, result: runs.result };
}

function finalizeSweep(sources: Sources, out: string, force: boolean, provenance: RunProvenance, extra: Readonly<Record<string, unknown>>): FinalizeOutcome {
  const { plan } = sources;
  const swept = plan.sweep!.parameters;
  const files: string[] = [];
  let failed = 0;
  const seeds: { point: number; replicate: number; seed: string; ok: boolean }[] = [];
  buildDirectoryAtomically(out, force, (temp) => {
    const path = (name: string) => join(temp, name);
    const pointColumns = ['point', ...swept];
    writeFileSync(path('points.csv'), csvLine([...pointColumns, 'replications_ok', 'replications_failed']));
    writeFileSync(path('outcomes.csv'), csvLine([...pointColumns, 'outcome', 'mean', 'sd', 'ci_low', 'ci_high', 'n']));
    writeFileSync(path('failures.csv'), csvLine(['point', ...FAILURE_COLUMNS]));
    if (plan.keepEvents) writeFileSync(path('events.csv'), csvLine(['point', ...EVENT_COLUMNS]));
    plan.points.forEach((point, p) => {
      const runs = pointRuns(sources, p);
      const prefix: RowPrefix = { names: pointColumns, values: [p, ...swept.map((name) => point.values[name])] };
      for (const family of FAMILIES) appendFileSync(path(`${family}.csv`), seriesCsv(runs.result, family, prefix, p === 0));
      appendFileSync(path('replications.csv'), replicationsCsv(runs.result, prefix, p === 0, runs.replicates));
      appendFileSync(path('points.csv'), csvLine([...prefix.values, runs.result.replications, runs.failures.length]));
      let rows = '';
      for (const name of OUTCOMES) {
        const s = summariseValues(runs.result.outcomes.map((o) => o[name]));
        rows += csvLine([...prefix.values, name, s.mean, s.sd, s.ciLow, s.ciHigh, s.n]);
      }
      appendFileSync(path('outcomes.csv'), rows);
      appendFileSync(path('failures.csv'), runs.failures.map((f) => csvLine([p, f.replicate, f.seed, f.error])).join(''));
      if (plan.keepEvents) appendParts(sources, p, runs.replicates, path('events.csv'));
      if (plan.keepRuns) copyRuns(sources, p, runs.replicates, path('runs'), (k) => `point-${p}-replicate-${k}.csv`);
      failed += runs.failures.length;
      for (const s of runs.seeds) seeds.push({ point: p, ...s });
    });
    files.push('points.csv', 'outcomes.csv', ...FAMILIES.map((f) => `${f}.csv`), 'replications.csv', 'failures.csv');
    if (plan.keepEvents) files.push('events.csv');
    if (plan.keepRuns) files.push('runs/');
    const summary = {
      kind: 'sweep',
      scenario: plan.scenario.name,
      title: plan.scenario.title,
      design: plan.sweep!.design,
      parameters: swept,
      points: plan.points.length,
      replications: plan.replicates,
      base_seed: plan.baseSeed,
      failed_replications: failed,
    };
    writeFileSync(path('summary.json'), JSON.stringify(summary, null, 2) + '\n');
    files.push('summary.json', 'manifest.json');
    const base = plan.points[0]?.params;
    const manifest = {
      ...provenanceFields(provenance),
      scenario: plan.scenario,
      sweep: plan.sweep,
      points: plan.points.map((p) => ({ point: p.id, values: p.values })),
      replications: plan.replicates,
      base_seed: plan.baseSeed,
      common_random_numbers: plan.crn,
      seed_rule: plan.crn ? 'lesim:<base seed>:<replicate>' : 'lesim:<base seed>:<scenario>/p<point>:<replicate>',
      seeds,
      failed_replications: failed,
      shards: sources.shards,
      plan_fingerprint: sources.fingerprint,
      parameters: base ? Object.fromEntries(Object.entries(base).map(([name, value]) => [name, { value, unit: PARAMETERS[name as keyof typeof PARAMETERS].unit, swept: swept.includes(name) }])) : {},
      files,
      ...extra,
    };
    writeFileSync(path('manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  });
  return { failed, files };
}
