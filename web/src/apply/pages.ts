// The application journey's pages: one lazily loaded chunk, fetched when a parent first opens one of them.
import './apply.css';

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
