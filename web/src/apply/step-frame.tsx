import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';
import type { Application } from '../lib/applications';
import { BackLink } from '../ui/back-link';
import { useTitle } from '../ui/title';
import { FaultsProvider, RejectionBanner } from './rejection-banner';
import { StepNav } from './step-nav';
import { type Step, stepName, stepPath } from './steps';
import { useFocusRequest } from './use-focus-request';

/**
 * The frame of every step: whose application, the step tabs, the title; once submitted (or under review), the step
 * is not editable and says where to withdraw instead.
 */
export function StepFrame(props: { app: Application; step: Step; title: string; children: JSX.Element; readOnly?: boolean }) {
  useTitle(() => stepName(props.step));
  useFocusRequest();
  return (
    <>
      <BackLink href={stepPath(props.app.id, 'progress')}>{zhApply.steps.backToList}</BackLink>
      <p class="apply-who">
        <span class="apply-child">{props.app.child.name}</span>
        <span class="muted">
          {props.app.entry.name}
          {props.app.entry.code === 'transfer' ? ` · ${props.app.gradeName}` : ''}
        </span>
      </p>
      <StepNav applicationId={props.app.id} current={props.step} missing={props.app.missing} />
      <RejectionBanner app={props.app} step={props.step} />
      <h1 class="page-title">{props.title}</h1>
      <Show when={props.app.canEdit || props.readOnly} fallback={<Locked app={props.app} />}>
        <FaultsProvider app={props.app}>{props.children}</FaultsProvider>
      </Show>
    </>
  );
}

function Locked(props: { app: Application }) {
  return (
    <div class="notice notice-plain" role="status">
      <p class="notice-body">{zhApply.steps.locked(props.app.statusName)}</p>
      <p class="muted">{zhApply.steps.lockedHint}</p>
      <A class="button button-primary" href={stepPath(props.app.id, 'progress')}>
        {zhApply.steps.toProgress}
      </A>
    </div>
  );
}
