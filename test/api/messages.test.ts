import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { signInParent } from '../helpers/parents';
import { refusal } from '../helpers/refusal';

let t: TestHost;
let parent: EnrollmentClient;
let other: EnrollmentClient;

beforeAll(async () => {
  t = await startTestHost();
  parent = await signInParent(t, '13600000001');
  other = await signInParent(t, '13600000002');
});
afterAll(() => t?.close());

describe('我的消息 and the red dot', () => {
  it('greets a new parent with a welcome message that lights the red dot', async () => {
    expect(await parent.messages.unreadCount.query()).toEqual({ count: 1 });
    const [welcome] = await parent.messages.list.query();
    expect(welcome).toMatchObject({ title: '欢迎使用桃江县中小学入学报名平台', read: false });
    expect(welcome!.body).toContain('136****0001');
  });

  it("ignores another parent's message ids, and clears the dot once read", async () => {
    const [theirs] = await other.messages.list.query();
    expect(await parent.messages.markRead.mutate({ ids: [theirs!.id] })).toEqual({ marked: 0 });
    expect(await other.messages.unreadCount.query()).toEqual({ count: 1 });
    const [mine] = await parent.messages.list.query();
    expect(await parent.messages.markRead.mutate({ ids: [mine!.id] })).toEqual({ marked: 1 });
    expect(await parent.messages.unreadCount.query()).toEqual({ count: 0 });
    expect((await parent.messages.list.query())[0]!.read).toBe(true);
  });

  it('does not welcome a returning parent twice', async () => {
    t.clock.advance(61_000);
    await signInParent(t, '13600000001');
    expect(await parent.messages.list.query()).toHaveLength(1);
  });

  it('refuses a malformed id list in Chinese', async () => {
    expect((await refusal(parent.messages.markRead.mutate({ ids: [] }))).message).toBe('请选择消息');
    expect((await refusal(parent.messages.markRead.mutate({ ids: ['x'] }))).data?.code).toBe('BAD_REQUEST');
  });
});

describe('the dev SMS inbox', () => {
  it('exists only in demo mode', async () => {
    const production = await startTestHost({
      env: { ENROLL_DEV: '0', DATA_KEY: 'k'.repeat(40), SMS_PROVIDER: 'dev', RECORDS_PROVIDER: 'local' },
    });
    try {
      const e = await refusal(production.client.dev.inbox.query({}));
      expect(e.data?.code).toBe('NOT_FOUND');
    } finally {
      await production.close();
    }
  });
});
