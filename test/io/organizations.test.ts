import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_COLUMNS } from '../../src/io/organizations.js';
import { PARAMETERS } from '../../src/model/parameters.js';
import { lesim, tempDir } from '../cli/cli.js';

/** organizations.csv of lesim run: one row per replicate x year x organization, and only when asked. */
describe('organizations.csv', () => {
  const root = tempDir('lesim-orgs-');

  it('holds every organization at the end of every year of every replication', () => {
    const out = join(root, 'with');
    const r = lesim(['run', 'gde-baseline', '--reps', '2', '--seed', '5', '--months', '30', '--workers', '1', '--no-events', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(out, 'organizations.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(ORGANIZATION_COLUMNS.join(','));
    const orgs = PARAMETERS.organizations_count.default;
    // 30 months: December 2017, December 2018 and the last month (June 2019).
    expect(lines.length - 1).toBe(2 * 3 * orgs);
    const rows = lines.slice(1).map((l) => l.split(','));
    const col = (name: (typeof ORGANIZATION_COLUMNS)[number]) => ORGANIZATION_COLUMNS.indexOf(name);
    expect(new Set(rows.map((x) => x[col('year')]))).toEqual(new Set(['2017', '2018', '2019']));
    expect(new Set(rows.map((x) => x[col('cohort')]))).toEqual(new Set(['exemplar', 'follower', 'outside']));
    for (const x of rows) {
      const m = Number(x[col('maturity')]);
      expect(m).toBeGreaterThanOrEqual(0);
      expect(m).toBeLessThanOrEqual(1);
      // Only followers compare themselves with an exemplar.
      expect(x[col('status_comparison')] === '', x.join(',')).toBe(x[col('cohort')] !== 'follower');
    }
    const exemplarRequests = rows.filter((x) => x[col('cohort')] === 'exemplar').reduce((a, x) => a + Number(x[col('requests_received')]), 0);
    expect(exemplarRequests).toBeGreaterThan(0);
  });

  it('is not written with --no-organizations', () => {
    const out = join(root, 'without');
    const r = lesim(['run', 'gde-baseline', '--reps', '1', '--seed', '5', '--months', '12', '--workers', '1', '--no-events', '--no-organizations', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, 'organizations.csv'))).toBe(false);
  });
});
