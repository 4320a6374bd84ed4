import { ErrorView } from '../ui/error-view';
import { useTitle } from '../ui/title';
import { zhCN } from '../i18n/zh-CN';

/** Any address the app does not know. */
export function NotFound() {
  useTitle(() => zhCN.errors.notFound);
  return <ErrorView kind="notFound" />;
}
