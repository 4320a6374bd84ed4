import { testTokens } from './tokens';
import type { Db } from '../../db/client';
import { accounts, documents, sessions, smsCodes } from '../../db/schema';
import { manualClock } from '../../src/adapters/clock';
import type { FileStore } from '../../src/adapters/files';
import { createVault } from '../../src/adapters/vault';
import { randomId } from '../../src/adapters/random';
import { signInPolicy } from '../../src/domain/sign-in-policy';
import { renderPolicyMarkdown } from '../../src/render/policy-markdown';
import { codeDigest } from '../../src/services/auth';
import { chooseChannel, chooseSchools, saveDraft } from '../../src/services/applications/edit';
import { formPatchOf } from '../../src/schemas/applications';
import { startApplication } from '../../src/services/applications/start';
import { getApplication } from '../../src/services/applications/view';
import { getRegion, listChannels, listCommunities, listRegions, listSchools } from '../../src/services/catalog';
import { addChild } from '../../src/services/children';
import { newSession } from '../../src/services/sessions';
import { parseConfig } from '../../worker/config';
import { buildDeps } from '../../worker/deps';
import { residentIds } from './identity';
import { hukouDocuments, hukouForm } from './journey';

/** Nothing in these preparations stores bytes: document rows are written as an upload would leave them. */
const noFiles: FileStore = {
  put: async () => {
    throw new Error('no file store in preparations');
  },
  get: async () => null,
  delete: async () => {},
};

/** The platform's own services over `db`, as the Worker with `dataKey` would run them, with the clock standing at `now`. */
async function servicesOn(db: Db, dataKey: string, now: Date) {
  const config = parseConfig({ DATABASE_URL: 'unused:', DATA_KEY: dataKey, ENROLL_DEV: '1' });
  const silent = { info: () => {}, warn: () => {}, error: () => {} };
  return buildDeps(config, db, noFiles, async (markdown) => renderPolicyMarkdown(markdown), { clock: manualClock(now), log: silent });
}

/**
 * Live sign-in codes for `phones`, written as `auth.requestCode` writes them (same digest, same key), without the
 * per-address limit that would refuse a hundred requests from one test machine. Returns the codes by phone.
 */
export async function seedSignInCodes(db: Db, dataKey: string, phones: string[], now: Date): Promise<Map<string, string>> {
  const vault = await createVault(dataKey);
  const codes = new Map(phones.map((phone, i) => [phone, String(100_000 + i * 7919).slice(-6)]));
  await db.insert(smsCodes).values(
    await Promise.all(
      phones.map(async (phone) => ({
        id: randomId(),
        phone,
        purpose: 'sign_in' as const,
        accountId: null,
        codeHash: await codeDigest(vault, phone, 'sign_in', codes.get(phone)!),
        ip: '192.0.2.1',
        createdAt: now,
        expiresAt: new Date(now.getTime() + signInPolicy.codeTtlMs),
      })),
    ),
  );
  return codes;
}

export interface PreparedDraft {
  phone: string;
  token: string;
  applicationId: string;
  version: number;
}

/**
 * `count` signed-in parents, each with a complete grade-1 draft (hukou channel, form, two schools, the five documents),
 * prepared through the platform's own services, ready for `applications.submit` at the returned version.
 */
export async function prepareDrafts(db: Db, dataKey: string, now: Date, count: number): Promise<PreparedDraft[]> {
  const deps = await servicesOn(db, dataKey, now);
  const [region] = await listRegions(db);
  const detail = await getRegion(db, region!.id, now);
  const grade1 = detail.entries.find((e) => e.code === 'grade1')!;
  const hukou = (await listChannels(db, grade1.id, now)).tracks[0]!.channels.find((c) => c.code === 'hukou')!;
  const [community] = await listCommunities(db, region!.id);
  const [first, second] = await listSchools(db, { regionId: region!.id, level: 'primary', community: community!.name });

  const parents = await Promise.all(
    Array.from({ length: count }, async (_, i) => ({
      phone: `137${String(10_000_000 + i).slice(-8)}`,
      accountId: randomId(),
      session: await newSession(testTokens, now),
    })),
  );
  await db.batch([
    db.insert(accounts).values(parents.map((p) => ({ id: p.accountId, phone: p.phone, createdAt: now, updatedAt: now }))),
    db.insert(sessions).values(
      parents.map((p) => ({
        id: randomId(),
        tokenHash: p.session.tokenHash,
        accountId: p.accountId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: p.session.expiresAt,
      })),
    ),
  ]);

  const childIds = residentIds(count, '20180101');
  const drafts: PreparedDraft[] = new Array(count);
  const prepareOne = async (i: number) => {
    const parent = parents[i]!;
    const child = await addChild(deps, parent.accountId, { name: '李小明', idType: 'resident', idNumber: childIds[i]! });
    const { applicationId } = await startApplication(deps, parent.accountId, { childId: child.id, entryId: grade1.id });
    await chooseChannel(deps, parent.accountId, { applicationId, channelId: hukou.id });
    await saveDraft(deps, parent.accountId, { applicationId, patch: formPatchOf(hukouForm(community!.name)) });
    await chooseSchools(deps, parent.accountId, { applicationId, firstSchoolId: first!.id, secondSchoolId: second!.id, sibling: null });
    await db.insert(documents).values(
      hukouDocuments.map((kind) => ({
        id: randomId(),
        applicationId,
        accountId: parent.accountId,
        kind,
        fileName: `${kind}.jpg`,
        contentType: 'image/jpeg',
        size: 1000,
        storageKey: randomId(),
        createdAt: now,
      })),
    );
    const view = await getApplication(db, parent.accountId, applicationId, now);
    if (view.missing.length > 0) throw new Error(`draft ${i} is incomplete: ${view.missing.map((m) => m.label).join(', ')}`);
    drafts[i] = { phone: parent.phone, token: parent.session.token, applicationId, version: view.version };
  };
  // A few families at a time: quicker than one by one, without the database refusing the load.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(8, count) }, async () => {
      while (next < count) await prepareOne(next++);
    }),
  );
  return drafts;
}
