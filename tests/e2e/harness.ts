// Shared browser-test harness: finds Chromium, opens pages on the served app, and records for every
// test the page errors, console errors and requests to other origins, plus an axe (WCAG 2 A/AA) scan.
// Every context it makes also records Content-Security-Policy violations, and any test during which one
// happened fails (issue 14: the strict CSP of index.html must hold across the whole suite).
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { CHROMIUM_FLAGS, chromiumPath } from '../../scripts/lib/serve.mjs';

export const BASE_URL = process.env.PATHWAYS_BASE_URL ?? '';

export { CHROMIUM_FLAGS };

/** CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own browser; otherwise a clear failure. */
export function findChromium(): string {
  let own: string[] = [];
  try {
    own = [chromium.executablePath()];
  } catch {
    /* Playwright has no browser of its own installed */
  }
  return chromiumPath(own);
}

/** CSP violations seen since the last test ended (pages, frames and workers of harness contexts). */
const cspViolations: string[] = [];

afterEach(() => {
  const seen = cspViolations.splice(0);
  expect(seen, 'Content-Security-Policy violations').toEqual([]);
});

/** Records every CSP violation in a context: the page's own event, and Chromium's console report. */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on('console', (m) => {
    const text = m.text();
    if (/CSP violation|Content Security Policy/i.test(text)) cspViolations.push(text);
  });
}

/**
 * The per-file browser fixture: one Chromium for the test file, and a fresh context per call to
 * `newContext`, every one closed after its test, also when the test fails.
 */
export function useBrowser(): BrowserFixture {
  let browser: Browser | null = null;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
  });
  const newContext = async (options?: BrowserContextOptions): Promise<BrowserContext> => {
    const context = await browser!.newContext(options);
    open.push(context);
    return context;
  };
  return {
    browser: () => browser!,
    newContext,
    async app({ path = '/', settle = true, ...options }: AppOptions = {}) {
      const context = await newContext({ viewport: { width: 1280, height: 720 }, ...options });
      const opened = await openApp(context, path);
      if (settle) await settled(opened.page);
      return { context, ...opened };
    },
    async launchProfile(profile) {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: findChromium(),
        args: CHROMIUM_FLAGS,
        headless: true,
        viewport: { width: 1280, height: 720 },
      });
      open.push(context);
      await watchCsp(context);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(BASE_URL);
      await settled(page);
      return { context, page };
    },
  };
}

/** What `e2e.app()` takes: context options (1280×720 unless given), the path, whether to wait for a projection. */
export type AppOptions = BrowserContextOptions & { path?: string; settle?: boolean };

/** The app opened in its own context, with what its page did wrong. */
export interface OpenedApp {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

export interface BrowserFixture {
  browser(): Browser;
  /** A fresh context, closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A fresh context (closed after the test) with the app open and, unless `settle: false`, projected. */
  app(options?: AppOptions): Promise<OpenedApp>;
  /**
   * A browser on a profile folder that survives a restart (close it, launch again on the same folder),
   * with the app projected in its first window; closed after the test if the test has not.
   */
  launchProfile(profile: string): Promise<{ context: BrowserContext; page: Page }>;
}

/** Another tab of the app in the same context (same storage), once its projection is on screen. */
export async function openTab(context: BrowserContext, path = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(new URL(path, BASE_URL).toString());
  await settled(page);
  return page;
}

/** A lever's slider, by its exact accessible name. */
export const slider = (page: Page, name: string) => page.getByRole('slider', { name, exact: true });

/**
 * Waits until the projection of the latest request is on screen with its uncertainty band. It
 * compares request sequence numbers (FocusChart's band line carries both), so a result that was
 * already showing before the last edit never counts as the new one.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLElement>('.band-status');
    const requested = Number(el?.dataset['requestedSeq'] ?? 0);
    return requested > 0 && Number(el?.dataset['bandsSeq'] ?? 0) === requested;
  });
}

export async function launchBrowser(): Promise<Browser> {
  if (!BASE_URL) throw new Error('PATHWAYS_BASE_URL is not set: run the browser tests with `npm run test:e2e`.');
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
  // Every context of every test watches for CSP violations.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args);
    await watchCsp(context);
    return context;
  };
  return browser;
}

/** What a page did wrong while a test ran. */
export interface PageProblems {
  pageErrors: string[];
  consoleErrors: string[];
  foreignRequests: string[];
}

/** Attach problem recorders to a page: errors, console errors and any request off the app's origin. */
export function watch(page: Page): PageProblems {
  const problems: PageProblems = { pageErrors: [], consoleErrors: [], foreignRequests: [] };
  const origin = new URL(BASE_URL).origin;
  page.on('pageerror', (e) => problems.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
  });
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return;
    if (new URL(url).origin !== origin) problems.foreignRequests.push(url);
  });
  return problems;
}

export async function openApp(
  context: BrowserContext,
  path = '/',
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(new URL(path, BASE_URL).toString());
  return { page, problems };
}

/** Runs axe with WCAG 2 A/AA rules; returns violations formatted as "rule: selector (impact)". */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.impact ?? 'n/a'}) — ${v.help}`),
  );
}

/** A page that did nothing wrong. */
export const CLEAN: PageProblems = { pageErrors: [], consoleErrors: [], foreignRequests: [] };

/** The end-of-test check: no axe violations (within `scope`, else on the whole page) and no page problems. */
export async function expectClean(page: Page, problems: PageProblems, scope?: string): Promise<void> {
  expect(await axeViolations(page, scope)).toEqual([]);
  expect(problems).toEqual(CLEAN);
}

/** Moves Network rollout to 15 and Digital-skills training to 8, and waits until the new projection has settled. */
export async function moveTwoLevers(page: Page): Promise<void> {
  await settled(page);
  const cell = page.locator('tr[data-indicator="coverage4g"] td[data-col="scenario"]');
  const before = await cell.innerText();
  await page.getByRole('slider', { name: 'Network rollout', exact: true }).fill('15');
  await page.getByRole('slider', { name: 'Digital-skills training', exact: true }).fill('8');
  await expect.poll(() => cell.innerText()).not.toBe(before);
  await settled(page);
}
