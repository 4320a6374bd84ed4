import { eq } from 'drizzle-orm';
import { integrationKeys } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { checkKey, type IntegrationKeyPrincipal, keyLimitRule, keyRefusals, parseIntegrationToken } from '../../domain/integration-key';
import { takeLimits } from '../limits';

export type { IntegrationKeyPrincipal } from '../../domain/integration-key';

/**
 * The system behind `Authorization: Bearer ik_…`: refused when the token is missing or malformed, the key unknown,
 * the secret wrong (or a rotated-out secret past its overlap), the key expired or revoked (UNAUTHORIZED), or over
 * its per-minute limit (TOO_MANY_REQUESTS). Every accepted call takes one from the key's counter.
 */
export async function authenticateIntegrationKey(
  deps: Pick<AppDeps, 'db' | 'clock' | 'vault'>,
  token: string | null,
): Promise<IntegrationKeyPrincipal> {
  if (!token) throw keyRefusals.missing();
  const parsed = parseIntegrationToken(token);
  if (!parsed) throw keyRefusals.unknown();
  const [key] = await deps.db.select().from(integrationKeys).where(eq(integrationKeys.id, parsed.keyId));
  checkKey(key ?? null, await deps.vault.tokenDigest(parsed.secret), deps.clock.now());
  await takeLimits(deps, [{ rule: keyLimitRule(key!.perMinute), subject: key!.id }]);
  return { keyId: key!.id, name: key!.name, scopes: key!.scopes, schoolId: key!.schoolId, expiresAt: key!.expiresAt };
}
