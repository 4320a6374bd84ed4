import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { manualClock } from '../../src/adapters/clock';
import { parseConfig } from '../../worker/config';
import { type NodeHost, startNodeHost } from '../../worker/node-host';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { demoStaff } from '../../db/seed/demo-staff';
import { catalogId } from '../../src/domain/ids';
import { privacyNotice } from '../../src/domain/privacy-notice';
import { townCookie } from '../../src/domain/town';
import { launchDesktop, launchPhone, type Phone } from '../helpers/chromium';
import type { TestHost } from '../helpers/host';
import { codeFromInbox } from '../helpers/parents';

const builtPage = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));
const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));

export interface Site {
  url: string;
  host: NodeHost;
  /** What the host logged as errors or warnings; a healthy page load logs none. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * The real Node host with the built web app, a fresh seeded database and a clock stopped at `now`.
 * Fails at once, with the fix, when the web app has not been built.
 */
export async function startSite(now: string): Promise<Site> {
  if (!existsSync(builtPage)) {
    throw new Error('web/dist/index.html is missing: run `npm run build` first (`npm test` builds before testing).');
  }
  const dir = await mkdtemp(join(tmpdir(), 'enroll-e2e-'));
  const problems: string[] = [];
  const record = (...args: unknown[]) => {
    problems.push(args.map(String).join(' '));
  };
  try {
    const host = await startNodeHost(
      parseConfig({ PORT: '0', DATABASE_URL: `file:${join(dir, 'e2e.db')}`, FILES_DIR: join(dir, 'files'), ENROLL_DEV: '1' }),
      { clock: manualClock(now), log: { info: () => {}, warn: record, error: record } },
    );
    return {
      url: host.url,
      host,
      problems,
      async close() {
        try {
          await host.close();
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export interface Tab {
  page: Page;
  /** Script errors and console errors the page logged. */
  errors: string[];
}

/** The browser's own console line for a request that failed, such as an API 401 or 404 the page expected. */
const isFailedLoad = (text: string) => text.startsWith('Failed to load resource');

/**
 * Inside a describe (or at the top of a file): the platform with its clock stopped at `now`, and a phone to open it
 * on (and with `desktop`, a reviewer's desktop as well: a second browser, so nothing is shared with the phone). The
 * browsers close before the host, so no idle browser connection keeps the host from stopping. The host must log no
 * errors. `ignoreFailedLoads` leaves the browser's failed-request lines out of every tab's errors. The phone (and the
 * desktop) opened 桃花江镇 before (a returning parent: `/` opens it), unless `town` says another town's code or `null` (a first visit).
 */
export function onPhone(
  now: string,
  options: { prepare?: (site: Site) => Promise<void>; ignoreFailedLoads?: boolean; desktop?: boolean; town?: string | null } = {},
) {
  let site: Site | undefined;
  let phone: Phone | undefined;
  let desktop: Phone | undefined;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    site = await startSite(now);
    await options.prepare?.(site);
    phone = await launchPhone();
    const town = options.town === undefined ? 'taohuajiang' : options.town;
    if (options.desktop) desktop = await launchDesktop();
    const opened = town && [{ name: townCookie, value: await catalogId('region', town), url: site.url }];
    if (opened) for (const browser of [phone, desktop]) await browser?.context.addCookies(opened);
  });

  afterAll(async () => {
    try {
      await desktop?.close();
      await phone?.close();
    } finally {
      await site?.close();
    }
  });

  afterEach(() => {
    expect(site?.problems, 'the host logged errors').toEqual([]);
  });

  /** A fresh tab (on the phone, or the desktop) that records script errors and console errors; the caller closes it. */
  async function openTab(on: 'phone' | 'desktop' = 'phone'): Promise<Tab> {
    if (on === 'desktop' && !desktop) throw new Error('onPhone(…, { desktop: true }) opens a desktop');
    const page = await (on === 'desktop' ? desktop! : phone!).context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !(options.ignoreFailedLoads && isFailedLoad(message.text()))) errors.push(message.text());
    });
    return { page, errors };
  }

  return {
    url: (path: string) => `${site!.url}${path}`,
    /** The running host, for tests that prepare data through the typed client or the database. */
    site: () => site!,
    /** The phone's browser context (cookies of a parent signed in through the typed client go here). */
    phoneContext: () => phone!.context,
    /** The running site as the typed-client helpers (catalogFor, readyToSubmit) expect a test host. */
    testHost(): TestHost {
      return {
        url: site!.url,
        host: site!.host,
        client: createEnrollmentClient({ url: site!.url }),
        clock: site!.host.deps.clock,
      } as unknown as TestHost;
    },
    /** Signs a parent in through the API (code from the dev inbox) and puts the session on the phone: its tabs are signed in. */
    async signInOnPhone(phoneNumber: string): Promise<{ client: EnrollmentClient; token: string }> {
      const anonymous = createEnrollmentClient({ url: site!.url });
      await anonymous.auth.requestCode.mutate({ phone: phoneNumber });
      const { token } = await anonymous.auth.signIn.mutate({
        phone: phoneNumber,
        code: await codeFromInbox({ client: anonymous }, phoneNumber),
        session: 'token',
        acceptedNotice: privacyNotice.version,
      });
      await phone!.context.addCookies([{ name: 'enroll_sid', value: token!, url: site!.url }]);
      return { client: createEnrollmentClient({ url: site!.url, token: token! }), token: token! };
    },
    openTab,
    /** Runs `use` in a fresh tab (see `openTab`); the tab closes whatever happens. */
    async inTab<T>(use: (page: Page, errors: string[]) => Promise<T>): Promise<T> {
      const { page, errors } = await openTab();
      try {
        return await use(page, errors);
      } finally {
        await page.close();
      }
    },
  };
}

export const shown = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });

/** Saves a screenshot under test/e2e/artifacts, after checking that nothing makes the phone (or desktop) scroll sideways. */
export async function shot(page: Page, name: string, fullPage = true) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name}: the page is wider than the window`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage });
}

/** Signs a demo staff member in on the desk's sign-in form the page shows. */
export async function signInOnDesk(page: Page, username: (typeof demoStaff)[number]['username'] = 'admin') {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(demoStaff.find((s) => s.username === username)!.password);
  await page.getByLabel('密码').press('Enter');
}
