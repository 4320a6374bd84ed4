import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../src/api/router';
import { createApp } from '../../src/app';
import { startTestHost, type TestHost } from '../helpers/host';
import { callRaw, errorOf, isChinese, type RawAnswer } from '../helpers/raw-trpc';
import { type Actor, actorNames, buildWorld, type World } from '../helpers/world';
import { privacyNotice } from '../../src/domain/privacy-notice';

/**
 * Every procedure of `appRouter` and every HTTP route of the app, called by every actor over real HTTP, against the
 * outcome written below. A procedure or route without a row fails the test with its name.
 *
 * Outcomes, one per actor in this order: anonymous parentA parentB schoolInScope schoolOutOfScope county admin
 * integrator (a key holding every scope, limited to A's first-choice school); a row of seven gives the integrator the
 * anonymous caller's outcome (a key is no session: parents' and staff procedures refuse it).
 *   ok  the call passed every access check (it may still be refused on a business rule: CONFLICT, BAD_REQUEST, …)
 *   U   UNAUTHORIZED (nobody signed in, or not the right kind of session)
 *   F   FORBIDDEN (the role may not do this)
 *   N   NOT_FOUND (the object exists but is not the caller's: no oracle)
 * Parent A owns every object the inputs name (test/helpers/world.ts); the in-scope school is A's first choice, the
 * out-of-scope school is named nowhere.
 */
type Outcome = 'ok' | 'U' | 'F' | 'N';
interface Row {
  /** The input sent, built from the world (omitted: no input). */
  input?: (w: World) => unknown;
  outcomes: string;
  /** Run after every other row (the call changes or removes what other rows use). */
  last?: boolean;
  /** The call ends the session it runs in: each actor uses a fresh one. */
  endsSession?: boolean;
  /** Runs just before parent A's own call: what everyone else's calls must not have changed. */
  unchangedForOwner?: (w: World) => Promise<void>;
}
const row = (outcomes: string, input?: Row['input'], options: Omit<Row, 'outcomes' | 'input'> = {}): Row => ({
  outcomes,
  input,
  ...options,
});

const publicAll = 'ok ok ok ok ok ok ok';
const ownerOnly = 'U ok N U U U U';
const anyParent = 'U ok ok U U U U';
const anyStaff = 'U U U ok ok ok ok';
const adminOnly = 'U U U F F F ok';
const keyOnly = 'U U U U U U U ok';
/** 代办 (agent role only): no parent, reviewer or administrator; test/api/assisted-registration.test.ts covers agents. */
const agentOnly = 'U U U F F F F';

const matrix: Record<string, Row> = {
  'catalog.regions': row(publicAll),
  'catalog.privacyNotice': row(publicAll),
  'catalog.region': row(publicAll, (w) => ({ regionId: w.c.region.id })),
  'catalog.channels': row(publicAll, (w) => ({ entryId: w.c.entry('grade1').id })),
  'catalog.schools': row(publicAll, (w) => ({ regionId: w.c.region.id })),
  'catalog.communities': row(publicAll, (w) => ({ regionId: w.c.region.id })),
  'catalog.pages': row(publicAll, (w) => ({ regionId: w.c.region.id })),
  'catalog.placement': row(publicAll, (w) => ({ regionId: w.c.region.id })),

  'auth.requestCode': row(publicAll, () => ({ phone: '13700137000' })),
  'auth.signIn': row(publicAll, () => ({ phone: '13700137000', code: '000000', session: 'token', acceptedNotice: privacyNotice.version })),
  'auth.signOut': row(anyParent, undefined, { last: true, endsSession: true }),
  'auth.me': row(anyParent),
  'auth.session': row(publicAll),
  'auth.changePhone': row(anyParent, () => ({ phone: '13700137001', code: '000000' })),

  'children.list': row(anyParent),
  'children.add': row(anyParent, () => ({ name: '张', idType: 'resident', idNumber: '1' })),
  'children.rename': row(ownerOnly, (w) => ({ childId: w.a.draftChildId, name: '欧阳改名' }), {
    unchangedForOwner: async (w) => expect((await w.clients.parentA.children.list.query()).map((c) => c.name)).toContain('欧阳雨桐'),
  }),
  // The child with the submitted application: A passes the access check and is refused (an active application).
  'children.removalPreview': row(ownerOnly, (w) => ({ childId: w.a.draftChildId })),
  'children.remove': row(ownerOnly, (w) => ({ childId: w.a.childId }), { last: true }),
  // A claim on a number that is no valid ID: the access checks run, the claim itself is refused (BAD_REQUEST).
  'children.claim': row(anyParent, () => ({ name: '张', idType: 'resident', idNumber: '1', parentIdNumber: '1', reason: '孩子是我的' })),
  'children.claims': row(anyParent),

  'applications.list': row(anyParent),
  'applications.get': row(ownerOnly, (w) => ({ applicationId: w.a.submittedId })),
  'applications.precheck': row(ownerOnly, (w) => ({
    childId: w.a.childId,
    entryId: w.c.entry('grade1').id,
    parentIdNumber: '430922198503122135',
  })),
  'applications.childrenFit': row(anyParent, (w) => ({ entryId: w.c.entry('grade1').id })),
  'applications.start': row(ownerOnly, (w) => ({ childId: w.a.draftChildId, entryId: w.c.entry('grade1').id, acceptDeclaration: true })),
  'applications.chooseChannel': row(ownerOnly, (w) => ({ applicationId: w.a.draftId, channelId: w.c.channel('hukou').id })),
  'applications.save': row(ownerOnly, (w) => ({ applicationId: w.a.draftId, fields: { address: '桃花江镇资江路1号' } })),
  'applications.chooseSchools': row(ownerOnly, (w) => ({
    applicationId: w.a.draftId,
    firstSchoolId: w.schools.inScope,
    secondSchoolId: w.schools.secondChoice,
    sibling: null,
  })),
  'applications.submit': row(ownerOnly, (w) => ({ applicationId: w.a.draftId, version: 0 })),
  'applications.revealId': row(ownerOnly, (w) => ({ applicationId: w.a.submittedId, field: 'father' })),
  'applications.withdraw': row(ownerOnly, (w) => ({ applicationId: w.a.submittedId }), { last: true }),
  'applications.progress': row(ownerOnly, (w) => ({ applicationId: w.a.submittedId })),
  'applications.accessLog': row(ownerOnly, (w) => ({ applicationId: w.a.submittedId })),
  // Not placed yet: the owner passes the access checks and is told so (CONFLICT).
  'applications.confirmSeat': row(ownerOnly, (w) => ({ applicationId: w.a.submittedId, accept: true })),
  'applications.fileObjection': row(ownerOnly, (w) => ({ applicationId: w.a.submittedId, reason: '矩阵测试的异议理由' })),

  'messages.list': row(anyParent, () => ({})),
  'messages.unreadCount': row(anyParent),
  // B may call it with A's ids: it must change nothing of A's.
  'messages.markRead': row(anyParent, (w) => ({ ids: w.a.messageIds }), {
    unchangedForOwner: async (w) =>
      expect((await w.clients.parentA.messages.list.query({})).filter((m) => !m.read).map((m) => m.id)).toEqual(
        expect.arrayContaining(w.a.messageIds),
      ),
  }),

  'review.signIn': row(publicAll, () => ({ username: 'county', password: 'demo-county-2024', session: 'token' })),
  'review.signOut': row(anyStaff, undefined, { last: true, endsSession: true }),
  'review.me': row(anyStaff),
  'review.queue': row(anyStaff, () => ({})),
  'review.get': row('U U U ok N ok ok', (w) => ({ applicationId: w.a.submittedId })),
  'review.stats': row(anyStaff),
  'review.approve': row('U U U F F ok ok', (w) => ({ applicationId: w.a.submittedId })),
  'review.reject': row('U U U F F ok ok', (w) => ({ applicationId: w.a.submittedId, reason: '材料不清晰，请重新上传' })),
  'review.schoolApprove': row('U U U ok N F ok', (w) => ({ applicationId: w.a.submittedId })),
  'review.schoolReject': row('U U U ok N F ok', (w) => ({ applicationId: w.a.submittedId, reason: '材料不清晰，请重新上传' })),
  'review.bulkApprove': row('U U U F F ok ok', (w) => ({ applicationIds: [w.a.submittedId] })),
  'review.revealId': row('U U U ok N ok ok', (w) => ({ applicationId: w.a.submittedId, field: 'child' })),
  'review.revealPhone': row('U U U ok N ok ok', (w) => ({ applicationId: w.a.submittedId })),
  'review.recheck': row('U U U ok N ok ok', (w) => ({ applicationId: w.a.submittedId })),
  'review.export': row(anyStaff, () => ({})),
  // A school reviewer asking for another school's 录取名单 is refused (FORBIDDEN: no list of another school leaks).
  'review.confirmedList': row('U U U ok F ok ok', (w) => ({ schoolId: w.schools.inScope })),
  'review.demandColumns': row(anyStaff),
  'review.audit': row(adminOnly, () => ({})),
  'review.bindingAppeals': row('U U U F F ok ok', () => ({})),
  'review.settleBindingAppeal': row('U U U F F N N', () => ({
    appealId: 'aaaaaaaaaaaaaaaaaaaa',
    grant: false,
    reason: '材料不足，不予支持',
  })),

  'admin.staff': row(adminOnly),

  'agent.lookup': row(agentOnly, () => ({ phone: '13700137010' })),
  'agent.sendCode': row(agentOnly, () => ({ phone: '13700137010' })),
  'agent.open': row(agentOnly, () => ({
    phone: '13700137010',
    reason: '家长没有手机，由社区干部陪同前来',
    acceptedNotice: privacyNotice.version,
  })),
  'agent.end': row(agentOnly),
  'agent.mandates': row(agentOnly),
  'admin.createStaff': row(adminOnly, (w) => ({
    username: 'matrix-reviewer',
    displayName: '矩阵审核员',
    role: 'school_reviewer',
    schoolId: w.schools.outOfScope,
    password: 'matrix-reviewer-2024',
  })),
  'admin.alerts': row(adminOnly),
  'admin.acknowledgeAlert': row('U U U F F F N', () => ({ alertId: 'aaaaaaaaaaaaaaaaaaaa' })),
  'admin.deadLetters': row(adminOnly),
  'admin.retryDeadLetter': row('U U U F F F N', () => ({ outboxId: 'aaaaaaaaaaaaaaaaaaaa' })),
  'admin.windows': row('U U U F F ok ok'),
  'admin.seasons': row('U U U F F ok ok'),
  'admin.checkSeason': row('U U U F F N N', () => ({ seasonId: 'aaaaaaaaaaaaaaaaaaaa' })),
  'admin.copySeason': row('U U U F F F N', () => ({
    fromSeasonId: 'aaaaaaaaaaaaaaaaaaaa',
    code: '2025-autumn',
    name: '2025年秋季',
    years: 1,
  })),
  'admin.publishSeason': row('U U U F F F N', () => ({ seasonId: 'aaaaaaaaaaaaaaaaaaaa', version: 0 })),
  'admin.retention.set': row('U U U F F F N', () => ({ seasonId: 'aaaaaaaaaaaaaaaaaaaa', version: 0, retainUntil: null })),
  'admin.retention.preview': row('U U U F F F N', () => ({ seasonId: 'aaaaaaaaaaaaaaaaaaaa' })),
  'admin.changeWindow': row('U U U F F F N', () => ({
    windowId: 'aaaaaaaaaaaaaaaaaaaa',
    version: 0,
    opensAt: '2024-07-15T00:00:00+08:00',
    closesAt: '2024-07-28T00:00:00+08:00',
  })),
  'admin.updateStaff': row(adminOnly, (w) => ({ staffId: w.staffIds.schoolOutOfScope, displayName: '外校审核员' })),
  // Towns of the county: county reviewers read them; each write is refused on a rule (the code is taken, a stale
  // version, an unknown id) once the access checks pass, so the world stays as it is.
  'admin.schools.list': row('U U U F F N N', () => ({ seasonId: 'aaaaaaaaaaaaaaaaaaaa' })),
  'admin.schools.create': row('U U U F F F N', () => ({
    seasonId: 'aaaaaaaaaaaaaaaaaaaa',
    code: 'matrix-primary',
    name: '矩阵小学',
    level: 'primary',
    address: '矩阵路1号',
    places: [],
    communityIds: [],
  })),
  // An unknown school: the access checks pass and the edit is refused (BAD_REQUEST, as for a parent's unknown choice).
  'admin.schools.update': row('U U U F F F ok', () => ({
    seasonSchoolId: 'aaaaaaaaaaaaaaaaaaaa',
    version: 0,
    address: '矩阵路1号',
    places: [],
    communityIds: [],
  })),
  'admin.schools.remove': row('U U U F F F ok', () => ({ seasonSchoolId: 'aaaaaaaaaaaaaaaaaaaa', version: 0 })),
  'admin.communities.list': row('U U U F F ok ok', (w) => ({ regionId: w.c.region.id })),
  // A name the region already has: refused (CONFLICT) after the access checks, nothing created.
  'admin.communities.create': row('U U U F F F ok', (w) => ({ regionId: w.c.region.id, name: '资江社区' })),
  'admin.importSchools': row('U U U F F F N', () => ({ seasonId: 'aaaaaaaaaaaaaaaaaaaa', version: 0, schools: [], communities: [] })),
  'admin.regions.list': row('U U U F F ok ok'),
  'admin.regions.create': row(adminOnly, (w) => ({ code: w.c.region.code, name: '矩阵镇' })),
  'admin.regions.update': row(adminOnly, (w) => ({ regionId: w.c.region.id, version: 999, name: '矩阵镇' })),
  'admin.regions.reorder': row(adminOnly, () => ({ ids: ['aaaaaaaaaaaaaaaaaaaa'] })),
  // Policy pages: county reviewers read them; only administrators write (here on rows that do not exist).
  'admin.channels.list': row('U U U F F ok ok', (w) => ({ seasonId: w.c.region.season.id })),
  // A version nobody holds: the administrator passes the access checks and is told the channel changed (CONFLICT).
  'admin.channels.update': row('U U U F F F ok', (w) => ({
    channelId: w.c.channel('military').id,
    version: 999,
    name: '矩阵通道',
    definition: '矩阵说明',
    eligibility: { check: 'military', verifiable: false, manualProof: true },
    documents: [{ kind: 'matrix-proof', name: '矩阵证明' }],
    enabled: true,
  })),
  'admin.channels.create': row('U U U F F F N', () => ({
    trackId: 'aaaaaaaaaaaaaaaaaaaa',
    code: 'matrix',
    name: '矩阵通道',
    definition: '矩阵说明',
    eligibility: { check: 'other', verifiable: false, manualProof: true },
    documents: [{ kind: 'matrix-proof', name: '矩阵证明' }],
  })),
  'admin.channels.reorder': row('U U U F F F N', () => ({
    trackId: 'aaaaaaaaaaaaaaaaaaaa',
    channels: [{ channelId: 'aaaaaaaaaaaaaaaaaaaa', version: 0 }],
  })),
  'admin.channels.remove': row('U U U F F F ok', (w) => ({ channelId: w.c.channel('military').id, version: 999 })),
  'admin.placement.rules': row('U U U F F ok ok', (w) => ({ seasonId: w.c.region.season.id })),
  'admin.placement.updateRules': row('U U U F F F N', () => ({
    seasonId: 'aaaaaaaaaaaaaaaaaaaa',
    version: 0,
    tiers: [{ label: '其他', rule: {} }],
    mechanism: 'da',
  })),
  'admin.placement.observers': row('U U U F F ok ok', (w) => ({ seasonId: w.c.region.season.id })),
  'admin.placement.recordCommitment': row('U U U F F F N', () => ({
    seasonId: 'aaaaaaaaaaaaaaaaaaaa',
    name: '矩阵监督人',
    role: '公证员',
    commitment: 'a'.repeat(64),
  })),
  'admin.placement.dryRun': row('U U U F F F N', () => ({ seasonId: 'aaaaaaaaaaaaaaaaaaaa', entryId: 'aaaaaaaaaaaaaaaaaaaa', grade: 1 })),
  'admin.placement.seatDemand': row('U U U ok ok ok ok', (w) => ({
    seasonId: w.c.region.season.id,
    entryId: w.c.entry('grade1').id,
    grade: 1,
  })),
  'admin.placement.demandNotice': row('U U U F F F ok', () => ({
    seasonId: 'aaaaaaaaaaaaaaaaaaaa',
    schoolId: 'aaaaaaaaaaaaaaaaaaaa',
    version: 0,
    notice: null,
  })),
  'admin.placement.draw': row('U U U F F F ok', (w) => ({
    seasonId: w.c.region.season.id,
    entryId: w.c.entry('grade1').id,
    grade: 1,
  })),
  'admin.placement.draws': row('U U U F F ok ok', (w) => ({ seasonId: w.c.region.season.id })),
  'admin.placement.publishResults': row('U U U F F F N', () => ({ drawId: 'aaaaaaaaaaaaaaaaaaaa' })),
  'admin.placement.secondRound': row('U U U F F F N', () => ({ drawId: 'aaaaaaaaaaaaaaaaaaaa' })),
  'admin.placement.objections': row('U U U F F ok ok', (w) => ({ seasonId: w.c.region.season.id })),
  'admin.placement.decideObjection': row('U U U F F F N', () => ({
    objectionId: 'aaaaaaaaaaaaaaaaaaaa',
    outcome: 'dismissed',
    reason: '矩阵',
  })),
  'admin.placement.unplaced': row('U U U F F ok ok', (w) => ({ seasonId: w.c.region.season.id })),
  'admin.placement.assignSchool': row('U U U F F F ok', () => ({
    drawId: 'aaaaaaaaaaaaaaaaaaaa',
    applicationId: 'aaaaaaaaaaaaaaaaaaaa',
    schoolId: 'aaaaaaaaaaaaaaaaaaaa',
  })),
  'admin.placement.reveal': row('U U U F F F N', () => ({ observerId: 'aaaaaaaaaaaaaaaaaaaa', contribution: '秘密' })),
  'admin.pages': row('U U U F F ok ok'),
  'admin.updatePage': row('U U U F F F N', () => ({ pageId: 'aaaaaaaaaaaaaaaaaaaa', version: 0, title: '常见问题', body: '正文' })),
  'admin.createPage': row('U U U F F F N', () => ({ seasonId: 'aaaaaaaaaaaaaaaaaaaa', slug: 'matrix', title: '矩阵页', body: '' })),
  'admin.orderPages': row('U U U F F F N', () => ({
    seasonId: 'aaaaaaaaaaaaaaaaaaaa',
    pages: [{ pageId: 'aaaaaaaaaaaaaaaaaaaa', version: 0 }],
  })),

  // Demo mode only (the test host runs in demo mode); outside it every actor gets NOT_FOUND (messages.test.ts).
  'dev.inbox': row(publicAll, () => ({ phone: '13700137000' })),

  'admin.integrationKeys.list': row(adminOnly),
  // A name taken by the matrix's own key: refused (CONFLICT) once the access checks pass, nothing created.
  'admin.integrationKeys.create': row(adminOnly, () => ({ name: '矩阵对接系统', scopes: ['catalog.read'] })),
  // An unknown key: the administrator passes the access checks and is told so (NOT_FOUND after the checks).
  'admin.integrationKeys.rotate': row('U U U F F F N', () => ({ keyId: 'aaaaaaaaaaaaaaaaaaaa', version: 0 })),
  'admin.integrationKeys.revoke': row('U U U F F F N', () => ({ keyId: 'aaaaaaaaaaaaaaaaaaaa', version: 0 })),

  // Systems with a key: sessions (cookie or bearer) are not keys.
  'integration.whoami': row(keyOnly),
  'integration.schools': row(keyOnly),
  'integration.placements': row(keyOnly, (w) => ({ schoolId: w.schools.inScope })),
  'integration.statistics': row(keyOnly),
  // A's application is still 审核中: the key passes the access checks and the move is refused (CONFLICT).
  'integration.decide': row(keyOnly, (w) => ({ applicationId: w.a.submittedId, action: 'school_approve' })),

  // Plain HTTP routes of the app (documents, health), named `METHOD path` as Hono lists them.
  'POST /api/files': row('U ok N U U U U', (w) => w.a.draftId),
  'GET /api/files/:id': row('U ok N ok N ok ok', (w) => w.a.submittedDocumentId),
  'DELETE /api/files/:id': row('U ok N U U U U', (w) => w.a.draftDocumentId, {
    last: true,
    unchangedForOwner: async (w) =>
      expect((await w.clients.parentA.applications.get.query({ applicationId: w.a.draftId })).documents.map((d) => d.id)).toContain(
        w.a.draftDocumentId,
      ),
  }),
  // 下载我的数据: each parent gets their own (parent B's ZIP holds nothing of A's: see `outsiders`).
  'POST /api/my-data': row(anyParent),
  'GET /api/health': row(publicAll),
  // A school's 录取名单 for its 学籍 system (the query string built from the input), as `review.confirmedList`; the
  // integrator's key holds placements.read for that school.
  'GET /api/exports/confirmed.xlsx': row('U U U ok F ok ok ok', (w) => ({ schoolId: w.schools.inScope })),
  'GET /api/exports/confirmed.csv': row('U U U ok F ok ok ok', (w) => ({ schoolId: w.schools.inScope })),
  // The integrators' REST paths (decision 031): the same access as the procedure each one runs.
  'GET /api/v1/catalog/regions': row(publicAll),
  'GET /api/v1/catalog/regions/:regionId': row(publicAll, (w) => ({ params: { regionId: w.c.region.id } })),
  'GET /api/v1/me': row(keyOnly),
  'GET /api/v1/schools': row(keyOnly),
  'GET /api/v1/schools/:schoolId/placements': row(keyOnly, (w) => ({ params: { schoolId: w.schools.inScope } })),
  'GET /api/v1/statistics': row(keyOnly),
  // As `integration.decide`: A's application is still 审核中, so the key passes the checks and the move is refused.
  'POST /api/v1/applications/:applicationId/decision': row(keyOnly, (w) => ({
    params: { applicationId: w.a.submittedId },
    body: { action: 'school_approve' },
  })),
  'GET /api/openapi.json': row(publicAll),
  'GET /api/reference': row(publicAll),
  // Public: a draw's published files (no draw with this id: NOT_FOUND for everyone, signed in or not).
  'GET /api/placement/draws/:id/:file{inputs\\.json|results\\.json}': row('N N N N N N N', () => 'aaaaaaaaaaaaaaaaaaaa'),
  // Last of all: it deletes parent A's draft, which the rows above use.
  'applications.discardDraft': row(ownerOnly, (w) => ({ applicationId: w.a.draftId }), {
    last: true,
    unchangedForOwner: async (w) =>
      expect((await w.clients.parentA.applications.get.query({ applicationId: w.a.draftId })).status).toBe('draft'),
  }),
  // 注销账号: what it would do, to each parent for their own account.
  'GET /api/my-data/deletion': row(anyParent),
  // After every other row: parent B (no live submitted application) is deleted; parent A's is refused (CONFLICT).
  'POST /api/my-data/deletion': row(anyParent, undefined, { last: true, endsSession: true }),
};

/** Domain codes that mean "access refused" even when their transport code is FORBIDDEN. */
const accessRefusals = new Set(['STAFF_FORBIDDEN', 'UNTRUSTED_ORIGIN', 'KEY_SCOPE_MISSING', 'KEY_OTHER_SCHOOL', null, undefined]);
const outcomeCode: Record<Outcome, string> = { ok: 'ok', U: 'UNAUTHORIZED', F: 'FORBIDDEN', N: 'NOT_FOUND' };

function outcomesOf(name: string): Record<Actor, string> {
  const given = matrix[name]!.outcomes.trim().split(/\s+/) as Outcome[];
  const parts = given.length === actorNames.length - 1 ? [...given, given[0]!] : given;
  if (parts.length !== actorNames.length || parts.some((p) => !(p in outcomeCode)))
    throw new Error(
      `row ${name}: "${matrix[name]!.outcomes}" must name ${actorNames.length - 1} or ${actorNames.length} outcomes of ok/U/F/N`,
    );
  return Object.fromEntries(actorNames.map((actor, i) => [actor, outcomeCode[parts[i]!]])) as Record<Actor, string>;
}

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' } }>;
let t: TestHost;
let w: World;
const httpRoutes = () =>
  createApp(t.host.deps)
    .routes.filter((r) => r.method !== 'ALL')
    .map((r) => `${r.method} ${r.path}`);

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
  w = await buildWorld(t);
}, 120_000);
afterAll(() => t?.close());

/** One call as one actor: the answer's status and body, plus the error shape tRPC or the files routes give. */
async function call(
  name: string,
  token: string | null,
): Promise<{ status: number; code: string; domainCode: string | null; message: unknown; text: string }> {
  const input = matrix[name]!.input?.(w);
  let answer: RawAnswer;
  if (name in procedures) {
    answer = await callRaw(t.url, name, procedures[name]!._def.type, input, { token });
  } else {
    const [method, path] = name.split(' ') as [string, string];
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    let response: Response;
    if (method === 'POST' && path === '/api/files') {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' }), 'a.png');
      form.set('applicationId', String(input));
      form.set('kind', 'father-hukou');
      response = await fetch(`${t.url}${path}`, { method, headers, body: form });
    } else if (path.startsWith('/api/v1/')) {
      // The integrators' REST paths: the input names the path's parameters and, for a POST, its JSON body.
      const { params = {}, body } = (input ?? {}) as { params?: Record<string, string>; body?: unknown };
      const url = path.replace(/:(\w+)/g, (_match, name: string) => params[name]!);
      if (body !== undefined) headers['content-type'] = 'application/json';
      response = await fetch(`${t.url}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } else {
      const query = input && typeof input === 'object' ? `?${new URLSearchParams(input as Record<string, string>)}` : '';
      const url = path.replace(':id', String(input)).replace(/:file\{[^}]*\}/, 'results.json') + query;
      response = await fetch(`${t.url}${url}`, { method, headers });
    }
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      /* a document's bytes */
    }
    answer = { status: response.status, body, text };
  }
  if (answer.status < 400) return { status: answer.status, code: 'ok', domainCode: null, message: null, text: answer.text };
  // tRPC puts the code under `error.data`; the files routes put it on `error` itself.
  const raw = errorOf(answer) as {
    code?: unknown;
    domainCode?: string;
    message?: string;
    data?: { code?: string; domainCode?: string | null };
  } | null;
  const error = {
    code: raw?.data?.code ?? (typeof raw?.code === 'string' ? raw.code : undefined),
    domainCode: raw?.data?.domainCode ?? raw?.domainCode,
    message: raw?.message,
  };
  return {
    status: answer.status,
    code: error.code ?? `HTTP ${answer.status}`,
    domainCode: error.domainCode ?? null,
    message: error.message,
    text: answer.text,
  };
}

/** What the matrix compares: ok when the call passed the access checks, else the access refusal. */
function classify(result: Awaited<ReturnType<typeof call>>): string {
  if (result.code === 'ok') return 'ok';
  if (result.code === 'UNAUTHORIZED' || result.code === 'NOT_FOUND') return result.code;
  if (result.code === 'FORBIDDEN' && accessRefusals.has(result.domainCode)) return 'FORBIDDEN';
  if (result.status >= 500) return `HTTP ${result.status}`;
  return 'ok';
}

/** Actors who must receive nothing of parent A's. */
const outsiders: Actor[] = ['anonymous', 'parentB', 'schoolOutOfScope'];

describe('access matrix', () => {
  it('has a row for every procedure and every HTTP route, and no row for something that does not exist', () => {
    const names = [...Object.keys(procedures), ...httpRoutes()];
    const missing = names.filter((name) => !(name in matrix));
    expect(missing, `add a row to the access matrix (test/api/access-matrix.test.ts) for: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(matrix).filter((name) => !names.includes(name));
    expect(stale, `rows for procedures or routes that no longer exist: ${stale.join(', ')}`).toEqual([]);
    for (const name of Object.keys(matrix)) outcomesOf(name);
  });

  it('answers every (procedure, actor) as the matrix says, never with a 500, refusals in Chinese, nothing of A to outsiders', async () => {
    const names = Object.keys(matrix).filter((name) => name in procedures || httpRoutes().includes(name));
    const ordered = [...names.filter((n) => !matrix[n]!.last), ...names.filter((n) => matrix[n]!.last)];
    // Parent A acts after everyone else, so an owner's change never hides an outsider's refusal.
    const actorOrder: Actor[] = [...actorNames.filter((a) => a !== 'parentA'), 'parentA'];
    const mismatches: string[] = [];
    const problems: string[] = [];
    const secrets = w.secretsOfA();

    for (const name of ordered) {
      const expected = outcomesOf(name);
      for (const actor of actorOrder) {
        if (actor === 'parentA') await matrix[name]!.unchangedForOwner?.(w);
        const token = matrix[name]!.endsSession ? await w.freshToken(actor) : w.tokens[actor];
        const result = await call(name, token);
        const got = classify(result);
        if (got !== expected[actor])
          mismatches.push(
            `${name} as ${actor}: expected ${expected[actor]}, got ${got} (${result.status} ${result.domainCode ?? ''} ${String(result.message ?? '')})`,
          );
        if (result.status >= 500) problems.push(`${name} as ${actor}: HTTP ${result.status}`);
        if (result.code !== 'ok' && !isChinese(result.message))
          problems.push(`${name} as ${actor}: refusal without a Chinese message: ${result.text.slice(0, 200)}`);
        if (result.code === 'ok' && outsiders.includes(actor)) {
          const leaked = secrets.filter((s) => result.text.includes(s));
          if (leaked.length) problems.push(`${name} as ${actor}: answer holds parent A's ${leaked.join(', ')}`);
        }
      }
    }
    expect(mismatches, mismatches.join('\n')).toEqual([]);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(t.errors).toEqual([]);
  }, 120_000);
});
