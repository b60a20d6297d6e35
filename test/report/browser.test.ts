import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeComparison, makeRun } from '../charts/fixtures.js';
import { decodePng, distinctColours } from '../charts/png.js';

const CLI = resolve(__dirname, '../../dist/cli/main.js');
/** Debian's chromium; never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const HOSTILE = `<script>window.__pwned = 1</script><img src="https://example.invalid/x.png" onerror="window.__pwned = 2">&amp; "quoted"`;

let browser: Browser;
const root = mkdtempSync(join(tmpdir(), 'lesim-report-'));

function report(dir: string, out: string): void {
  const r = spawnSync(process.execPath, [CLI, 'report', dir, '--out', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`lesim report failed: ${r.stderr}`);
}

/** A run whose scenario strings try to inject markup, as a hand-written scenario file could. */
function hostileRun(): string {
  const dir = join(root, 'hostile-run');
  cpSync(makeRun('gde-baseline'), dir, { recursive: true });
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.scenario = { ...manifest.scenario, name: `evil${HOSTILE}`, title: `Title ${HOSTILE}`, description: `Description ${HOSTILE}`, sources: [`Source ${HOSTILE}`], overrides: { [`param${HOSTILE}`]: HOSTILE } };
  manifest.command = ['lesim', 'run', HOSTILE];
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return dir;
}

interface PageCheck {
  readonly external: string[];
  readonly errors: string[];
  readonly screenshot: Buffer;
  readonly marksPerFigure: { id: string; marks: number; width: number }[];
  readonly pwned: unknown;
  readonly scripts: number;
  readonly text: string;
}

/** Opens a report in Chromium, watching every request and console message. */
async function openReport(file: string): Promise<PageCheck> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  // Every request is seen here; any that is not the file itself or inline data is a leak, and is blocked.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file:') && !url.startsWith('data:') && !external.includes(url)) external.push(url);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const marksPerFigure = await page.$$eval('figure.chart', (figs) =>
    figs.map((f) => ({
      id: f.id,
      // Data marks are Vega groups with the role "mark"; their drawn children are paths, lines, text.
      marks: f.querySelectorAll('svg g[class*="role-mark"] > path, svg g[class*="role-mark"] > line, svg g[class*="role-mark"] > text').length,
      width: f.querySelector('svg')?.getBoundingClientRect().width ?? 0,
    })),
  );
  const pwned = await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned);
  const scripts = await page.$$eval('script', (s) => s.length);
  const text = await page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText);
  const screenshot = await page.screenshot({ fullPage: false, type: 'png' });
  await context.close();
  return { external, errors, screenshot, marksPerFigure, pwned, scripts, text };
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
});

describe('lesim report in Chromium', () => {
  it('loads a run report offline with no console errors, every chart drawn, and a non-blank screenshot', async () => {
    const file = join(root, 'run-report.html');
    report(makeRun('gde-baseline'), file);
    const check = await openReport(file);
    expect(check.external).toEqual([]);
    expect(check.errors).toEqual([]);
    expect(check.marksPerFigure.map((f) => f.id)).toEqual(['chart-formation', 'chart-spectrum', 'chart-maturity', 'chart-network', 'chart-survival']);
    for (const f of check.marksPerFigure) {
      expect(f.marks, f.id).toBeGreaterThanOrEqual(4);
      expect(f.width, f.id).toBeGreaterThan(300);
    }
    expect(check.text).toContain('Main results');
    expect(check.text).toMatch(/95% CI/);
    expect(check.text).toContain('Provenance');
    expect(check.text).toContain('lesim:1:0');
    const screenshotFile = join(process.env.LESIM_SCREENSHOT_DIR ?? root, 'report.png');
    writeFileSync(screenshotFile, check.screenshot);
    const pixels = decodePng(readFileSync(screenshotFile));
    expect(pixels.width).toBe(1100);
    expect(distinctColours(pixels)).toBeGreaterThan(50);
    const blank = await browser.newPage();
    const blankPixels = decodePng(await blank.screenshot({ type: 'png' }));
    await blank.close();
    expect(distinctColours(blankPixels)).toBeLessThanOrEqual(2);
  });

  it('shows scenario strings as text, never as markup', async () => {
    const file = join(root, 'hostile-report.html');
    report(hostileRun(), file);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    const check = await openReport(file);
    expect(check.pwned).toBeUndefined();
    expect(check.scripts).toBe(0);
    expect(check.external).toEqual([]);
    expect(check.errors).toEqual([]);
    expect(check.text).toContain('<script>window.__pwned = 1</script>');
    expect(check.text).toContain('&amp; "quoted"');
  });

  it('loads a comparison report with its charts', async () => {
    const file = join(root, 'comparison-report.html');
    report(makeComparison(), file);
    const check = await openReport(file);
    expect(check.external).toEqual([]);
    expect(check.errors).toEqual([]);
    expect(check.marksPerFigure.map((f) => f.id)).toEqual(['chart-difference', 'chart-cost']);
    for (const f of check.marksPerFigure) expect(f.marks, f.id).toBeGreaterThan(3);
    expect(distinctColours(decodePng(check.screenshot))).toBeGreaterThan(50);
  });
});

describe('the comparison report as a briefing, in Chromium at 1280 px', () => {
  it('has a summary paragraph, headline outcomes by label (no raw ids), and fits 1280 px', async () => {
    const dir = join(root, 'real-comparison');
    const run = spawnSync(process.execPath, [CLI, 'compare', 'gde-baseline', 'informal-support', 'no-programme', '--reps', '3', '--months', '24', '--seed', '5', '--out', dir], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const file = join(root, 'briefing.html');
    report(dir, file);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') || route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const layout = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: any }).document;
      const tables = [...d.querySelectorAll('table')].map((t: any) => t.getBoundingClientRect().right);
      return {
        scrollWidth: d.documentElement.scrollWidth,
        clientWidth: d.documentElement.clientWidth,
        rightmostTable: Math.max(...tables),
        summary: [...d.querySelectorAll('p.summary')].map((p: any) => p.innerText),
        headline: [...d.querySelectorAll('table.headline td:first-child')].map((td: any) => td.innerText),
        costCells: [...d.querySelectorAll('table.headline td:last-child')].map((td: any) => td.getBoundingClientRect().right),
      };
    });
    const shot = await page.screenshot({ fullPage: false, type: 'png' });
    writeFileSync(join(process.env.LESIM_SCREENSHOT_DIR ?? root, 'comparison-report.png'), shot);
    await context.close();
    // No horizontal overflow: the page and every table, cost column included, fit the window.
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.rightmostTable).toBeLessThanOrEqual(1280);
    for (const right of layout.costCells) expect(right).toBeLessThanOrEqual(1280);
    expect(layout.summary).toHaveLength(2);
    expect(layout.summary[0]).toMatch(/^Against gde-baseline, informal-support spends GBP [\d.,]+ (million|thousand)? ?more \(3 paired replications of 24 months\)/);
    expect(layout.summary[1]).toMatch(/no-programme spends GBP [\d.]+ million less/);
    expect(layout.summary.join(' ')).toMatch(/\(95% CI -?[\d.]+ to -?[\d.]+\)/);
    expect(layout.headline.length).toBeGreaterThanOrEqual(2 * 8);
    expect(layout.headline).toContain('Digital maturity of all organizations at the end');
    for (const label of layout.headline) expect(label).not.toMatch(/^[a-z]+(_[a-z0-9]+)+$/);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/seeds\/|_[0-9a-f]{16}\.txt/);
    expect(html).toContain('https://doi.org/10.2196/83345');
    // Every outcome is still there, below, with its id for those who look for it.
    expect(html).toContain('<code class="id">ties_same_supplier_ratio</code>');
  });
});
