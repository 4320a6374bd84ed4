import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import { startTestHost, type TestHost } from '../helpers/host';
import { catalogFor, readyToSubmit } from '../helpers/journey';
import { signInParent } from '../helpers/parents';
import { reviewAsCounty } from '../helpers/reviewer';

let t: TestHost;
const publicUrl = 'https://bm.tjedu.example';

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00', env: { PUBLIC_URL: `${publicUrl}/` } });
});
afterAll(() => t?.close());

describe('an SMS that asks the family to act', () => {
  it("links to the application's 报名进度 on the platform's address, and that page opens on a cold load", async () => {
    const parent = await signInParent(t, '13822220001');
    const { applicationId, version } = await readyToSubmit(t, parent, await catalogFor(t));
    await parent.applications.submit.mutate({ applicationId, version });
    await reviewAsCounty(t, applicationId, 'reject', '户口簿照片不清晰，请重新上传');
    const sms = async (v: number) =>
      (
        await t.host.deps.db
          .select()
          .from(outbox)
          .where(eq(outbox.idempotencyKey, `application:${applicationId}:v${v}`))
      )[0]!.body;
    const path = `/applications/${applicationId}/progress`;
    expect(await sms(version + 1)).not.toContain(publicUrl);
    expect(await sms(version + 2)).toMatch(new RegExp(`原因：户口簿照片不清晰，请重新上传。.*查看：${publicUrl}${path} $`));
    const page = await fetch(`${t.url}${path}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app"');
  });
});
