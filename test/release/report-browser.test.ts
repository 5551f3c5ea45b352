/**
 * The HTML report in a real browser: Debian's Chromium, driven by
 * playwright-core, opens the file from file:// with the network closed to it.
 * The figures on the page must equal the JSON aggregate, every in-page link
 * must land, nothing may be fetched and nothing may log an error. A
 * screenshot and a PDF print are kept under test/artifacts/ for people to look at.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nkmsg, ROOT } from '../helpers.js';

const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const CHROMIUM = process.env['NKMSG_CHROMIUM'] ?? '/usr/bin/chromium';
const HTML = join(ARTIFACTS, 'report.html');

interface Aggregate {
  counts: Record<string, number>;
  period: string;
  actors: { id: string; tally: { cooperative: number; conflictual: number; neutral: number }; articles: number; series: unknown[] }[];
  dyads: { source: string; target: string; cooperative: number; conflictual: number; neutral: number; articles: number; evidence: unknown[] }[];
}

let browser: Browser;
let page: Page;
let report: Aggregate;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) or set NKMSG_CHROMIUM`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const collection = join(ROOT, 'examples', 'collection');
  const [html, json] = await Promise.all([nkmsg(['report', collection, '-o', HTML, '--jobs', '2']), nkmsg(['report', collection, '--format', 'json', '--jobs', '2'])]);
  expect(html.code, html.stderr).toBe(0);
  expect(json.code, json.stderr).toBe(0);
  report = JSON.parse(json.stdout);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(pathToFileURL(HTML).href, { waitUntil: 'load' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

const cells = (selector: string): Promise<string[][]> =>
  page.$$eval(selector, (rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));

describe('the HTML report in Chromium', () => {
  it('draws every chart, each with its caption and data', async () => {
    const figures = await page.$$eval('figure', (list) =>
      list.map((f) => ({ id: f.id, svg: !!f.querySelector('svg[role="img"]'), caption: (f.querySelector('figcaption')?.textContent ?? '').length, marks: f.querySelectorAll('svg path, svg line, svg text').length })),
    );
    expect(figures.map((f) => f.id)).toEqual(['trend-figure', 'matrix-figure', 'network-figure', 'sources-figure', 'senders-figure']);
    for (const f of figures) {
      expect(f.svg, f.id).toBe(true);
      expect(f.caption, f.id).toBeGreaterThan(60);
      expect(f.marks, f.id).toBeGreaterThan(10);
    }
    const box = await page.locator('#matrix-figure svg').boundingBox();
    expect(box!.width).toBeGreaterThan(200);
  });

  it('shows the figures of the JSON aggregate', async () => {
    const figure = (name: string): Promise<string> => page.$eval(`[data-figure="${name}"]`, (e) => (e.textContent ?? '').trim());
    for (const name of ['included', 'dated', 'undated', 'failed', 'excluded']) expect(await figure(name), name).toBe(String(report.counts[name]));
    expect(await figure('period')).toBe(report.period);

    const actorRows = await cells('#actors tbody tr');
    expect(actorRows).toHaveLength(report.actors.length);
    report.actors.forEach((a, i) => expect(actorRows[i]!.slice(1, 5)).toEqual([a.articles, a.tally.cooperative, a.tally.conflictual, a.tally.neutral].map(String)));

    const dyadRows = await cells('#matrix-figure tbody tr');
    expect(dyadRows).toHaveLength(report.dyads.length);
    report.dyads.forEach((d, i) => expect(dyadRows[i]!.slice(1, 5)).toEqual([d.articles, d.cooperative, d.conflictual, d.neutral].map(String)));

    const arrows = await cells('#network-figure tbody tr');
    expect(arrows).toHaveLength(report.dyads.length);
    const trendRows = await page.$$eval('#trends tbody tr', (rows) => rows.length);
    expect(trendRows).toBe(report.actors.reduce((n, a) => n + a.series.length, 0));
  });

  it('links every dyad, cell and arrow to evidence that is on the page', async () => {
    const links = await page.$$eval('a[href^="#"]', (list) => list.map((a) => a.getAttribute('href')!));
    const broken = await page.evaluate((hrefs) => hrefs.filter((h) => !document.getElementById(decodeURIComponent(h.slice(1)))), links);
    expect(broken).toEqual([]);
    const chartLinks = await page.$$eval('#matrix-figure svg a, #network-figure svg a', (list) => list.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')));
    expect(chartLinks.length).toBeGreaterThanOrEqual(report.dyads.length);
    const quoted = await page.$$eval('.evidence li blockquote', (list) => list.length);
    expect(quoted).toBe(report.dyads.reduce((n, d) => n + d.evidence.length, 0));
    await page.locator('#matrix-figure tbody tr a').first().click();
    expect(await page.evaluate(() => location.hash)).toMatch(/^#dyad-/);
    expect(await page.evaluate(() => document.querySelector(':target')?.getBoundingClientRect().top ?? -1)).toBeLessThan(200);
  });

  it('fits its tables beside or under the charts, and reflows in a narrow window', async () => {
    const cut = await page.$$eval('.data table', (list) => list.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.caption?.textContent));
    expect(cut).toEqual([]);
    const narrow = await browser.newPage({ viewport: { width: 480, height: 900 } });
    await narrow.goto(pathToFileURL(HTML).href);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(480);
    await narrow.close();
  });

  it('fetches nothing and logs no error', () => {
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('keeps a screenshot and prints to PDF', async () => {
    await page.goto(pathToFileURL(HTML).href);
    const png = join(ARTIFACTS, 'report.png');
    await page.screenshot({ path: png, fullPage: true });
    expect(statSync(png).size).toBeGreaterThan(50_000);
    const pdf = join(ARTIFACTS, 'report.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdf).size).toBeGreaterThan(50_000);
  });
});
