import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, entries, seasons } from '../../db/schema';
import type { EnrollmentClient } from '../../src/client';
import { randomId } from '../../src/adapters/random';
import { startTestHost, type TestHost } from '../helpers/host';
import { residentId, residentIds } from '../helpers/identity';
import { parentsInDatabase, signInParent } from '../helpers/parents';
import { refusal } from '../helpers/refusal';

let t: TestHost;
let mother: EnrollmentClient;
let father: EnrollmentClient;
const added: string[] = [];

beforeAll(async () => {
  t = await startTestHost();
  mother = await signInParent(t, '13812345678');
  father = await signInParent(t, '13987654321');
});
afterAll(() => t?.close());

async function add(client: EnrollmentClient, name: string, idNumber: string) {
  added.push(idNumber);
  return client.children.add.mutate({ name, idType: 'resident', idNumber });
}

describe('我的孩子', () => {
  it('binds several children to one account and lists them with masked ID numbers', async () => {
    const first = residentId('20180305', '011');
    const second = residentId('20160612', '022');
    const a = await add(mother, '李小明', first);
    await add(mother, '李小红', second);
    expect(a).toMatchObject({ name: '李小明', idType: 'resident', idTypeName: '居民身份证', birthDate: '2018-03-05', sex: 'male' });
    expect(a.idNumberMasked).toBe(`${first.slice(0, 6)}********${first.slice(14)}`);
    const list = await mother.children.list.query();
    expect(list.map((c) => c.name)).toEqual(['李小明', '李小红']);
    expect(JSON.stringify(list)).not.toContain(first);
    expect(JSON.stringify(list)).not.toContain(second);
  });

  it('tells the other parent which masked number already holds the child', async () => {
    const id = residentId('20180101', '033');
    await add(mother, '李小刚', id);
    const e = await refusal(add(father, '李小刚', id));
    expect(e.data).toMatchObject({ code: 'CONFLICT', domainCode: 'CHILD_ALREADY_BOUND' });
    expect(e.message).toBe('该孩子已被手机号 138****5678 绑定，请先联系该手机号的家属解绑');
  });

  it('finds the same child however the number is typed (lower-case x, full-width digits)', async () => {
    const id = residentId('20170707', '044');
    await add(mother, '李小强', id);
    const fullWidth = [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect((await refusal(father.children.add.mutate({ name: '李小强', idType: 'resident', idNumber: fullWidth }))).data?.code).toBe(
      'CONFLICT',
    );
  });

  it('says so when a parent adds their own child twice', async () => {
    const id = residentId('20180808', '055');
    await add(father, '王小华', id);
    expect((await refusal(add(father, '王小华', id))).data).toMatchObject({ code: 'CONFLICT', domainCode: 'CHILD_ALREADY_YOURS' });
  });

  it('refuses an invalid ID number or name with the field and a Chinese message', async () => {
    const bad = await refusal(mother.children.add.mutate({ name: '李小明', idType: 'resident', idNumber: '43092220180230001X' }));
    expect(bad.data).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { idNumber: ['证件号码中的出生日期不存在，请核对'] } });
    const name = await refusal(mother.children.add.mutate({ name: '李 明', idType: 'resident', idNumber: residentId('20180101', '066') }));
    expect(name.data).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { name: ['姓名不能包含空格'] } });
    const type = await refusal(mother.children.add.mutate({ name: '李明', idType: 'military' as never, idNumber: '1' }));
    expect(type.data?.code).toBe('BAD_REQUEST');
    expect(type.message).toBe('请选择证件类型');
  });

  it('renames a child, with the same name rules', async () => {
    const child = await add(father, '王晓', residentId('20180909', '077'));
    expect(await father.children.rename.mutate({ childId: child.id, name: '王小晓' })).toMatchObject({ id: child.id, name: '王小晓' });
    expect((await refusal(father.children.rename.mutate({ childId: child.id, name: '王2' }))).data?.code).toBe('BAD_REQUEST');
  });

  it('unbinds a child so that the other parent can bind it', async () => {
    const id = residentId('20181010', '088');
    const child = await add(mother, '李小芳', id);
    await mother.children.remove.mutate({ childId: child.id });
    expect((await mother.children.list.query()).map((c) => c.id)).not.toContain(child.id);
    expect(await add(father, '李小芳', id)).toMatchObject({ name: '李小芳' });
  });

  it('refuses to unbind a child whose application is under review, but takes a draft with it', async () => {
    const reviewed = await add(mother, '李审核', residentId('20180202', '099'));
    const drafted = await add(mother, '李草稿', residentId('20180203', '101'));
    const { db } = t.host.deps;
    const [season] = await db.select().from(seasons);
    const [entry] = await db.select().from(entries);
    const now = t.clock.now();
    const accountId = (await mother.auth.me.query()).accountId;
    const application = (childId: string, status: string) => ({
      id: randomId(),
      number: randomId(),
      accountId,
      childId,
      seasonId: season!.id,
      entryId: entry!.id,
      grade: 1,
      status: status as 'draft',
      declarationAcceptedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await db.insert(applications).values([application(reviewed.id, 'submitted'), application(drafted.id, 'draft')]);
    const e = await refusal(mother.children.remove.mutate({ childId: reviewed.id }));
    expect(e.data).toMatchObject({ code: 'CONFLICT', domainCode: 'CHILD_HAS_ACTIVE_APPLICATION' });
    expect(e.message).toBe('该孩子有审核中或已处理的报名，暂不能删除');
    expect(await mother.children.remove.mutate({ childId: drafted.id })).toEqual({ removed: true });
  });

  it("never lets a parent see, rename or unbind another parent's child", async () => {
    const child = await add(mother, '李小军', residentId('20180404', '111'));
    expect((await father.children.list.query()).map((c) => c.id)).not.toContain(child.id);
    for (const call of [
      father.children.rename.mutate({ childId: child.id, name: '改名字' }),
      father.children.remove.mutate({ childId: child.id }),
    ]) {
      const e = await refusal(call);
      expect(e.data?.code).toBe('NOT_FOUND');
      expect(e.message).toBe('找不到该孩子');
    }
    expect((await mother.children.list.query()).find((c) => c.id === child.id)?.name).toBe('李小军');
  });
});

describe('one account per child under concurrent requests', () => {
  it('lets exactly one of fifty parents binding the same child at once succeed; the others get CONFLICT', async () => {
    const parents = await parentsInDatabase(t, 50);
    const id = residentId('20180515', '123');
    added.push(id);
    const results = await Promise.allSettled(
      parents.map((p) => p.client.children.add.mutate({ name: '赵小宝', idType: 'resident', idNumber: id })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r.reason.data.code).toBe('CONFLICT');
  });
});

describe('ID numbers at rest', () => {
  it('leaves no plaintext ID number in the database file or its journal', async () => {
    for (const id of residentIds(20, '20170101')) await add(father, '钱小多', id).catch(() => undefined);
    const dir = dirname(t.dbFile);
    const bytes = readdirSync(dir, { withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => readFileSync(`${dir}/${f.name}`).toString('latin1'))
      .join('');
    expect(bytes.includes(Buffer.from('钱小多').toString('latin1')), 'the scan reads the rows (names are stored in clear)').toBe(true);
    for (const id of added) {
      expect(bytes.includes(id), `plaintext ${id.slice(0, 6)}… found`).toBe(false);
      expect(bytes.includes(id.slice(6, 14) + id.slice(14)), 'birth date + sequence found').toBe(false);
    }
  });
});
