import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli/main.js');

/** Small real runs: 2 replications, 96 months (past funding end at month 84, so survival is defined). */
export const SMALL_RUN = ['--reps', '2', '--months', '96'];

const root = mkdtempSync(join(tmpdir(), 'lesim-charts-'));

/** A run directory written by the compiled `lesim run`, made once per test file. */
export function makeRun(scenario: 'gde-baseline' | 'no-programme', extra: readonly string[] = []): string {
  const out = join(root, [scenario, ...extra].join('_').replace(/[^\w-]/g, ''));
  if (existsSync(join(out, 'manifest.json'))) return out;
  const r = spawnSync(process.execPath, [CLI, 'run', scenario, ...SMALL_RUN, ...extra, '--out', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`lesim run failed: ${r.stderr}`);
  return out;
}

const HEADER =
  'scenario,baseline,outcome,unit,baseline_mean,scenario_mean,difference_mean,difference_ci_low,difference_ci_high,n,extra_cost_gbp,cost_per_unit_gbp,cost_per_unit_ci_low_gbp,cost_per_unit_ci_high_gbp';

/**
 * A comparison directory in the format `lesim compare` is specified to write (comparison.csv with
 * the agreed columns, one row per scenario x outcome, cost columns empty when undefined). A
 * fixture until compare lands.
 */
export function makeComparison(rows?: readonly string[]): string {
  const dir = mkdtempSync(join(root, 'comparison-'));
  mkdirSync(dir, { recursive: true });
  const body = rows ?? [
    'no-programme,gde-baseline,maturity_end_outside,maturity (0-1),0.554,0.532,-0.022,-0.026,-0.018,10,-395000000,,,',
    'no-programme,gde-baseline,informal_active_funding_end,relationships,1756,1020,-736,-820,-652,10,-395000000,536684.8,481707.3,605828.2',
    'no-programme,gde-baseline,networks_profession_surviving,networks,3,0,-3,-3,-3,10,-395000000,131666666.7,131666666.7,131666666.7',
    'double-funding,gde-baseline,maturity_end_outside,maturity (0-1),0.554,0.561,0.007,0.002,0.012,10,395000000,56428571428,32916666667,197500000000',
    'double-funding,gde-baseline,informal_active_funding_end,relationships,1756,2101,345,280,410,10,395000000,1144927.5,963414.6,1410714.3',
    'double-funding,gde-baseline,networks_profession_surviving,networks,3,3,0,0,0,10,395000000,,,',
  ];
  writeFileSync(join(dir, 'comparison.csv'), `${HEADER}\n${body.join('\n')}\n`);
  writeFileSync(join(dir, 'comparison.json'), '{}\n');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ tool: 'lesim', lesim_version: '0.1.0', git_commit: 'fixture' }));
  return dir;
}
