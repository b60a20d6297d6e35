import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli/main.js');
const root = mkdtempSync(join(tmpdir(), 'lesim-sweeps-'));

/**
 * Small real sweeps: 2 replications a point of a programme funded for two years and run for 40
 * months, so that every headline outcome (some are measured after funding ends) is defined and
 * a sweep takes seconds.
 */
const SCENARIO = 'name: short-programme\ntitle: A two-year programme (a test fixture)\nextends: gde-baseline\nprogramme:\n  funding_end: 2018-12\n';
const SWEEPS = {
  /** 2 x 2 levels: the heatmap's cells, a line through each parameter's level means. */
  factorial: 'design: factorial\nparameters:\n  ownChoicePairing_share: [0.2, 0.9]\n  learningNetworks_count: [4, 10]\n',
  /** 8 points over continuous ranges: loess trends and a binned heatmap. */
  lhs: 'design: latin-hypercube\nsamples: 8\nparameters:\n  tieUse_probPerMonth: { min: 0.1, max: 0.5 }\n  tieHoldingCost_index: { min: 0.01, max: 0.1 }\n  meetingContacts_count: { min: 1, max: 4 }\n',
  /** One swept parameter: no heatmap. */
  single: 'design: factorial\nparameters:\n  learningNetworks_count: [4, 8]\n',
} as const;

export type SweepFixture = keyof typeof SWEEPS;

/** The sweep file of a fixture, written once per test file. */
export function sweepFile(kind: SweepFixture): string {
  const file = join(root, `${kind}.yaml`);
  if (!existsSync(join(root, 'short.yaml'))) writeFileSync(join(root, 'short.yaml'), SCENARIO);
  if (!existsSync(file)) writeFileSync(file, `scenario: short.yaml\nreplications: 2\nseed: 1\nmonths: 40\n${SWEEPS[kind]}`);
  return file;
}

/** A sweep directory written by the compiled `lesim sweep`, made once per test file; also returns what it printed. */
export function makeSweep(kind: SweepFixture, extra: readonly string[] = []): { dir: string; stdout: string; stderr: string } {
  const dir = join(root, [kind, ...extra].join('_').replace(/[^\w-]/g, ''));
  const made = cache.get(dir);
  if (made) return made;
  const r = spawnSync(process.execPath, [CLI, 'sweep', sweepFile(kind), '--out', dir, '--force', ...extra], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`lesim sweep failed: ${r.stderr}`);
  const result = { dir, stdout: r.stdout, stderr: r.stderr };
  cache.set(dir, result);
  return result;
}

const cache = new Map<string, { dir: string; stdout: string; stderr: string }>();
