import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export interface Phone {
  context: BrowserContext;
  /** Closes the browser and removes its profile. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Debian's Chromium (`CHROMIUM_PATH`, default `/usr/bin/chromium`) through playwright-core, as a phone:
 * 390×844 at 2×, touch, zh-CN. A fresh profile per call, removed on close.
 *
 * @example
 * const phone = await launchPhone();
 * try { const page = await phone.context.newPage(); … } finally { await phone.close(); }
 */
export function launchPhone(): Promise<Phone> {
  return launch({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}

/** The same Chromium as a reviewer's desktop: 1366×900, mouse and keyboard, zh-CN, China time. */
export function launchDesktop(): Promise<Phone> {
  return launch({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false });
}

async function launch(device: {
  viewport: { width: number; height: number };
  deviceScaleFactor: number;
  isMobile: boolean;
  hasTouch: boolean;
}): Promise<Phone> {
  const profile = await mkdtemp(join(tmpdir(), 'enroll-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      ...device,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  let closed = false;
  return {
    context,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
    },
  };
}
