import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lesim, tempDir } from './cli/cli.js';

const README = readFileSync(resolve(__dirname, '../README.md'), 'utf8');

/** Every `npx lesim ...` command in the README's sh blocks, without comments or a leading `npm ci &&`. */
function readmeCommands(): string[][] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .flatMap((b) => b.split('\n'))
    .map((line) => line.replace(/#.*$/, '').replace(/^npm ci && /, '').trim())
    .filter((line) => line.startsWith('npx lesim '))
    // lesim explore serves until stopped; test/explore/browser.test.ts runs it.
    .filter((line) => !line.startsWith('npx lesim explore'))
    .map((line) => line.slice('npx lesim '.length).split(/\s+/));
}

/**
 * The output the README shows after a command: a ```text block right after a ```sh block of one
 * command, dedented, keyed by the command as written, so that shown output cannot go stale.
 */
function shownOutputs(): Map<string, string> {
  const shown = new Map<string, string>();
  for (const m of README.matchAll(/( *)```sh\n((?:(?!```)[\s\S])*?)\1```\n\n\1```text\n([\s\S]*?)\1```/g)) {
    const commands = m[2].split('\n').map((l) => l.trim()).filter((l) => l.startsWith('npx lesim '));
    if (commands.length !== 1) continue;
    const text = m[3].split('\n').map((l) => l.slice(m[1].length).trimEnd()).join('\n').trim();
    shown.set(commands[0].slice('npx lesim '.length), text);
  }
  return shown;
}

describe('README', () => {
  it('gives the two quick-start commands', () => {
    expect(README).toContain('npm ci && npx lesim run gde-baseline');
    expect(README).toContain('npm ci && npm test');
  });

  it('runs as `npx lesim` from a checkout (the bin is executable)', () => {
    const r = spawnSync('npx', ['--no-install', 'lesim', '--version'], { cwd: resolve(__dirname, '..'), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has examples that run as written', () => {
    const commands = readmeCommands();
    expect(commands.length).toBeGreaterThanOrEqual(5);
    const cwd = tempDir('lesim-readme-');
    // The README's paths to example files are relative to a checkout.
    cpSync(resolve(__dirname, '../examples'), join(cwd, 'examples'), { recursive: true });
    const shown = shownOutputs();
    expect(shown.size).toBeGreaterThanOrEqual(2);
    for (const args of commands) {
      const r = lesim(args, cwd);
      expect(r.status, `lesim ${args.join(' ')}\n${r.stderr}`).toBe(0);
      const text = shown.get(args.join(' '));
      if (text !== undefined) expect(r.stdout.split('\n').map((l) => l.trimEnd()).join('\n').trim(), `the output the README shows after lesim ${args.join(' ')}`).toBe(text);
    }
    expect(readdirSync(join(cwd, 'runs')).length).toBeGreaterThanOrEqual(3);
  });
});
