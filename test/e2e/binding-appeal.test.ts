import { beforeAll, describe, expect, test } from 'vitest';
import { edgeCases, syntheticDataset } from '../../src/adapters/records-dataset';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { codeFromInbox } from '../helpers/parents';
import { onPhone, shot, shown } from './site';
import { privacyNotice } from '../../src/domain/privacy-notice';

// The browser's own report of an API 409 (the refused binding) is expected.
const app = onPhone('2024-07-16T09:00:00+08:00', { ignoreFailedLoads: true, desktop: true });

/** 刘思琪 and her father 刘建军: the records show him as head of the household she is a child of. */
const family = edgeCases.hukouBeforeCutoff;
const child = family.child;
const father = family.father;

async function signedIn(phone: string): Promise<{ client: EnrollmentClient; token: string }> {
  const anonymous = createEnrollmentClient({ url: app.site().url });
  await anonymous.auth.requestCode.mutate({ phone });
  const { token } = await anonymous.auth.signIn.mutate({
    phone,
    code: await codeFromInbox({ client: anonymous }, phone),
    session: 'token',
    acceptedNotice: privacyNotice.version,
  });
  return { client: createEnrollmentClient({ url: app.site().url, token: token! }), token: token! };
}

let squatter: EnrollmentClient;

beforeAll(async () => {
  // Someone who knows the child's ID number binds her first.
  ({ client: squatter } = await signedIn('13600000071'));
  await squatter.children.add.mutate({ name: child.name, idType: 'resident', idNumber: child.idNumber });
  const { token } = await signedIn('13900000072');
  await app.phoneContext().addCookies([{ name: 'enroll_sid', value: token, url: app.site().url }]);
});

describe('a parent whose child another account bound first', () => {
  test('files a 绑定申诉 from the refusal in 我的孩子 and, confirmed by the records, gets the child at once', async () => {
    await app.inTab(async (page, errors) => {
      await page.goto(app.url('/me/children'));
      await shown(page.getByRole('heading', { name: '我的孩子', level: 1 }));
      await page.getByLabel('孩子姓名').fill(child.name);
      await page.getByLabel('证件号码').fill(child.idNumber);
      await page.getByRole('button', { name: '添加孩子' }).click();
      await shown(page.getByText(/该孩子已被.*绑定/));
      await shown(page.getByText('是您的孩子，但不认识或联系不上该手机号？可提交绑定申诉。'));
      await shot(page, 'appeal-bound-elsewhere');

      await page.getByRole('button', { name: '申诉', exact: true }).click();
      await shown(page.getByRole('heading', { name: '绑定申诉' }));
      // A wrong own ID number is answered on its field.
      await page.getByLabel('您本人的身份证号码').fill('43092219850312213');
      await page.getByLabel('申诉理由').fill('我是孩子的父亲，孩子被不认识的手机号绑定了');
      await page.getByRole('button', { name: '提交申诉' }).click();
      await shown(page.locator('#claim-parent-id-error'));
      await page.getByLabel('您本人的身份证号码').fill(father.idNumber);
      await shot(page, 'appeal-form');
      await page.getByRole('button', { name: '提交申诉' }).click();

      await shown(page.getByText(`经户籍信息核验，${child.name}已绑定到您的账号`));
      await expect.poll(() => page.locator('.child-name').allTextContents()).toEqual([child.name]);
      await shown(page.getByRole('heading', { name: '我的申诉' }));
      await shown(page.getByText('申诉成立', { exact: true }));
      const text = await page.locator('body').innerText();
      expect(text).not.toContain(child.idNumber);
      expect(text).not.toContain(father.idNumber);
      await shot(page, 'appeal-granted');
      expect(errors.filter((e) => !/409|Conflict/i.test(e))).toEqual([]);
    });
    expect(await squatter.children.list.query()).toEqual([]);
    expect((await squatter.messages.list.query()).map((m) => m.title)).toContain('孩子已转出您的账号');
  });
});

describe('a county reviewer', () => {
  test('settles a claim the records could not confirm on 绑定申诉: a reason is required, granting moves the child', async () => {
    // Children registered with their grandparents: the records do not show the parents, so staff decide.
    const f = syntheticDataset().families.find((x) => x.kind === 'grandparents')!;
    const kid = { name: f.children[0]!.name, idType: 'resident' as const, idNumber: f.children[0]!.idNumber };
    const { client: holder } = await signedIn('13600000073');
    await holder.children.add.mutate(kid);
    const { client: claimant } = await signedIn('13900000074');
    const filed = await claimant.children.claim.mutate({
      ...kid,
      parentIdNumber: f.mother.idNumber,
      reason: '孩子户口在外婆家，我是孩子的母亲',
    });
    expect(filed.outcome).toBe('open');

    const { page, errors } = await app.openTab('desktop');
    try {
      await page.goto(app.url('/staff?from=%2Fstaff%2Fappeals'));
      await page.getByLabel('用户名').fill('county');
      await page.getByLabel('密码').fill('demo-county-2024');
      await page.getByRole('button', { name: '登录' }).click();
      await shown(page.getByRole('heading', { name: '绑定申诉', level: 1 }));
      const card = page.locator('section', { has: page.getByRole('heading', { name: new RegExp(kid.name) }) });
      await shown(card.getByText('户籍信息未显示申诉人为孩子的父母'));
      await shown(card.getByText('孩子户口在外婆家，我是孩子的母亲'));
      await shown(card.getByText('136****0073'));
      await shot(page, 'appeal-staff-open', false);
      await card.getByRole('button', { name: '支持申诉（改绑）' }).click();
      await shown(card.getByText('请填写处理意见'));
      await card.getByLabel('处理意见').fill('已电话核实，并核对出生医学证明');
      await card.getByRole('button', { name: '支持申诉（改绑）' }).click();
      await shown(page.getByText('已支持申诉，孩子已转到申诉人账号'));
      await shown(page.getByText('没有待处理的绑定申诉'));
      await page.getByRole('button', { name: '已处理' }).click();
      await shown(page.getByText('已电话核实，并核对出生医学证明', { exact: false }));
      await shot(page, 'appeal-staff-settled', false);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
    expect((await claimant.children.list.query()).map((x) => x.name)).toEqual([kid.name]);
    expect(await holder.children.list.query()).toEqual([]);
  });
});
