import { testTokens } from './tokens';
import { sessions } from '../../db/schema';
import { demoStaff } from '../../db/seed/demo-staff';
import { randomId } from '../../src/adapters/random';
import { newSession } from '../../src/services/sessions';
import type { EnrollmentClient } from '../../src/client';
import { createEnrollmentClient } from '../../src/client';
import type { TestHost } from './host';
import { type Catalog, catalogFor, hukouDocuments, hukouForm } from './journey';
import { residentId } from './identity';
import { until } from './until';
import { privacyNotice } from '../../src/domain/privacy-notice';
import { uploadSample } from './upload';

/**
 * Everyone who can call the platform, and what each of them owns: the fixture of the access matrix and the fuzzer.
 * Parent A owns everything interesting (two children, a submitted application naming the demo school first, a
 * draft with an uploaded document, messages); parent B owns a child of their own and must reach none of A's.
 */
export const actorNames = [
  'anonymous',
  'parentA',
  'parentB',
  'schoolInScope',
  'schoolOutOfScope',
  'county',
  'admin',
  'integrator',
] as const;
// `integrator` is a system with an integration key holding every scope, limited to A's first-choice school.
export type Actor = (typeof actorNames)[number];

export interface World {
  t: TestHost;
  c: Catalog;
  /** Bearer token per actor (null for anonymous). */
  tokens: Record<Actor, string | null>;
  clients: Record<Actor, EnrollmentClient>;
  a: {
    phone: string;
    accountId: string;
    /** Child with the submitted application. */
    childId: string;
    childName: string;
    /** Child with the draft application. */
    draftChildId: string;
    submittedId: string;
    submittedNumber: string;
    submittedVersion: number;
    draftId: string;
    /** A document on the submitted application (visible to reviewers in scope) and one on the draft. */
    submittedDocumentId: string;
    draftDocumentId: string;
    messageIds: string[];
  };
  b: { phone: string; childId: string };
  schools: { inScope: string; secondChoice: string; outOfScope: string };
  staffIds: Record<'admin' | 'county' | 'schoolInScope' | 'schoolOutOfScope', string>;
  /** A token for a new session of the same actor (for sign-out rows, which end the session they run in). */
  freshToken(actor: Actor): Promise<string | null>;
  /** Ids of real rows (A's, B's, staff, catalog): the fuzzer sends them where an id is expected. */
  knownIds(): string[];
  /** Values that belong to parent A: none may appear in what B, anonymous or an out-of-scope reviewer receives. */
  secretsOfA(): string[];
}

/** Signs in through the real procedures (the code from the dev inbox). Not parents.ts: the fuzz CLI runs outside vitest. */
async function parentToken(t: TestHost, phone: string): Promise<string> {
  await t.client.auth.requestCode.mutate({ phone });
  const code = await until(
    `a code for ${phone}`,
    async () => (await t.client.dev.inbox.query({ phone }))[0]?.body.match(/验证码为(\d{6})/)?.[1],
  );
  const { token } = await t.client.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: privacyNotice.version });
  return token!;
}

async function staffTokenFor(t: TestHost, username: string, password: string): Promise<string> {
  const { token } = await t.client.review.signIn.mutate({ username, password, session: 'token' });
  return token!;
}

/** Another session of an existing account, as a completed sign-in leaves it (the code limits would refuse a new code). */
async function anotherSession(t: TestHost, accountId: string): Promise<string> {
  const now = t.clock.now();
  const session = await newSession(testTokens, now);
  await t.host.deps.db
    .insert(sessions)
    .values({ id: randomId(), tokenHash: session.tokenHash, accountId, createdAt: now, lastSeenAt: now, expiresAt: session.expiresAt });
  return session.token;
}

const outOfScopePassword = 'out-of-scope-reviewer-2024';

export async function buildWorld(t: TestHost): Promise<World> {
  const c = await catalogFor(t);
  const demoSchool = c.primary.find((s) => s.name === '桃江县实验小学')!;
  const secondChoice = c.primary.find((s) => s.id !== demoSchool.id)!;
  const outOfScope = c.outside;

  const staffPassword = (u: string) => demoStaff.find((s) => s.username === u)!.password;
  const adminToken = await staffTokenFor(t, 'admin', staffPassword('admin'));
  const admin = createEnrollmentClient({ url: t.url, token: adminToken });
  const created = (await admin.admin.createStaff.mutate({
    username: 'reviewer-out-of-scope',
    displayName: '外校审核员',
    role: 'school_reviewer',
    schoolId: outOfScope.id,
    password: outOfScopePassword,
  })) as { id: string };

  const aPhone = '13800138001';
  const bPhone = '13900139002';
  const tokens: Record<Actor, string | null> = {
    anonymous: null,
    parentA: await parentToken(t, aPhone),
    parentB: await parentToken(t, bPhone),
    schoolInScope: await staffTokenFor(t, 'school', staffPassword('school')),
    schoolOutOfScope: await staffTokenFor(t, 'reviewer-out-of-scope', outOfScopePassword),
    county: await staffTokenFor(t, 'county', staffPassword('county')),
    admin: adminToken,
    integrator: (
      await admin.admin.integrationKeys.create.mutate({
        name: '矩阵对接系统',
        scopes: ['catalog.read', 'placements.read', 'decisions.write', 'statistics.read'],
        schoolId: demoSchool.id,
        perMinute: 6000,
      })
    ).token,
  };
  const clients = Object.fromEntries(
    actorNames.map((actor) => [actor, createEnrollmentClient({ url: t.url, token: tokens[actor] ?? undefined })]),
  ) as Record<Actor, EnrollmentClient>;
  const parentA = clients.parentA;

  const childName = '欧阳明轩';
  const child = await parentA.children.add.mutate({ name: childName, idType: 'resident', idNumber: residentId('20180101', '611') });
  const draftChild = await parentA.children.add.mutate({ name: '欧阳雨桐', idType: 'resident', idNumber: residentId('20180202', '622') });
  const bChild = await clients.parentB.children.add.mutate({
    name: '司马小宇',
    idType: 'resident',
    idNumber: residentId('20180303', '633'),
  });

  const grade1 = c.entry('grade1').id;
  const { applicationId: submittedId } = await parentA.applications.start.mutate({
    childId: child.id,
    entryId: grade1,
    acceptDeclaration: true,
  });
  await parentA.applications.chooseChannel.mutate({ applicationId: submittedId, channelId: c.channel('hukou').id });
  await parentA.applications.save.mutate({ applicationId: submittedId, fields: hukouForm(c.community) });
  await parentA.applications.chooseSchools.mutate({
    applicationId: submittedId,
    firstSchoolId: demoSchool.id,
    secondSchoolId: secondChoice.id,
    sibling: null,
  });
  const documentIds: string[] = [];
  for (const kind of hukouDocuments) documentIds.push(await uploadSample(t, tokens.parentA!, submittedId, kind));
  const { version } = await parentA.applications.get.query({ applicationId: submittedId });
  await parentA.applications.submit.mutate({ applicationId: submittedId, version });
  const submitted = await parentA.applications.get.query({ applicationId: submittedId });

  const { applicationId: draftId } = await parentA.applications.start.mutate({
    childId: draftChild.id,
    entryId: grade1,
    acceptDeclaration: true,
  });
  await parentA.applications.chooseChannel.mutate({ applicationId: draftId, channelId: c.channel('hukou').id });
  const draftDocumentId = await uploadSample(t, tokens.parentA!, draftId, 'student-hukou');

  const messageIds = await until('two messages for parent A', async () => {
    const ids = (await parentA.messages.list.query({})).map((m) => m.id);
    return ids.length >= 2 ? ids : undefined;
  });
  const me = await parentA.auth.me.query();
  const bAccountId = (await clients.parentB.auth.me.query()).accountId;
  const staffMe = async (actor: Actor) => (await clients[actor].review.me.query()).staffId;

  const world: World = {
    t,
    c,
    tokens,
    clients,
    a: {
      phone: aPhone,
      accountId: me.accountId,
      childId: child.id,
      childName,
      draftChildId: draftChild.id,
      submittedId,
      submittedNumber: submitted.number,
      submittedVersion: submitted.version,
      draftId,
      submittedDocumentId: documentIds[0]!,
      draftDocumentId,
      messageIds,
    },
    b: { phone: bPhone, childId: bChild.id },
    schools: { inScope: demoSchool.id, secondChoice: secondChoice.id, outOfScope: outOfScope.id },
    staffIds: {
      admin: await staffMe('admin'),
      county: await staffMe('county'),
      schoolInScope: await staffMe('schoolInScope'),
      schoolOutOfScope: created.id,
    },
    async freshToken(actor) {
      switch (actor) {
        case 'anonymous':
          return null;
        case 'parentA':
          return anotherSession(t, me.accountId);
        case 'parentB':
          return anotherSession(t, bAccountId);
        case 'schoolInScope':
          return staffTokenFor(t, 'school', staffPassword('school'));
        case 'schoolOutOfScope':
          return staffTokenFor(t, 'reviewer-out-of-scope', outOfScopePassword);
        case 'county':
          return staffTokenFor(t, 'county', staffPassword('county'));
        case 'admin':
          return staffTokenFor(t, 'admin', staffPassword('admin'));
        case 'integrator':
          return tokens.integrator;
      }
    },
    knownIds() {
      const catalogIds = [
        c.region.id,
        ...c.region.entries.map((e) => e.id),
        ...c.primary.map((s) => s.id),
        ...c.junior.map((s) => s.id),
        c.outside.id,
        c.channel('hukou').id,
      ];
      return [
        ...new Set([
          me.accountId,
          child.id,
          draftChild.id,
          bChild.id,
          submittedId,
          draftId,
          ...documentIds,
          draftDocumentId,
          ...messageIds,
          ...Object.values(this.staffIds),
          ...catalogIds,
        ]),
      ];
    },
    secretsOfA() {
      return [
        aPhone,
        me.accountId,
        child.id,
        childName,
        draftChild.id,
        '欧阳雨桐',
        submittedId,
        submitted.number,
        draftId,
        ...documentIds,
        draftDocumentId,
        ...messageIds,
      ];
    },
  };
  return world;
}
