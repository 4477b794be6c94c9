/// <reference lib="dom" />
/**
 * Debian chromium through playwright-core, with a fresh temporary profile, a phone-sized viewport (390 x 844),
 * touch, and helpers to run axe-core on a screen and to save screenshots into docs/screenshots/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { e2eDatabase } from './database.js';
import { activeMirrors } from './mirror.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Phone {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A phone-sized browser with its own fresh profile (so localStorage, caches and service workers start empty).
 * `locale` is the browser's language (navigator.language, Accept-Language): British English unless a test asks.
 */
export async function launchPhone(opts: { locale?: string } = {}): Promise<Phone> {
  const profile = mkdtempSync(join(tmpdir(), 'footing-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: opts.locale ?? 'en-GB',
  });
  // The page's saves go to the other database's server too when the file runs with a mirror (./mirror.ts).
  for (const mirror of activeMirrors) mirror.attach(context);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (errors.length) throw new Error(`Uncaught errors in the page: ${errors.join(' | ')}`);
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the current screen; returns the serious and critical violations (empty when none). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the app's CSP (no inline scripts) stays on, as in real use.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Formats violations for an assertion message. */
export function describeViolations(vs: AxeViolation[]): string {
  return vs
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    )
    .join('\n');
}

/**
 * Where screenshots go: docs/screenshots/ once per run. A file writes them on SQLite and photographs the same screens
 * into a temp folder on PostgreSQL (same steps, same scrolling). The test command names the run that writes them
 * (FOOTING_E2E_SCREENSHOTS: the file's SQLite run, scripts/run-tests.mjs); a file run by hand writes them on SQLite.
 */
function screenshotDir(): string {
  const writers = process.env.FOOTING_E2E_SCREENSHOTS;
  const writes =
    writers === undefined ? e2eDatabase() === 'sqlite' : writers.split(',').includes(resolve(process.argv[1] ?? ''));
  if (writes) return SCREENSHOTS;
  pgShots ??= mkdtempSync(join(tmpdir(), 'footing-e2e-pg-screenshots-'));
  return pgShots;
}
let pgShots: string | undefined;
process.on('exit', () => {
  if (pgShots) rmSync(pgShots, { recursive: true, force: true });
});

/** Saves the screen as docs/screenshots/<name>.png: the visible part (scrolled to the top with `top`), or all of it. */
export async function screenshot(
  page: Page,
  name: string,
  opts: { fullPage?: boolean; top?: boolean } = {},
): Promise<void> {
  const dir = screenshotDir();
  mkdirSync(dir, { recursive: true });
  if (opts.top) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: join(dir, `${name}.png`),
    fullPage: opts.fullPage ?? false,
    animations: 'disabled',
    caret: 'hide',
  });
}

/** Fails the test when axe finds a serious or critical violation on the page, listing them under `name`. */
export async function assertAccessible(page: Page, name: string): Promise<void> {
  const v = await seriousA11yViolations(page);
  if (v.length) throw new Error(`${name}: serious accessibility violations:\n${describeViolations(v)}`);
}

/**
 * A JSON call from inside the page, so it carries the page's cookies (the signed-in account), with the session's
 * CSRF token for writes; throws on an error answer with its status and body, so a test fails where the call did.
 */
export async function inPage<T>(
  page: Page,
  method: string,
  path: string,
  body: unknown,
  csrf: string | null,
): Promise<T> {
  const r = await page.evaluate(
    async ([m, p, b, t]) => {
      const res = await fetch(p as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', ...(t ? { 'x-csrf-token': t as string } : {}) },
        body: b === null ? undefined : JSON.stringify(b),
      });
      return { status: res.status, text: await res.text() };
    },
    [method, path, body ?? null, csrf] as const,
  );
  if (r.status >= 300) throw new Error(`${method} ${path} -> ${r.status}: ${r.text}`);
  return JSON.parse(r.text) as T;
}
