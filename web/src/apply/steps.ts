import { zhApply } from '../i18n/zh-CN-apply';
import type { Application } from '../lib/applications';

/** The application's steps after the declaration, in order (guide 二(五)–(六)). */
export const steps = ['channel', 'form', 'documents', 'schools', 'preview'] as const;
export type Step = (typeof steps)[number];

export const stepPath = (applicationId: string, step: Step | 'progress' | 'submitted') => `/applications/${applicationId}/${step}`;

export const stepName = (step: Step) => zhApply.steps[step];

const siblingDocumentNames = (app: Application) => new Set((app.sibling?.documents ?? []).map((d) => `材料：${d.name}`));

/** The step where a `missing` item of `applications.get` is put right. */
export function stepOfMissing(app: Application, item: string): Step {
  if (item === '报名通道') return 'channel';
  if (item === '两所志愿学校') return 'schools';
  if (siblingDocumentNames(app).has(item)) return 'schools';
  if (item.startsWith('材料：')) return 'documents';
  return 'form';
}

/** Where a draft continues: the first step with something missing, else the preview. */
export function nextStep(app: Application): Step {
  const order = app.missing.map((item) => steps.indexOf(stepOfMissing(app, item)));
  return order.length ? steps[Math.min(...order)]! : 'preview';
}
