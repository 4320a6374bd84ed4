// The application journey's pages: one lazily loaded chunk, fetched when a parent first opens one of them. The
// 绑定申诉 form and list, 我的消息, and demo mode's SMS inbox, ride along: a separate chunk would split the shared code anew and
// cost every first load.
import './apply.css';

export { AccessLogPage } from './access-log-page';
export { ApplicationsPage } from './applications-page';
export { ChannelStep } from './channel-step';
export { ChooseChildPage } from './choose-child-page';
export { DeclarationPage } from './declaration-page';
export { DocumentsStep } from './documents-step';
export { FormStep } from './form-step';
export { PreviewStep } from './preview-step';
export { ProgressPage } from './progress-page';
export { ResumeRoute } from './resume-route';
export { SchoolsStep } from './schools-step';
export { SubmittedPage } from './submitted-page';
export { default as ClaimForm } from '../account/claim-form';
export { default as ClaimList } from '../account/claim-list';
export { DevInboxPage } from '../account/dev-inbox-page';
export { default as ChildRemoval } from '../account/child-removal';
export { MessagesPage } from '../account/messages-page';
