import { createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getMe } from '../lib/account';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';

const endAgent = write('agent.end', () => api.agent.end.mutate({}));

/** 代办模式: on a family's pages opened by a desk agent, whose file this is and 结束代办 (back to the desk). */
export function AgentBanner() {
  return (
    <ErrorBoundary fallback={null}>
      <Suspense>
        <Banner />
      </Suspense>
    </ErrorBoundary>
  );
}

function Banner() {
  const me = createAsync(() => getMe());
  const ending = useWrite(endAgent);
  const end = async () => {
    if ((await ending.run())?.ok) location.assign('/staff/agent');
  };
  return (
    <Show when={me()?.byAgent && me()}>
      {(m) => (
        <div class="agent-banner" role="status">
          {zhCN.account.agentMode(m().phoneMasked)}
          <button type="button" class="button" disabled={ending.pending()} onClick={() => void end()}>
            {zhCN.account.endAgent}
          </button>
        </div>
      )}
    </Show>
  );
}
