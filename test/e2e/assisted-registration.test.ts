import { beforeAll, describe, expect, test } from 'vitest';
import { createEnrollmentClient } from '../../src/client';
import { residentId } from '../helpers/identity';
import { attachDocuments, type Catalog, catalogFor, hukouDocuments, hukouForm } from '../helpers/journey';
import { codeFromInbox } from '../helpers/parents';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// The seeded window: 2024-07-15 00:00 to 2024-07-25 24:00 China time; the clock stands inside it.
const app = onPhone('2024-07-16T09:00:00+08:00', { desktop: true, ignoreFailedLoads: true });
const familyPhone = '13900000321';
const masked = '139****0321';
const office = '桃花江镇便民服务中心';
const child = { name: '赵小禾', id: residentId('20180412', '321') };

let c: Catalog;

beforeAll(async () => {
  c = await catalogFor(app.testHost());
});

describe('代办: a desk agent registers a family without a smartphone', () => {
  test('the agent confirms with the code the parent reads out, adds the child, applies and submits in the parents’ pages, ends; the parent later sees 代办 in the history and 查阅记录', async () => {
    const desk = await app.openTab('desktop');
    let applicationId = '';
    try {
      const { page } = desk;
      await page.goto(app.url('/staff'));
      await signInOnDesk(page, 'agent');
      // An agent's desk is the 代办 page only.
      await page.waitForURL(/\/staff\/agent$/);
      await shown(page.getByRole('heading', { name: '代办报名', level: 1 }));
      expect(await page.getByRole('link', { name: '审核列表' }).count()).toBe(0);

      await page.getByLabel('家长手机号').fill(familyPhone);
      await page.getByRole('button', { name: '查询' }).click();
      await shown(page.getByText(`${masked} 尚未注册，确认后将为其创建账号`));
      await page.getByRole('button', { name: '发送验证码' }).click();
      await shown(page.getByText('验证码已发送到家长手机，请家长读出'));
      const code = await codeFromInbox({ client: createEnrollmentClient({ url: app.url('') }) }, familyPhone);
      await page.getByLabel('家长读出的验证码').fill(code);
      await page.getByRole('checkbox', { name: /已向家长宣读/ }).check();
      await shot(page, 'agent-01-desk');
      await expectAccessible(page, 'the 代办 page');
      await page.getByRole('button', { name: '开始代办' }).click();

      // The family's own pages, with the banner that says whose file is open.
      await page.waitForURL(/\/me$/);
      await shown(page.getByText(`代办模式：正在为 ${masked} 办理`));
      await page.goto(app.url('/'));
      await page.getByRole('link', { name: /^小学一年级新生/ }).click();
      await page.getByRole('link', { name: '开始报名' }).click();
      await shown(page.getByRole('heading', { name: '选择报名的孩子', level: 1 }));
      await page.getByRole('link', { name: '添加孩子' }).click();
      await page.getByLabel('孩子姓名').fill(child.name);
      await page.getByLabel('证件号码').fill(child.id);
      await page.getByRole('button', { name: '添加孩子' }).click();
      await shown(page.getByText(`已添加 ${child.name}`));
      await page.goBack();
      await page.getByRole('radio', { name: new RegExp(child.name) }).check();
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('button', { name: '我已阅读并同意' }).click();
      await shown(page.getByRole('heading', { name: '选择报名通道', level: 1 }));
      applicationId = /\/applications\/([a-z2-7]{20})\/channel$/.exec(page.url())![1]!;
      await shown(page.getByText(`代办模式：正在为 ${masked} 办理`));

      // The long form is the parents' journey test's subject: here it is filled through the same session.
      const [cookie] = (await page.context().cookies(app.url(''))).filter((k) => k.name === 'enroll_sid');
      const family = createEnrollmentClient({ url: app.url(''), token: cookie!.value });
      await family.applications.chooseChannel.mutate({ applicationId, channelId: c.channel('hukou').id });
      await family.applications.save.mutate({ applicationId, fields: hukouForm(c.community) });
      await family.applications.chooseSchools.mutate({
        applicationId,
        firstSchoolId: c.primary[0]!.id,
        secondSchoolId: c.primary[1]!.id,
        sibling: null,
      });
      await attachDocuments(app.testHost(), applicationId, hukouDocuments);

      await page.goto(app.url(`/applications/${applicationId}/preview`));
      await shown(page.getByRole('heading', { name: '预览报名信息', level: 1 }));
      await page.getByRole('button', { name: '提交资料' }).click();
      await shown(page.getByRole('heading', { name: '报名信息提交成功', level: 1 }));
      await shot(page, 'agent-02-submitted');
      await expectAccessible(page, 'a family page in 代办模式');

      // 结束代办: back at the desk, the family's session is over.
      await page.getByRole('button', { name: '结束代办' }).click();
      await page.waitForURL(/\/staff\/agent$/);
      await shown(page.getByRole('cell', { name: '已结束' }).first());
      expect(await family.auth.session.query()).toBeNull();
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.page.close();
    }

    // The parent, later, on their own phone.
    app.testHost().clock.advance(2 * 60_000);
    await app.signInOnPhone(familyPhone);
    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/applications/${applicationId}/progress`));
      await shown(page.getByRole('heading', { name: '报名进度', level: 1 }));
      await shown(page.getByText(`代办员（${office}）`, { exact: false }));
      expect(await page.getByText('代办模式').count()).toBe(0);
      await page.getByRole('link', { name: '查阅记录：谁查看过这份报名' }).click();
      await shown(page.getByRole('heading', { name: '查阅记录', level: 1 }));
      await shown(page.getByText('代为提交报名').first());
      await shown(page.getByText(`${office} 代办员`).first());
      await shot(page, 'agent-03-parent-access-log');
      expect(errors).toEqual([]);
    });
  });
});
