import { asc, eq } from 'drizzle-orm';
import { commitChange } from '../../../db/change';
import { noRowExists, rowExists } from '../../../db/exists';
import { insertWhen } from '../../../db/insert-when';
import { integrationKeys, schools } from '../../../db/schema';
import { randomToken } from '../../adapters/vault';
import type { AppDeps } from '../../deps';
import { fieldError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import {
  checkNewKey,
  checkOverlapHours,
  integrationToken,
  keyRefusals,
  keyState,
  keyStateNames,
  type NewKeyInput,
  overlapHoursDefault,
  overlapUntil,
} from '../../domain/integration-key';
import type { IntegrationScope } from '../../domain/integration-scope';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'vault'>;
type Request = { ip: string | null; requestId: string | null };
type KeyRow = typeof integrationKeys.$inferSelect;

const author = (admin: SignedInStaff, request: Request) => ({ staffId: admin.staffId, username: admin.username, ...request });

/** What the audit log and the list show of a key: never a secret or its hash. */
function settingsOf(key: Pick<KeyRow, 'name' | 'scopes' | 'schoolId' | 'expiresAt' | 'perMinute'>) {
  return {
    name: key.name,
    scopes: key.scopes,
    schoolId: key.schoolId,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    perMinute: key.perMinute,
  };
}

/** A fresh secret: the token handed out once, and the hash the row keeps. */
async function newSecret(deps: Deps, keyId: string) {
  const secret = randomToken(deps.random);
  return { token: integrationToken(keyId, secret), secretHash: await deps.vault.tokenDigest(secret) };
}

async function loadKey(deps: Deps, keyId: string) {
  const [key] = await deps.db.select().from(integrationKeys).where(eq(integrationKeys.id, keyId));
  if (!key) throw keyRefusals.notFound();
  return key;
}

/** Every key with its state, scopes and school, by name; secrets are never listed. */
export async function listIntegrationKeys(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const now = deps.clock.now();
  const rows = await deps.db
    .select({ key: integrationKeys, schoolName: schools.name })
    .from(integrationKeys)
    .leftJoin(schools, eq(schools.id, integrationKeys.schoolId))
    .orderBy(asc(integrationKeys.name));
  return rows.map(({ key, schoolName }) => {
    const state = keyState(key, now);
    return {
      id: key.id,
      ...settingsOf(key),
      schoolName: schoolName ?? null,
      state,
      stateName: keyStateNames[state],
      previousValidUntil: key.previousValidUntil && key.previousValidUntil > now ? key.previousValidUntil.toISOString() : null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
      createdBy: key.createdBy,
      createdAt: key.createdAt.toISOString(),
      version: key.version,
    };
  });
}

/** A new key; its token is in the answer and nowhere else (the row keeps the secret's hash). */
export async function createIntegrationKey(
  deps: Deps,
  admin: SignedInStaff,
  input: { name: string; scopes: IntegrationScope[]; schoolId?: string | null; expiresAt?: string | null; perMinute: number },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const wanted: NewKeyInput = checkNewKey(
    {
      name: input.name,
      scopes: input.scopes,
      schoolId: input.schoolId ?? null,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      perMinute: input.perMinute,
    },
    now,
  );
  if (wanted.schoolId) {
    const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.id, wanted.schoolId));
    if (!school) throw fieldError('schoolId', '找不到该学校');
  }
  const id = newId(deps.random);
  const { token, secretHash } = await newSecret(deps, id);
  const row = {
    id,
    name: wanted.name,
    scopes: [...wanted.scopes],
    schoolId: wanted.schoolId,
    secretHash,
    expiresAt: wanted.expiresAt,
    perMinute: wanted.perMinute,
    createdBy: admin.username,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  const [inserted] = await db.batch([
    insertWhen(db, integrationKeys, row, noRowExists(integrationKeys, eq(integrationKeys.name, wanted.name))),
    auditStatement(
      db,
      { ...author(admin, request), action: 'integration_key_create', detail: { keyId: id, after: settingsOf(row) }, at: now },
      rowExists(integrationKeys, eq(integrationKeys.id, id)),
    ),
  ]);
  if (inserted.rowsAffected !== 1) throw keyRefusals.nameTaken();
  return { id, name: row.name, token, version: 0 };
}

/** What a change of a live key writes, audits and answers. */
type KeyChange<Answer> = {
  set: Partial<typeof integrationKeys.$inferInsert>;
  action: string;
  detail: Record<string, unknown>;
  answer: Answer;
};

/**
 * Commits `change` to a live key at the version the administrator saw, with its audit entry, in one guarded batch: a
 * revoked key, or another change since (here or racing), refuses. The guard is the version loaded, so what the change
 * keeps or audits as before is what it replaces.
 */
async function changeLiveKey<Answer>(
  deps: Deps,
  admin: SignedInStaff,
  input: { keyId: string; version: number },
  request: Request,
  change: (key: typeof integrationKeys.$inferSelect, now: Date) => Promise<KeyChange<Answer>>,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const key = await loadKey(deps, input.keyId);
  if (key.revokedAt) throw keyRefusals.alreadyRevoked();
  if (key.version !== input.version) throw keyRefusals.changed();
  const { set, action, detail, answer } = await change(key, now);
  const done = await commitChange(db, deps.random, {
    table: integrationKeys,
    key: { column: integrationKeys.id, value: key.id },
    guard: { version: input.version, revokedAt: null },
    set: { ...set, updatedAt: now, version: input.version + 1 },
    nonce: integrationKeys.changeNonce,
    returning: { version: integrationKeys.version },
    followUps: (won) => [auditStatement(db, { ...author(admin, request), action, detail, at: now }, won)] as const,
  });
  if (!done.won) throw keyRefusals.changed();
  return { key, version: done.row.version, answer };
}

/**
 * A new secret for a key: shown once; the old one keeps working for `overlapHours` (7 days unless chosen) so the
 * system can switch without downtime. Of two rotations at once, one wins and the other is CONFLICT.
 */
export async function rotateIntegrationKey(
  deps: Deps,
  admin: SignedInStaff,
  input: { keyId: string; version: number; overlapHours?: number },
  request: Request,
) {
  const overlapHours = checkOverlapHours(input.overlapHours ?? overlapHoursDefault);
  const { key, version, answer } = await changeLiveKey(deps, admin, input, request, async (key, now) => {
    const { token, secretHash } = await newSecret(deps, key.id);
    const previousValidUntil = overlapUntil(now, overlapHours);
    return {
      set: { secretHash, previousSecretHash: key.secretHash, previousValidUntil },
      action: 'integration_key_rotate',
      detail: { keyId: key.id, name: key.name, previousValidUntil: previousValidUntil.toISOString() },
      answer: { token, previousValidUntil: previousValidUntil.toISOString() },
    };
  });
  return { id: key.id, name: key.name, ...answer, version };
}

/** Ends a key at once: its current and previous secrets stop working. */
export async function revokeIntegrationKey(deps: Deps, admin: SignedInStaff, input: { keyId: string; version: number }, request: Request) {
  const { key, version } = await changeLiveKey(deps, admin, input, request, async (key, now) => ({
    set: { revokedAt: now, previousValidUntil: null },
    action: 'integration_key_revoke',
    detail: { keyId: key.id, before: settingsOf(key) },
    answer: null,
  }));
  return { id: key.id, version };
}
