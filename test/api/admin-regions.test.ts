import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client';
import { seedCatalog } from '../../db/seed';
import type { EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { signInParent } from '../helpers/parents';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { signInStaff, staffToken } from '../helpers/staff';

let t: TestHost;
let admin: EnrollmentClient;
let county: EnrollmentClient;

beforeAll(async () => {
  t = await startTestHost();
  admin = await signInStaff(t, 'admin');
  county = await signInStaff(t, 'county');
}, 60_000);
afterAll(() => t.close());

const town = (code: string, name: string) => ({
  code,
  name,
  contactPhone: '0737-8822011',
  address: `${name}人民路1号`,
  sponsor: '桃江县教育局',
  icp: '湘ICP备00000000号-1',
});

const find = async (id: string) => (await admin.admin.regions.list.query()).find((r) => r.id === id)!;

describe('an administrator manages the towns of the county', () => {
  it('creates a town last in the order, and parents see it with its office address', async () => {
    const { id, version } = await admin.admin.regions.create.mutate(town('maanshan', '马迹塘镇'));
    expect(version).toBe(0);
    const list = await admin.admin.regions.list.query();
    expect(list.at(-1)).toMatchObject({
      id,
      code: 'maanshan',
      name: '马迹塘镇',
      contactPhone: '0737-8822011',
      address: '马迹塘镇人民路1号',
    });
    const forParents = await t.client.catalog.regions.query();
    expect(forParents.find((r) => r.id === id)?.contact).toEqual({
      phone: '0737-8822011',
      address: '马迹塘镇人民路1号',
      sponsor: '桃江县教育局',
      icp: '湘ICP备00000000号-1',
    });
  });

  it('edits a town on the version it saw, and the audit entry holds what it was before and after', async () => {
    const { id } = await admin.admin.regions.create.mutate(town('xiushan', '修山镇'));
    const updated = await admin.admin.regions.update.mutate({
      regionId: id,
      version: 0,
      name: '修山镇',
      contactPhone: '13812345678',
      address: '修山镇新街8号',
      sponsor: '桃江县教育局',
      icp: '湘ICP备00000000号-1',
    });
    expect(updated).toEqual({ id, version: 1 });
    expect(await find(id)).toMatchObject({ version: 1, contactPhone: '13812345678', address: '修山镇新街8号' });
    const [entry] = await admin.review.audit.query({ action: 'region_update' });
    expect(entry).toMatchObject({
      username: 'admin',
      detail: {
        regionId: id,
        changed: ['contactPhone', 'address'],
        before: { name: '修山镇', contactPhone: '0737-8822011', address: '修山镇人民路1号' },
        after: { name: '修山镇', contactPhone: '13812345678', address: '修山镇新街8号' },
      },
    });
    const [created] = await admin.review.audit.query({ action: 'region_create' });
    expect(created?.detail).toMatchObject({ regionId: id, before: null, after: { code: 'xiushan', name: '修山镇' } });
  });

  it('reorders the towns with the full list of ids; parents see them in that order', async () => {
    const ids = (await admin.admin.regions.list.query()).map((r) => r.id);
    const reversed = [...ids].reverse();
    expect(await admin.admin.regions.reorder.mutate({ ids: reversed })).toEqual({ ids: reversed });
    expect((await admin.admin.regions.list.query()).map((r) => r.id)).toEqual(reversed);
    expect((await t.client.catalog.regions.query()).map((r) => r.id)).toEqual(reversed);
    const [entry] = await admin.review.audit.query({ action: 'region_reorder' });
    expect(entry?.detail).toEqual({ before: ids, after: reversed });
  });

  it('refuses an order that leaves a town out or names an unknown one, changing nothing', async () => {
    const ids = (await admin.admin.regions.list.query()).map((r) => r.id);
    for (const bad of [ids.slice(1), [...ids.slice(1), 'aaaaaaaaaaaaaaaaaaaa']]) {
      const error = await refusal(admin.admin.regions.reorder.mutate({ ids: bad }));
      expect(error.data?.code).toBe('CONFLICT');
      expect(error.message).toBe('区域列表已被他人修改，请刷新后再排序');
    }
    expect((await admin.admin.regions.list.query()).map((r) => r.id)).toEqual(ids);
  });
});

describe('refusals', () => {
  it('refuses a phone number that is neither a landline nor a mobile, naming the field', async () => {
    const error = await refusal(admin.admin.regions.create.mutate({ ...town('bad-phone', '错号镇'), contactPhone: '12345' }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect((error.data?.fieldErrors as Record<string, string[]> | undefined)?.contactPhone?.[0]).toContain('咨询电话格式不正确');
  });

  it('refuses a code with capitals or blanks', async () => {
    const error = await refusal(admin.admin.regions.create.mutate(town('Tao Jiang', '大写镇')));
    expect((error.data?.fieldErrors as Record<string, string[]> | undefined)?.code?.[0]).toBe('区域代码只能包含小写字母、数字和连字符');
  });

  it('refuses a duplicate code or name with CONFLICT and a clear message', async () => {
    const [first] = await admin.admin.regions.list.query();
    const sameCode = await refusal(admin.admin.regions.create.mutate(town(first!.code, '另一个镇')));
    expect(sameCode.data?.code).toBe('CONFLICT');
    expect(sameCode.message).toBe(`区域代码「${first!.code}」已被使用`);
    const sameName = await refusal(admin.admin.regions.create.mutate(town('another-town', first!.name)));
    expect(sameName.data?.code).toBe('CONFLICT');
    expect(sameName.message).toBe(`已有名为「${first!.name}」的区域`);
  });

  it('refuses an edit made on an older version with CONFLICT 该区域已被他人修改', async () => {
    const { id } = await admin.admin.regions.create.mutate(town('stale', '旧版镇'));
    await admin.admin.regions.update.mutate({ regionId: id, version: 0, name: '旧版镇', address: '一' });
    const error = await refusal(admin.admin.regions.update.mutate({ regionId: id, version: 0, name: '旧版镇', address: '二' }));
    expect(error.data?.code).toBe('CONFLICT');
    expect(error.message).toBe('该区域已被他人修改，请刷新后再试');
    expect((await find(id)).address).toBe('一');
  });

  it('lets a county reviewer list the towns but not change them', async () => {
    const list = await county.admin.regions.list.query();
    expect(list.length).toBeGreaterThan(0);
    const error = await refusal(county.admin.regions.create.mutate(town('county-town', '县审镇')));
    expect(error.data?.code).toBe('FORBIDDEN');
    const edit = await refusal(county.admin.regions.update.mutate({ regionId: list[0]!.id, version: list[0]!.version, name: '改名' }));
    expect(edit.data?.code).toBe('FORBIDDEN');
    const order = await refusal(county.admin.regions.reorder.mutate({ ids: list.map((r) => r.id) }));
    expect(order.data?.code).toBe('FORBIDDEN');
  });

  it('refuses a parent and an anonymous caller', async () => {
    const parent = await signInParent(t, '13900139077');
    expect((await refusal(parent.admin.regions.list.query())).data?.code).toBe('UNAUTHORIZED');
    expect((await refusal(t.client.admin.regions.create.mutate(town('anon', '匿名镇')))).data?.code).toBe('UNAUTHORIZED');
  });
});

describe('two administrators editing the same town at once', () => {
  it('writes exactly one edit with one audit entry; the other answers CONFLICT', async () => {
    const { id } = await admin.admin.regions.create.mutate(town('race-town', '竞速镇'));
    const token = await staffToken(t, 'admin');
    const clients = racers(t.url, 6, token);
    const outcomes = await Promise.allSettled(
      clients.map((c, i) => c.admin.regions.update.mutate({ regionId: id, version: 0, name: '竞速镇', address: `地址${i}` })),
    );
    const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const o of outcomes) {
      if (o.status === 'rejected')
        expect(o.reason).toMatchObject({ message: '该区域已被他人修改，请刷新后再试', data: { code: 'CONFLICT' } });
    }
    expect(await find(id)).toMatchObject({ version: 1, address: `地址${won[0]}` });
    const entries = (await admin.review.audit.query({ action: 'region_update', limit: 500 })).filter(
      (e) => (e.detail as { regionId?: string }).regionId === id,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.detail).toMatchObject({ after: { address: `地址${won[0]}` } });
  });
});

describe('the seed, which runs at every start', () => {
  it('keeps what an administrator changed of the seeded town (name, phone, address, place, version)', async () => {
    const list = await admin.admin.regions.list.query();
    const seeded = list.find((r) => r.code === 'taohuajiang')!;
    const edited = await admin.admin.regions.update.mutate({
      regionId: seeded.id,
      version: seeded.version,
      name: '桃花江镇',
      contactPhone: '0737-8820000',
      address: '桃江县桃花江镇教育路1号',
      sponsor: seeded.sponsor,
      icp: seeded.icp,
    });
    const before = await admin.admin.regions.list.query();
    const db = await createDb(`file:${t.dbFile}`);
    try {
      await seedCatalog(db);
    } finally {
      db.$client.close();
    }
    const after = await admin.admin.regions.list.query();
    expect(after).toEqual(before);
    expect(after.find((r) => r.id === seeded.id)).toMatchObject({ version: edited.version, address: '桃江县桃花江镇教育路1号' });
  });
});
