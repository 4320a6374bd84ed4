import type { MissingItem } from '../../../src/domain/application-missing';
import { zhApply } from '../i18n/zh-CN-apply';
import type { Application } from '../lib/applications';

/** The application's steps after the declaration, in order (guide 二(五)–(六)). */
export const steps = ['channel', 'form', 'documents', 'schools', 'preview'] as const;
export type Step = (typeof steps)[number];

export const stepPath = (applicationId: string, step: Step | 'progress' | 'submitted') => `/applications/${applicationId}/${step}`;

export const stepName = (step: Step) => zhApply.steps[step];

/** The step where a `missing` item of `applications.get` is put right: the server names it; its label is only read. */
export function stepOfMissing(item: Pick<MissingItem, 'step'>): Step {
  return item.step;
}

/** Where a draft continues: the first step with something missing, else the preview. */
export function nextStep(app: Pick<Application, 'missing'>): Step {
  const order = app.missing.map((item) => steps.indexOf(stepOfMissing(item)));
  return order.length ? steps[Math.min(...order)]! : 'preview';
}

/**
 * Whether a step is done: nothing it holds is missing. Every step after the channel waits for the channel (its form and
 * documents are unknown before), and the preview is never done before submission.
 */
export function stepComplete(step: Step, missing: readonly Pick<MissingItem, 'step'>[]): boolean {
  if (step === 'preview') return false;
  if (step !== 'channel' && missing.some((item) => item.step === 'channel')) return false;
  return !missing.some((item) => stepOfMissing(item) === step);
}

/** The missing items a step puts right. */
export const missingOn = <T extends Pick<MissingItem, 'step'>>(step: Step, missing: readonly T[]): T[] =>
  missing.filter((item) => stepOfMissing(item) === step);
