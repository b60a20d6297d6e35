import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILIES } from '../../src/model/recorder.js';
import { decodePng, distinctColours } from '../charts/png.js';

const CLI = resolve(__dirname, '../../dist/cli/main.js');
/** Debian's chromium; never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const root = mkdtempSync(join(tmpdir(), 'lesim-explore-'));

let browser: Browser;
let server: ChildProcess;
let url: string;
let origin: string;

/** Starts `lesim explore` on a free port and reads the address it prints. */
function startServer(args: string[], cwd?: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'explore', ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd });
  return new Promise((resolveUrl, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /open (http:\/\/\S+)/.exec(out);
      if (m) resolveUrl({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`lesim explore exited with ${code}: ${out}`)));
  });
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: root });
}

const status = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { lesimExplore: { status(): { month: number; playing: boolean; busy: boolean; workers: number; cores: number; speed: { months: number; ms: number }; running: Record<string, { months: number; finished: number }>; charts: Record<string, { changesets: number; rebuilds: number }> } } }).lesimExplore.status());

/** Waits until the page is idle (not playing, no round in flight) and its charts are drawn. */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = (globalThis as unknown as { lesimExplore: { status(): { playing: boolean; busy: boolean } } }).lesimExplore.status();
    return !s.playing && !s.busy;
  }, undefined, { timeout: 30_000 });
  await page.evaluate(() => (globalThis as unknown as { lesimExplore: { drawn(): Promise<void> } }).lesimExplore.drawn());
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  await page.evaluate(() => (globalThis as unknown as { lesimExplore: { drawn(): Promise<void> } }).lesimExplore.drawn());
}

async function downloadText(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = join(root, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

/** Data marks drawn in a chart (Vega groups with the role "mark" and their drawn children). */
const marks = (page: Page, id: string) => page.$$eval(`#${id} svg g[class*="role-mark"] > path, #${id} svg g[class*="role-mark"] > line, #${id} svg g[class*="role-mark"] > text`, (e) => e.length);

beforeAll(async () => {
  ({ child: server, url } = await startServer(['--port', '0']));
  origin = new URL(url).origin;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGINT');
});

describe('lesim explore', () => {
  it('refuses a port in use with a clear message and exit code 2', () => {
    const port = new URL(url).port;
    const r = cli(['explore', '--port', port]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`port ${port} on 127.0.0.1 is in use; pick another with --port`);
    const unknown = cli(['explore', 'no-such-plan', '--port', '0']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown scenario 'no-such-plan'; allowed: a built-in scenario (gde-baseline, no-programme");
  });

  it('runs A and B live in Chromium, offline, and everything taken away reproduces on the command line', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1100 }, acceptDownloads: true });
    const page = await context.newPage();
    const external: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(`${origin}/`) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
      external.push(u);
      return route.abort();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    await page.fill('#reps', '2');
    await page.fill('#seed', '3');
    await page.click('#reset');
    await idle(page);

    // The baseline for 24 months.
    await page.fill('#until', '24');
    await page.click('#play');
    await page.waitForFunction(() => (globalThis as unknown as { lesimExplore: { status(): { month: number } } }).lesimExplore.status().month >= 24, undefined, { timeout: 60_000 });
    await idle(page);
    let s = await status(page);
    expect(s.month).toBe(24);
    expect(s.running.A.months).toBe(24);
    expect(await page.textContent('#month')).toContain('Month 24 of 120 (December 2018)');
    for (const kind of ['formation', 'spectrum', 'maturity', 'network', 'map']) expect(await marks(page, `a-${kind}`), kind).toBeGreaterThan(3);
    // Live updates went in as changesets; the spectrum's month panels change with the month, so it is rebuilt.
    expect(s.charts['A-maturity'].changesets).toBeGreaterThan(0);

    // The series CSV of the page equals lesim run's, byte for byte, by the command the page gives.
    const command = (await page.textContent('#commands'))!.split('\n').find((l) => l.startsWith('npx lesim run'))!;
    expect(command).toBe('npx lesim run gde-baseline --reps 2 --seed 3 --months 24 --out runs/explore-a --force');
    const run = cli([...command.replace('npx lesim ', '').split(' ').slice(0, -3), '--out', join(root, 'cli-a')]);
    expect(run.status, run.stderr).toBe(0);
    for (const family of FAMILIES) {
      await page.selectOption('#a-family', family);
      const csv = await downloadText(page, '#a-csv');
      expect(csv.name).toBe(`gde-baseline-${family}.csv`);
      expect(csv.text === readFileSync(join(root, 'cli-a', `${family}.csv`), 'utf8'), family).toBe(true);
    }

    // B: the baseline with secondments. An out-of-range value: the control says why and B does not start.
    await page.selectOption('#b-scenario', 'gde-baseline');
    await page.click('#b .levers > summary');
    await page.click('#b details[data-group="intermediaries"] > summary');
    // An invalid combination: more profession-led networks than networks; the control that caused it says so.
    await page.click('#b details[data-group="learning_networks"] > summary');
    const professionLed = '[data-slot="b"][data-path="learning_networks.profession_led"]';
    await page.fill(professionLed, '20');
    await expect.poll(() => page.locator('#b .lever[data-path="learning_networks.profession_led"] .why').textContent()).toBe('20 exceeds learningNetworks_count (10)');
    expect(await page.isDisabled('#b-apply')).toBe(true);
    await page.fill(professionLed, '3');
    const secondments = '[data-slot="b"][data-path="intermediaries.secondments_per_year"]';
    await page.fill(secondments, '5000');
    const why = page.locator('#b .lever[data-path="intermediaries.secondments_per_year"] .why');
    await expect.poll(() => why.textContent()).toContain('got 5000; allowed: a number from 0 to 1000 (secondments/year)');
    expect(await page.isDisabled('#b-apply')).toBe(true);
    expect(await page.textContent('#b-issues')).toContain('Not run');
    expect((await status(page)).running.B).toBeUndefined();
    // The same message as a scenario file gets from lesim validate.
    writeFileSync(join(root, 'bad.yaml'), 'extends: gde-baseline\nintermediaries:\n  secondments_per_year: 5000\n');
    const bad = cli(['validate', 'bad.yaml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain((await why.textContent())!);

    await page.fill(secondments, '24');
    await expect.poll(() => page.isDisabled('#b-apply')).toBe(false);
    await page.click('#b-apply');
    await page.waitForFunction(() => (globalThis as unknown as { lesimExplore: { status(): { running: Record<string, { months: number }> } } }).lesimExplore.status().running.B?.months === 24, undefined, { timeout: 60_000 });
    await idle(page);
    s = await status(page);
    expect(s.running.B.months).toBe(24);
    expect(await page.isVisible('#difference-table')).toBe(true);
    expect(await page.$$eval('#difference-table tbody tr', (r) => r.length)).toBe(12);
    const sentence = (await page.textContent('#difference-sentence'))!;
    expect(sentence).toMatch(/^So far \(month 24 of 120\): B: GBP [\d.]+ million more spent than A/);
    for (const kind of ['formation', 'spectrum', 'maturity', 'network', 'map']) expect(await marks(page, `b-${kind}`), kind).toBeGreaterThan(3);

    // The scenario file of B is accepted unchanged by lesim validate, with the lever the page changed.
    const yaml = await downloadText(page, '#b-yaml');
    expect(yaml.name).toBe('gde-baseline-b.yaml');
    const valid = cli(['validate', yaml.name]);
    expect(valid.status, valid.stderr).toBe(0);
    expect(valid.stdout).toContain("valid scenario 'gde-baseline-b' (extends gde-baseline)");
    expect(valid.stdout).toContain('intermediaries.secondments_per_year = 24');
    expect(await page.textContent('#commands')).toContain('npx lesim compare gde-baseline gde-baseline-b.yaml --reps 2 --seed 3');
    // Back into the page: lesim explore <file> starts A from the downloaded file.
    const again = await startServer(['--port', '0', yaml.name], root);
    try {
      expect(again.url).toContain('?file=gde-baseline-b.yaml');
      const second = await context.newPage();
      second.on('pageerror', (e) => errors.push(e.message));
      await second.goto(again.url, { waitUntil: 'load' });
      await expect.poll(() => second.inputValue('#a-name')).toBe('gde-baseline-b');
      expect(await second.inputValue('[data-slot="a"][data-path="intermediaries.secondments_per_year"]')).toBe('24');
      expect(await second.textContent('#a-issues')).toContain('Valid.');
      await second.close();
    } finally {
      again.child.kill('SIGINT');
    }
    // A chart as SVG, as drawn by the chart library (title and caption in it).
    const svg = await downloadText(page, '#b-maturity-svg');
    expect(svg.text).toContain('<svg');
    expect(svg.text).toContain('Digital maturity by cohort');

    // The top of the page, levers folded, for the README.
    await page.click('#b .levers > summary');
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    const shot = await page.screenshot({ type: 'png' });
    const screenshotFile = join(process.env.LESIM_SCREENSHOT_DIR ?? root, 'explore.png');
    writeFileSync(screenshotFile, shot);
    expect(distinctColours(decodePng(shot))).toBeGreaterThan(50);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);

    // Speed: months simulated per second while playing, with 1 and with 4 replications per scenario (A only).
    await page.selectOption('#b-scenario', '');
    const rates: Record<number, { monthsPerSecond: number; workers: number; cores: number }> = {};
    for (const reps of [1, 4]) {
      await page.fill('#reps', String(reps));
      await page.fill('#until', '');
      await page.click('#reset');
      await idle(page);
      await page.click('#play');
      await page.waitForTimeout(3000);
      // On a quiet machine a run may reach its horizon within the wait and disable Pause itself;
      // check and click in one step inside the page so the run cannot end in between.
      await page.evaluate(() => {
        const pause = (globalThis as unknown as { document: { querySelector(s: string): { disabled: boolean; click(): void } | null } }).document.querySelector('#pause');
        if (pause && !pause.disabled) pause.click();
      });
      await idle(page);
      const r = await status(page);
      expect(r.speed.months).toBeGreaterThan(0);
      rates[reps] = { monthsPerSecond: r.speed.months / (r.speed.ms / 1000), workers: r.workers, cores: r.cores };
    }
    process.stdout.write(`lesim explore speed in Chromium: ${JSON.stringify(rates)}; chart updates (changesets, rebuilds): ${JSON.stringify((await status(page)).charts)}\n`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
