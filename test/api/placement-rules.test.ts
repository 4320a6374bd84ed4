import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import type { EnrollmentClient } from '../../src/client';
import { commitmentOf } from '../../src/domain/placement/lottery';
import { taojiangTiers } from '../../src/domain/placement/taojiang-tiers';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { signInStaff, staffToken } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let admin: EnrollmentClient;
let county: EnrollmentClient;
let seasonId: string;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  c = await catalogFor(t);
  admin = await signInStaff(t, 'admin');
  county = await signInStaff(t, 'county');
  seasonId = c.region.season.id;
});
afterAll(() => t?.close());

const audits = (action: string) =>
  t.host.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action)));

describe('派位规则 of a season', () => {
  it('are seeded with the county’s tiers, readable by county reviewers and by every family on the public page', async () => {
    const rules = await county.admin.placement.rules.query({ seasonId });
    expect(rules).toMatchObject({ tiers: taojiangTiers, mechanism: 'da', version: 0 });
    const shown = await t.client.catalog.placement.query({ regionId: c.region.id });
    expect(shown.tiers[0]).toBe('第1顺位：军人、烈士、英模子女');
    expect(shown.tiers).toHaveLength(taojiangTiers.length);
    expect(shown.intro).toContain('报名先后不影响录取');
    expect(shown.observers).toEqual([]);
  });

  it('change as one audited batch naming their version; of two administrators at once, one is told to reload', async () => {
    const swapped = [taojiangTiers[0]!, taojiangTiers[2]!, taojiangTiers[1]!, ...taojiangTiers.slice(3)];
    const token = await staffToken(t, 'admin');
    const results = await Promise.allSettled(
      racers(t.url, 2, token).map((r) => r.admin.placement.updateRules.mutate({ seasonId, version: 0, tiers: swapped, mechanism: 'ia' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
      message: '派位规则已被他人修改，请刷新后再试',
      data: { code: 'CONFLICT' },
    });
    expect(await admin.admin.placement.rules.query({ seasonId })).toMatchObject({ tiers: swapped, mechanism: 'ia', version: 1 });
    const [entry] = await audits('placement_rules');
    expect(entry!.detail).toMatchObject({ before: { mechanism: 'da' }, after: { mechanism: 'ia' } });
    expect((await t.client.catalog.placement.query({ regionId: c.region.id })).tiers[1]).toBe('第2顺位：房产在本校服务片区');
  });

  it('refuse a channel the season does not have and an empty table, in Chinese, changing nothing', async () => {
    const unknown = await refusal(
      admin.admin.placement.updateRules.mutate({
        seasonId,
        version: 1,
        tiers: [{ label: '外星人', rule: { channels: ['ufo'] } }],
        mechanism: 'da',
      }),
    );
    expect(unknown).toMatchObject({ message: '第1顺位的报名通道「ufo」不是本招生季的通道', data: { code: 'BAD_REQUEST' } });
    const empty = await refusal(admin.admin.placement.updateRules.mutate({ seasonId, version: 1, tiers: [], mechanism: 'da' }));
    expect(empty).toMatchObject({ message: '请至少设置一个录取顺位', data: { code: 'BAD_REQUEST' } });
    expect((await admin.admin.placement.rules.query({ seasonId })).version).toBe(1);
  });

  it('go with the season when it is copied into next year’s draft', async () => {
    const from = (await admin.admin.seasons.query()).find((s) => s.id === seasonId)!;
    const copy = await admin.admin.copySeason.mutate({ fromSeasonId: from.id, code: '2025-autumn', name: '2025年秋季', years: 1 });
    expect(await admin.admin.placement.rules.query({ seasonId: copy.id })).toMatchObject({ mechanism: 'ia', version: 0 });
  });
});

describe('the lottery’s observers', () => {
  it('commit while registration is open: the commitment and its time are public at once, one per name', async () => {
    const commitment = await commitmentOf('公证处的秘密-7f3a');
    const done = await admin.admin.placement.recordCommitment.mutate({ seasonId, name: '张公证', role: '公证员', commitment });
    const shown = await t.client.catalog.placement.query({ regionId: c.region.id });
    expect(shown.observers).toEqual([
      { name: '张公证', role: '公证员', commitment, committedAt: done.committedAt, contribution: null, revealedAt: null },
    ]);
    const again = await refusal(admin.admin.placement.recordCommitment.mutate({ seasonId, name: '张公证', role: '公证员', commitment }));
    expect(again).toMatchObject({ message: '本招生季已登记监督人「张公证」', data: { code: 'CONFLICT' } });
    const notYet = await refusal(
      admin.admin.placement.reveal.mutate({ observerId: (await observers())[0]!.id, contribution: '公证处的秘密-7f3a' }),
    );
    expect(notYet).toMatchObject({ message: '报名全部截止后才能公开秘密随机数', data: { code: 'CONFLICT' } });
    const malformed = await refusal(
      admin.admin.placement.recordCommitment.mutate({ seasonId, name: '李代表', role: '家长代表', commitment: 'abc' }),
    );
    expect(malformed.data?.code).toBe('BAD_REQUEST');
  });

  it('reveal after the window closes: only what hashes to the commitment, once, even when two reveals race', async () => {
    await admin.admin.placement.recordCommitment.mutate({
      seasonId,
      name: '李代表',
      role: '家长代表',
      commitment: await commitmentOf('家长代表的骰子 4-2-6'),
    });
    t.clock.set('2024-07-26T09:00:00+08:00');
    admin = await signInStaff(t, 'admin');
    const late = await refusal(
      admin.admin.placement.recordCommitment.mutate({ seasonId, name: '王纪检', role: '纪检监察', commitment: 'b'.repeat(64) }),
    );
    expect(late).toMatchObject({ data: { code: 'CONFLICT' } });
    const [notary] = await observers();
    const wrong = await refusal(admin.admin.placement.reveal.mutate({ observerId: notary!.id, contribution: '猜的' }));
    expect(wrong).toMatchObject({ message: '该秘密随机数与「张公证」登记的承诺值不符', data: { code: 'BAD_REQUEST' } });
    const token = await staffToken(t, 'admin');
    const results = await Promise.allSettled(
      racers(t.url, 2, token).map((r) => r.admin.placement.reveal.mutate({ observerId: notary!.id, contribution: '公证处的秘密-7f3a' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await audits('lottery_reveal')).toHaveLength(1);
    const shown = await t.client.catalog.placement.query({ regionId: c.region.id });
    expect(shown.observers.map((o) => [o.name, o.contribution])).toEqual([
      ['张公证', '公证处的秘密-7f3a'],
      ['李代表', null],
    ]);
  });
});

const observers = async () => (await admin.admin.placement.observers.query({ seasonId })).observers;
