import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lesim, tempDir } from '../cli/cli.js';

const DOC = readFileSync(resolve(__dirname, '../../docs/research.md'), 'utf8');

/** Every `npx lesim ...` line of the walk-through's sh blocks, in order. */
function commands(): string[][] {
  return [...DOC.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1].split('\n'))
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.startsWith('npx lesim '))
    .map((line) => (line.slice('npx lesim '.length).match(/"[^"]*"|\S+/g) ?? []).map((a) => a.replace(/^"|"$/g, '')));
}

describe('docs/research.md', () => {
  it('runs its walk-through as written, from question to result (tiny sizes)', () => {
    const list = commands();
    expect(list.map((c) => c[0])).toEqual(['reps', 'sensitivity', 'sensitivity', 'discover', 'propositions', 'propositions', 'propositions', 'propositions', 'calibrate', 'calibrate', 'run', 'patterns']);
    const cwd = tempDir('lesim-research-doc-');
    cpSync(resolve(__dirname, '../../examples'), join(cwd, 'examples'), { recursive: true });
    for (const args of list) {
      const r = lesim(args, cwd);
      expect(r.status, `lesim ${args.join(' ')}\n${r.stderr}`).toBe(0);
      // --status after a finished run: done, and the results are where the command wrote them.
      if (args.includes('--status')) expect(r.stdout).toMatch(/^done: research\/(propositions|calibrate) holds the results$/m);
    }
    for (const f of ['reps/reps.csv', 'reps/reps-maturity_end_all.png', 'morris/sensitivity.csv', 'morris/over-time.png', 'morris/morris-maturity_end_all.png', 'sobol/sobol-maturity_end_all.png', 'discover/box.csv', 'discover/tradeoff.png', 'propositions/propositions.csv', 'propositions/effects.png', 'mine/propositions.csv', 'calibrate/posterior.csv', 'calibrate/pairs.png', 'calibrate/calibrated.yaml', 'calibrated-run/summary.json', 'calibrated-patterns/patterns.json']) {
      expect(existsSync(join(cwd, 'research', f)), f).toBe(true);
    }
    // The calibrated parameters reach every configuration of lesim patterns.
    const calibrated = JSON.parse(readFileSync(join(cwd, 'research/calibrate/calibrate.json'), 'utf8')) as { median: Record<string, number> };
    const checked = JSON.parse(readFileSync(join(cwd, 'research/calibrated-patterns/patterns.json'), 'utf8')) as { parameters: Record<string, number> };
    expect(checked.parameters).toEqual(calibrated.median);
    const props = readFileSync(join(cwd, 'research/propositions/propositions.csv'), 'utf8').trim().split('\n');
    expect(props).toHaveLength(3);
    expect(props[1]).toMatch(/^p6-absorptive-capacity,.*,(supported|contradicted|inconclusive)$/);
    const sobol = JSON.parse(readFileSync(join(cwd, 'research/sobol/sensitivity.json'), 'utf8')) as { runs: number; outcomes: { warnings: string[] }[] };
    expect(sobol.runs).toBe(16 * 4);
    // Sixteen base samples are still few: the command says so.
    expect(sobol.outcomes[0].warnings.join(' ')).toMatch(/base samples/);
  });
});
