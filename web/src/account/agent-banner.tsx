import { onCleanup, onMount } from 'solid-js';
import { zhAgentMode } from '../i18n/zh-CN-agent';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';

const endAgent = write('agent.end', () => api.agent.end.mutate({}));

const bar = {
  position: 'fixed',
  left: '0',
  right: '0',
  bottom: '0',
  'z-index': '20',
  display: 'flex',
  'flex-wrap': 'wrap',
  'align-items': 'center',
  'justify-content': 'space-between',
  gap: '8px',
  padding: '8px 16px calc(8px + env(safe-area-inset-bottom))',
  background: '#fff4d6',
  'border-top': '2px solid #c98a00',
  color: '#3d2a00',
  'font-weight': '600',
} as const;

/**
 * 代办模式: on a family's pages opened by a desk agent (decision 032), whose file this is and 结束代办 (back to the
 * desk), fixed at the foot of every page so the agent never loses sight of it.
 */
export default function AgentBanner(props: { phone: string }) {
  const ending = useWrite(endAgent);
  // Room under the page for the bar, so nothing at the foot of the page hides behind it.
  onMount(() => document.body.style.setProperty('padding-bottom', '72px'));
  onCleanup(() => document.body.style.removeProperty('padding-bottom'));
  const end = async (event: MouseEvent) => {
    event.preventDefault();
    if ((await ending.run())?.ok) location.assign('/staff/agent');
  };
  return (
    <div role="status" style={bar}>
      <span>{zhAgentMode.banner(props.phone)}</span>
      <button type="button" class="button" disabled={ending.pending()} onClick={(e) => void end(e)}>
        {zhAgentMode.end}
      </button>
    </div>
  );
}
