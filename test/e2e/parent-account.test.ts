import { describe, expect, test } from 'vitest';
import { createEnrollmentClient } from '../../src/client';
import { residentId } from '../helpers/identity';
import { codeFromInbox as codeFromDevInbox } from '../helpers/parents';
import { onPhone, shot, shown } from './site';
import { privacyNotice } from '../../src/domain/privacy-notice';

// The browser's own report of an API 401/404 is expected.
const app = onPhone('2024-07-20T10:00:00+08:00', { ignoreFailedLoads: true });

/** Reads the newest sign-in code for `number` from the demo inbox page, in a second tab. */
async function codeFromInbox(number: string) {
  const { page, errors } = await app.openTab();
  try {
    await page.goto(app.url(`/dev/inbox?phone=${number}`));
    await shown(page.getByRole('heading', { name: '演示短信收件箱', level: 1 }));
    const first = page.locator('.sms-body').first();
    await shown(first);
    await shot(page, 'account-dev-inbox');
    const code = /验证码为(\d{6})/.exec(await first.innerText())?.[1];
    expect(code, 'the inbox shows a sign-in code').toMatch(/^\d{6}$/);
    expect(errors).toEqual([]);
    return code!;
  } finally {
    await page.close();
  }
}

const firstChild = { name: '张小明', id: residentId('20180315', '011') };
const secondChild = { name: '张小红', id: residentId('20170820', '022') };
/** Bound by another family (13900000009) in the test that needs it, so that no test relies on another's children. */
const boundElsewhere = { name: '张小刚', id: residentId('20180101', '033') };
const mask = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

describe('a parent on a phone', () => {
  test('reads the 个人信息保护告知书 the sign-in asks a guardian to agree to, and goes back to sign-in', async () => {
    const { page, errors } = await app.openTab();
    try {
      await page.goto(app.url('/privacy?from=%2Fme'));
      await shown(page.getByRole('heading', { name: '个人信息保护告知书', level: 1 }));
      await shown(page.getByRole('heading', { name: '监护人同意', level: 2 }));
      await shot(page, 'account-privacy-notice');
      await page.getByRole('link', { name: '返回登录' }).click();
      await page.waitForURL(/\/login\?from=%2Fme$/);
      await shown(page.getByRole('checkbox', { name: /已阅读并同意/ }));
    } finally {
      await page.close();
    }
    expect(errors).toEqual([]);
  });

  test('a wrong code says how many tries are left, and asking again too soon says how long to wait', async () => {
    const { page, errors } = await app.openTab();
    try {
      await page.goto(app.url('/login'));
      await shown(page.getByRole('heading', { name: '登录', level: 1 }));
      await page.getByLabel('手机号').fill('13700000002');
      await page.getByRole('button', { name: '获取验证码' }).click();
      await shown(page.getByRole('button', { name: /^\d+秒后重新获取$/ }));
      expect(await page.getByRole('button', { name: /秒后重新获取$/ }).isDisabled()).toBe(true);
      await shown(page.getByText('验证码已发送至 137****0002，5分钟内有效'));
      await page.getByLabel('验证码').fill('000000');
      await page.getByRole('checkbox', { name: /已阅读并同意/ }).check();
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await shown(page.getByText('验证码不正确，还可尝试4次'));
      await shot(page, 'account-login-wrong-code');
    } finally {
      await page.close();
    }
    expect(errors).toEqual([]);

    // A new tab knows no countdown; the server still does, and the button counts down from its answer.
    const other = await app.openTab();
    try {
      await other.page.goto(app.url('/login?phone=13700000002'));
      await other.page.getByRole('button', { name: '获取验证码' }).click();
      await shown(other.page.getByText('验证码发送过于频繁，请60秒后再试'));
      await shown(other.page.getByRole('button', { name: /^\d+秒后重新获取$/ }));
      await shot(other.page, 'account-login-too-soon');
    } finally {
      await other.page.close();
    }
    expect(other.errors).toEqual([]);
  });

  test('signs in with the code from the demo inbox, adds two children, sees and clears the red dot, signs out', async () => {
    const { page, errors } = await app.openTab();
    try {
      await page.goto(app.url('/'));
      await shown(page.getByRole('heading', { name: '桃花江镇', level: 1 }));
      await shown(page.locator('header').getByRole('link', { name: '登录' }));
      await shot(page, 'account-home-signed-out');

      // 个人中心 needs a sign-in: the page goes to /login and comes back afterwards.
      await page.goto(app.url('/me'));
      await page.waitForURL(/\/login\?from=%2Fme$/);
      await page.getByLabel('手机号').fill('13900000001');
      await page.getByRole('button', { name: '获取验证码' }).click();
      await shown(page.getByRole('link', { name: '查看演示短信' }));
      await shot(page, 'account-login-code-sent');

      await page.getByLabel('验证码').fill(await codeFromInbox('13900000001'));
      // The guardian's consent to the privacy notice comes first; the notice is a tap away.
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await shown(page.getByText('请阅读并同意《个人信息保护告知书》后再登录'));
      expect(await page.getByRole('link', { name: '《个人信息保护告知书》' }).getAttribute('href')).toBe('/privacy?from=%2Fme');
      await page.getByRole('checkbox', { name: /已阅读并同意/ }).check();
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await shown(page.getByRole('heading', { name: '个人中心', level: 1 }));
      expect(new URL(page.url()).pathname).toBe('/me');
      await shown(page.getByText('139****0001', { exact: true }));
      await page.getByRole('button', { name: '显示完整号码' }).click();
      await shown(page.getByText('13900000001', { exact: true }));
      await shown(page.getByLabel('1条未读消息').first());
      await shot(page, 'account-me');

      await page.getByRole('link', { name: '我的孩子' }).click();
      await shown(page.getByRole('heading', { name: '我的孩子', level: 1 }));
      await shown(page.getByText('还没有添加孩子'));
      for (const child of [firstChild, secondChild]) {
        await page.getByLabel('孩子姓名').fill(child.name);
        await page.getByLabel('证件类型').selectOption({ label: '居民身份证' });
        await page.getByLabel('证件号码').fill(child.id);
        await page.getByRole('button', { name: '添加孩子' }).click();
        await shown(page.getByText(`已添加 ${child.name}`));
      }
      await expect.poll(() => page.locator('.child-name').allTextContents()).toEqual([firstChild.name, secondChild.name]);
      await shown(page.getByText(mask(firstChild.id), { exact: true }));
      await shown(page.getByText(mask(secondChild.id), { exact: true }));
      await shown(page.getByText('2018-03-15', { exact: true }));
      const text = await page.locator('body').innerText();
      expect(text).not.toContain(firstChild.id);
      expect(text).not.toContain(secondChild.id);
      await shot(page, 'account-children');

      // Deleting asks first, and says what unbinding means.
      await page.locator('.child', { hasText: secondChild.name }).getByRole('button', { name: '删除' }).click();
      await shown(page.getByText('删除即解除绑定：解除后，孩子的另一位家长可以用自己的手机号绑定该孩子。'));
      await shot(page, 'account-children-confirm-delete');
      await page.getByRole('button', { name: '取消' }).click();

      // Home: 个人中心 with a red dot for the welcome message.
      await page.getByRole('link', { name: '桃江县中小学入学报名平台' }).click();
      await shown(page.getByRole('heading', { name: '桃花江镇', level: 1 }));
      const dot = page.locator('header').getByRole('img', { name: '1条未读消息' });
      await shown(dot);
      await shot(page, 'account-home-red-dot');

      await page
        .locator('header')
        .getByRole('link', { name: /个人中心/ })
        .click();
      await page.getByRole('link', { name: /我的消息/ }).click();
      await shown(page.getByRole('heading', { name: '我的消息', level: 1 }));
      await shown(page.getByRole('heading', { name: '欢迎使用桃江县中小学入学报名平台' }));
      await shown(page.getByText('未读', { exact: true }));
      await shot(page, 'account-messages');

      await page.getByRole('link', { name: '桃江县中小学入学报名平台' }).click();
      await shown(page.getByRole('heading', { name: '桃花江镇', level: 1 }));
      await shown(page.locator('header').getByRole('link', { name: '个人中心' }));
      await expect.poll(() => page.locator('header .red-dot').count()).toBe(0);
      await shot(page, 'account-home-read');

      await page.locator('header').getByRole('link', { name: '个人中心' }).click();
      await page.getByRole('button', { name: '退出登录' }).click();
      await shown(page.getByRole('heading', { name: '桃花江镇', level: 1 }));
      await shown(page.locator('header').getByRole('link', { name: '登录' }));
      expect(new URL(page.url()).pathname).toBe('/');
      await page.goto(app.url('/me/children'));
      await page.waitForURL(/\/login\?from=%2Fme%2Fchildren$/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('a child bound to another account names the masked number that holds it', async () => {
    const anonymous = createEnrollmentClient({ url: app.site().url });
    await anonymous.auth.requestCode.mutate({ phone: '13900000009' });
    const { token } = await anonymous.auth.signIn.mutate({
      phone: '13900000009',
      code: await codeFromDevInbox({ client: anonymous }, '13900000009'),
      session: 'token',
      acceptedNotice: privacyNotice.version,
    });
    await createEnrollmentClient({ url: app.site().url, token: token! }).children.add.mutate({
      name: boundElsewhere.name,
      idType: 'resident',
      idNumber: boundElsewhere.id,
    });
    const { page, errors } = await app.openTab();
    try {
      await page.goto(app.url('/login?from=%2Fme%2Fchildren'));
      await page.getByLabel('手机号').fill('13600000003');
      await page.getByRole('button', { name: '获取验证码' }).click();
      await shown(page.getByRole('link', { name: '查看演示短信' }));
      await page.getByLabel('验证码').fill(await codeFromInbox('13600000003'));
      await page.getByRole('checkbox', { name: /已阅读并同意/ }).check();
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await shown(page.getByRole('heading', { name: '我的孩子', level: 1 }));
      await page.getByLabel('孩子姓名').fill(boundElsewhere.name);
      await page.getByLabel('证件号码').fill(boundElsewhere.id);
      await page.getByRole('button', { name: '添加孩子' }).click();
      await shown(page.getByText(/该孩子已被手机号 139\*\*\*\*0009 绑定/));
      await shown(page.locator('main').getByText('如有疑问，请拨打桃江县教育局咨询电话：'));
      await shot(page, 'account-children-conflict');
      await page.getByLabel('证件号码').fill(firstChild.id.slice(0, 17) + (firstChild.id.endsWith('1') ? '2' : '1'));
      await page.getByRole('button', { name: '添加孩子' }).click();
      await shown(page.locator('.field-error'));
      await shot(page, 'account-children-bad-id');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
