import { DomainError } from './errors';

/**
 * What only the family itself may do, never an agent acting for it (decision 032): move the account to another phone,
 * download everything the platform holds about it, delete it. Refused in a session an agent opened (代办模式).
 */
export function assertFamilyItself(parent: { agent: unknown }): void {
  if (parent.agent) throw new DomainError('AGENT_NOT_ALLOWED', '代办模式下不能办理此项，请家长本人登录后办理');
}
