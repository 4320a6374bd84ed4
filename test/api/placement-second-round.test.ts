import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, applications, auditLog, messages, placements } from '../../db/schema';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { parentToken } from '../helpers/parents';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { drawRoundOne } from '../helpers/round-one';
import { signInStaff, staffToken } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let admin: EnrollmentClient;
let roundOne: string;
const family = async (applicationId: string) => {
  const [row] = await t.host.deps.db
    .select({ phone: accounts.phone })
    .from(applications)
    .innerJoin(accounts, eq(accounts.id, applications.accountId))
    .where(eq(applications.id, applicationId));
  return createEnrollmentClient({ url: t.url, token: await parentToken(t, row!.phone) });
};
const placedAt = async (drawId: string, schoolId: string | null) =>
  (await t.host.deps.db.select().from(placements).where(eq(placements.drawId, drawId))).filter((p) => p.schoolId === schoolId);

/** Four approved applications for two one-seat schools (each 甲 first, 乙 second): round 1 leaves two unplaced. */
beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
  c = await catalogFor(t);
  ({ admin, drawId: roundOne } = await drawRoundOne(t, c, '1370000080'));
});
afterAll(() => t?.close());

describe('第二轮派位', () => {
  it('waits for round 1 to be published', async () => {
    const early = await refusal(admin.admin.placement.secondRound.mutate({ drawId: roundOne }));
    expect(early).toMatchObject({ message: '第一轮派位结果公布后才能进行第二轮派位', data: { code: 'CONFLICT' } });
    await admin.admin.placement.publishResults.mutate({ drawId: roundOne });
  });

  it('tells the unplaced they take part without asking, and lets a family give up its seat and ask for it', async () => {
    const [unplaced] = await placedAt(roundOne, null);
    const left = await (await family(unplaced!.applicationId)).applications.progress.query({ applicationId: unplaced!.applicationId });
    expect(left.placement).toMatchObject({ round: 1, school: null, secondRound: 'automatic', canAskSecondRound: false });

    const [holder] = await placedAt(roundOne, c.primary[0]!.id);
    const gives = await family(holder!.applicationId);
    expect((await gives.applications.progress.query({ applicationId: holder!.applicationId })).placement).toMatchObject({
      canConfirm: true,
      canAskSecondRound: true,
      secondRound: null,
    });
    const both = await refusal(
      gives.applications.confirmSeat.mutate({ applicationId: holder!.applicationId, accept: true, secondRound: true }),
    );
    expect(both).toMatchObject({ message: '确认入学时不能申请参加第二轮派位', data: { code: 'BAD_REQUEST' } });
    await gives.applications.confirmSeat.mutate({ applicationId: holder!.applicationId, accept: false, secondRound: true });
    const [row] = await t.host.deps.db
      .select()
      .from(placements)
      .where(and(eq(placements.drawId, roundOne), eq(placements.applicationId, holder!.applicationId)));
    expect(row).toMatchObject({ confirmation: 'declined', secondRoundRequestedAt: t.clock.now() });
    const [audit] = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'seat_decline'));
    expect(audit!.detail).toMatchObject({ drawId: roundOne, secondRound: true });
    expect((await gives.applications.progress.query({ applicationId: holder!.applicationId })).placement).toMatchObject({
      confirmation: 'declined',
      secondRound: 'requested',
    });
  });

  it('waits for the confirmation deadline', async () => {
    const early = await refusal(admin.admin.placement.secondRound.mutate({ drawId: roundOne }));
    expect(early).toMatchObject({ message: '确认入学截止（2024-08-27 09:00）后才能进行第二轮派位', data: { code: 'CONFLICT' } });
  });

  it('runs once after the deadline, over the seats given up, with the same seed: anyone can re-run it byte for byte', async () => {
    t.clock.set('2024-08-27T09:00:01+08:00');
    admin = await signInStaff(t, 'admin');
    const token = await staffToken(t, 'admin');
    const runs = await Promise.allSettled(racers(t.url, 2, token).map((r) => r.admin.placement.secondRound.mutate({ drawId: roundOne })));
    const won = runs.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = runs.find((r) => r.status === 'rejected')!.reason;
    expect(lost).toMatchObject({ message: '该报名入口和年级已经进行过第二轮派位', data: { code: 'CONFLICT' } });
    const drawn = won[0]!.value;

    const { draws } = await t.client.catalog.placement.query({ regionId: c.region.id });
    const [first, second] = draws;
    expect(first).toMatchObject({ id: roundOne, round: 1 });
    expect(second).toMatchObject({ id: drawn.id, round: 2, seed: first!.seed, inputsSha256: drawn.inputsSha256 });

    const inputsText = await (await fetch(`${t.url}/api/placement/draws/${drawn.id}/inputs.json`)).text();
    const resultsText = await (await fetch(`${t.url}/api/placement/draws/${drawn.id}/results.json`)).text();
    const inputs = JSON.parse(inputsText) as {
      schools: { code: string; seats: number }[];
      applicants: { number: string; choices: { school: string }[] }[];
    };
    expect(inputs.applicants).toHaveLength(3);
    const [decliner] = (await t.host.deps.db.select().from(placements).where(eq(placements.drawId, roundOne))).filter(
      (p) => p.confirmation === 'declined',
    );
    const [declinerNumber] = await t.host.deps.db
      .select({ number: applications.number })
      .from(applications)
      .where(eq(applications.id, decliner!.applicationId));
    // Three take part: two unplaced and the decliner, never back at the school it gave up. The first choice's seat was
    // given up by its holder, the second's left unanswered at the deadline.
    const [gaveUp, other] = decliner!.choices!.map((ch) => ch.school);
    expect(inputs.applicants.find((a) => a.number === declinerNumber!.number)!.choices).toEqual([
      { school: other, tier: expect.any(Number) },
    ]);
    expect(inputs.schools.filter((s) => s.code === gaveUp || s.code === other).map((s) => s.seats)).toEqual([1, 1]);

    const dir = mkdtempSync(join(tmpdir(), 'second-round-'));
    writeFileSync(join(dir, 'inputs.json'), inputsText);
    writeFileSync(join(dir, 'results.json'), resultsText);
    const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
    const verified = await promisify(execFile)(tsx, [
      join(process.cwd(), 'src/placement/verify-cli.ts'),
      '--inputs',
      join(dir, 'inputs.json'),
      '--seed',
      drawn.seed,
      '--results',
      join(dir, 'results.json'),
    ]);
    expect(verified.stdout).toContain(`结果文件 SHA-256：${drawn.resultsSha256}`);
    expect(verified.stdout).toContain('一致');

    const roundTwo = await t.host.deps.db.select().from(placements).where(eq(placements.drawId, drawn.id));
    expect(roundTwo.filter((p) => p.schoolId !== null)).toHaveLength(2);
    // The decliner drew the best lottery number (round 1 placed it at its first choice): placed at its other choice;
    // the seat it gave up goes to the best of the others.
    expect(roundTwo.find((p) => p.applicationId === decliner!.applicationId)?.schoolId).toBe(c.primary[1]!.id);
    expect(roundTwo.filter((p) => p.schoolId === c.primary[0]!.id)).toHaveLength(1);
    const roundOneLottery = new Map(
      (await t.host.deps.db.select().from(placements).where(eq(placements.drawId, roundOne))).map((p) => [p.applicationId, p.lottery]),
    );
    for (const p of roundTwo) expect(p.lottery).toBe(roundOneLottery.get(p.applicationId));

    // The seat left unanswered is marked given up, and its family told so.
    const [unanswered] = await placedAt(roundOne, c.primary[1]!.id);
    expect(unanswered!.confirmation).toBe('lapsed');
    const lapsed = await (await family(unanswered!.applicationId)).applications.progress.query({
      applicationId: unanswered!.applicationId,
    });
    expect(lapsed.placement).toMatchObject({ round: 1, confirmation: 'lapsed', canConfirm: false });
  }, 30_000);

  it('publishes round 2 to its families, who see it and confirm by its own deadline; 统筹安排 then works from round 2', async () => {
    const draws = await admin.admin.placement.draws.query({ seasonId: c.region.season.id });
    const second = draws.find((d) => d.round === 2)!;
    expect(await admin.admin.placement.unplaced.query({ seasonId: c.region.season.id })).toEqual([]);
    const published = await admin.admin.placement.publishResults.mutate({ drawId: second.id });
    expect(published.notified).toBe(3);
    expect(
      await t.host.deps.db
        .select()
        .from(messages)
        .where(like(messages.noticeKey, `%:placement:${second.id}`)),
    ).toHaveLength(3);

    const [placed] = await placedAt(second.id, c.primary[0]!.id).then((rows) =>
      rows.length ? rows : placedAt(second.id, c.primary[1]!.id),
    );
    const parent = await family(placed!.applicationId);
    const { placement } = await parent.applications.progress.query({ applicationId: placed!.applicationId });
    expect(placement).toMatchObject({ round: 2, canConfirm: true, canAskSecondRound: false, secondRound: null });
    expect(placement!.confirmBy).toBe(new Date(t.clock.now().getTime() + 7 * 24 * 3_600_000).toISOString());
    const [message] = await parent.messages.list.query({});
    expect(message).toMatchObject({ title: '第二轮派位结果已公布' });
    const third = await refusal(
      parent.applications.confirmSeat.mutate({ applicationId: placed!.applicationId, accept: false, secondRound: true }),
    );
    expect(third).toMatchObject({ message: '第二轮派位的学位放弃后不再派位，将由教育局统筹安排', data: { code: 'CONFLICT' } });
    await parent.applications.confirmSeat.mutate({ applicationId: placed!.applicationId, accept: true });
    expect((await parent.applications.progress.query({ applicationId: placed!.applicationId })).placement).toMatchObject({
      round: 2,
      confirmation: 'confirmed',
    });

    const unplaced = await admin.admin.placement.unplaced.query({ seasonId: c.region.season.id });
    expect(unplaced).toHaveLength(1);
    expect(unplaced[0]!.drawId).toBe(second.id);
    expect(unplaced[0]!.suggestions.map((s) => s.schoolId)).not.toContain(c.primary[0]!.id);
    expect(unplaced[0]!.suggestions.map((s) => s.schoolId)).not.toContain(c.primary[1]!.id);
    const [roundOneUnplaced] = await placedAt(roundOne, null);
    const stale = await refusal(
      admin.admin.placement.assignSchool.mutate({
        drawId: roundOne,
        applicationId: roundOneUnplaced!.applicationId,
        schoolId: c.primary[1]!.id,
      }),
    );
    expect(stale.data?.code).toBe('CONFLICT');
    const full = await refusal(
      admin.admin.placement.assignSchool.mutate({
        drawId: second.id,
        applicationId: unplaced[0]!.applicationId,
        schoolId: c.primary[0]!.id,
      }),
    );
    expect(full).toMatchObject({ message: `「${c.primary[0]!.name}」已没有剩余学位`, data: { code: 'CONFLICT' } });
  });
});
