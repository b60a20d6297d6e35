import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng, distinctColours } from '../charts/png.js';
import { makeSweep } from '../charts/sweepFixtures.js';
import { PARAMETER_NAMES } from '../../src/model/parameters.js';
import { OUTCOMES } from '../../src/model/outcomes.js';

const CLI = resolve(__dirname, '../../dist/cli/main.js');
/** Debian's chromium; never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const root = mkdtempSync(join(tmpdir(), 'lesim-sweep-report-'));

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Seen {
  readonly scrollWidth: number;
  readonly tableRight: number;
  readonly headlineText: string;
  readonly findings: string[];
  readonly figures: string[];
  readonly errors: string[];
  readonly screenshot: Buffer;
}

async function open(file: string): Promise<Seen> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const seen = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: any }).document;
    const table = d.querySelector('table.sweep');
    return {
      scrollWidth: d.documentElement.scrollWidth as number,
      tableRight: table ? (table.getBoundingClientRect().right as number) : -1,
      headlineText: table ? (table.innerText as string) : '',
      findings: [...d.querySelectorAll('p.finding')].map((p: any) => p.innerText as string),
      figures: [...d.querySelectorAll('figure.chart')].map((f: any) => f.id as string),
    };
  });
  const screenshot = await page.screenshot({ fullPage: false, type: 'png' });
  await context.close();
  return { ...seen, errors, screenshot };
}

function report(dir: string, out: string): string {
  const r = spawnSync(process.execPath, [CLI, 'report', dir, '--out', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`lesim report failed: ${r.stderr}`);
  return r.stdout;
}

describe('the report of a sweep directory in Chromium', () => {
  it.each([['factorial'], ['lhs']] as const)('%s: fits 1280 px, says what the sweep found, and its headline table has no raw ids', async (kind) => {
    const file = join(root, `${kind}.html`);
    const stdout = report(makeSweep(kind).dir, file);
    expect(stdout).toContain('report with 2 charts (sweep, sweep-heatmap)');
    const seen = await open(file);
    expect(seen.errors).toEqual([]);
    expect(seen.scrollWidth).toBeLessThanOrEqual(1280);
    expect(seen.tableRight).toBeGreaterThan(0);
    expect(seen.tableRight).toBeLessThanOrEqual(1280);
    expect(seen.figures).toEqual(['chart-sweep', 'chart-sweep-heatmap']);
    // The summary: a paragraph per headline outcome, with its numbers and intervals.
    expect(seen.findings.length).toBe(4);
    // An interval of a mean over few replications can reach below 0 (a t interval), so bounds may be negative.
    for (const f of seen.findings) expect(f).toMatch(/ranged from [\d.,]+ \(95% CI [-−]?[\d.,]+ to [-−]?[\d.,]+\) at point \d+ .* to [\d.,]+ \(95% CI/);
    expect(seen.findings.join(' ')).toMatch(/moved most with/);
    // No parameter or outcome id (ownChoicePairing_share, maturity_end_all) in the headline table.
    const ids = [...PARAMETER_NAMES, ...OUTCOMES].filter((id) => seen.headlineText.includes(id));
    expect(ids).toEqual([]);
    expect(seen.headlineText).toContain('Digital maturity at the end');
    const shot = join(process.env.LESIM_SCREENSHOT_DIR ?? root, `sweep-report-${kind}.png`);
    writeFileSync(shot, seen.screenshot);
    expect(distinctColours(decodePng(readFileSync(shot)))).toBeGreaterThan(50);
  }, 120_000);
});
