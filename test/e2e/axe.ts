import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

/**
 * The page's accessibility violations as axe-core finds them, one line per rule and element
 * (`heading-order: Heading levels should only increase by one — h3.title <h3 class="title">…`).
 * axe's source goes in through the DevTools protocol, which the page's script policy does not apply to.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target, html }) => ({ target, html })) }));
  });
  return violations.flatMap(({ id, help, nodes }) =>
    nodes.map(({ target, html }) => `${id}: ${help} — ${target.join(' ')} ${html.slice(0, 120)}`),
  );
}

/** Fails, naming every rule and element, unless axe-core finds nothing wrong with the page as it stands (`state` names it). */
export async function expectAccessible(page: Page, state: string) {
  expect(await axeViolations(page), `axe-core on ${state} (${page.url()})`).toEqual([]);
}
