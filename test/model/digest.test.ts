import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lesim, tempDir } from '../cli/cli.js';

/**
 * The pinned digest of fixed-seed outputs. A refactor must leave every byte of these files as it
 * was; a commit that changes the model on purpose regenerates the digest with
 * `LESIM_UPDATE_DIGEST=1 npx vitest run test/model/digest.test.ts` and says so in its message.
 */
const DIGEST_FILE = resolve(__dirname, 'digest.json');
const FILES = ['spectrum.csv', 'modes.csv', 'knowledge_flow.csv', 'maturity.csv', 'network.csv', 'programme.csv', 'replications.csv', 'events.csv', 'summary.json'];
const COMMON = ['--reps', '3', '--seed', '11', '--months', '120', '--workers', '1'];
const CASES: Record<string, readonly string[]> = {
  'gde-baseline': ['gde-baseline'],
  'no-programme': ['no-programme'],
  'same-supplier-pairing': ['gde-baseline', '--set', 'pairing.rule=same-supplier'],
  'secondments-24': ['gde-baseline', '--set', 'intermediaries.secondments_per_year=24'],
};

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('pinned output digest', () => {
  const root = tempDir('lesim-digest-');
  const measured: Record<string, Record<string, string>> = {};
  for (const [name, args] of Object.entries(CASES)) {
    const out = join(root, name);
    const r = lesim(['run', ...args, ...COMMON, '--out', out]);
    if (r.status !== 0) throw new Error(`lesim run ${args.join(' ')} failed: ${r.stderr}`);
    measured[name] = Object.fromEntries(FILES.map((f) => [f, sha256(join(out, f))]));
  }
  if (process.env.LESIM_UPDATE_DIGEST === '1') writeFileSync(DIGEST_FILE, JSON.stringify(measured, null, 2) + '\n');
  const pinned = JSON.parse(readFileSync(DIGEST_FILE, 'utf8')) as typeof measured;

  for (const name of Object.keys(CASES)) {
    it(`${name}: every output file is byte-identical to the pinned digest`, () => {
      expect(measured[name]).toEqual(pinned[name]);
    });
  }
});
