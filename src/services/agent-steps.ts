import type { AppDeps } from '../deps';
import { auditStatement } from './audit';
import type { SignedInParent } from './sessions';

/**
 * A step an agent (代办) took for the family with the session they opened (decision 032): an audit entry in the
 * agent's name and role, on the application when there is one, so the family's 查阅记录 lists it. Written right
 * after the step's own commit (one place for every write of the parents' pages, rather than in each of their batches).
 */
export async function recordAgentStep(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  parent: SignedInParent,
  step: { name: string; input: unknown; output: unknown; ip: string | null; requestId: string | null },
) {
  if (!parent.agent) return;
  const applicationId = idOf(step.input) ?? idOf(step.output);
  await auditStatement(deps.db, {
    staffId: parent.agent.staffId,
    username: parent.agent.username,
    action: 'agent_step',
    applicationId,
    detail: { step: step.name, accountId: parent.accountId },
    ip: step.ip,
    requestId: step.requestId,
    at: deps.clock.now(),
  });
}

const idOf = (value: unknown) => {
  const id = (value as { applicationId?: unknown } | null)?.applicationId;
  return typeof id === 'string' ? id : null;
};
