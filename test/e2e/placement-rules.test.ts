import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { applications, auditLog } from '../../db/schema';
import type { ManualClock } from '../../src/adapters/clock';
import { commitmentOf, seedOf } from '../../src/domain/placement/lottery';
import { verifyPublished } from '../../src/domain/placement/verify';
import { signInStaff } from '../helpers/staff';
import { parentWithApplication } from '../helpers/applications-db';
import { catalogFor } from '../helpers/journey';
import { samplePdf } from '../helpers/sample-files';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-07-20T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

describe('派位规则与摇号', () => {
  test('an administrator reorders the tiers and records an observer’s commitment; families read both; after the close the observer reveals', async () => {
    const desk = await app.openTab('desktop');
    const phone = await app.openTab();
    const [region] = await app.testHost().client.catalog.regions.query();
    const publicPage = app.url(`/regions/${region!.id}/placement`);
    // Three approved applications that all chose the same two schools.
    const c = await catalogFor(app.testHost());
    const familyOf: string[] = [];
    for (const i of [1, 2, 3]) {
      const { applicationId } = await parentWithApplication(app.site().host.deps.db, {
        phone: `1370000050${i}`,
        now: app.testHost().clock.now(),
        status: 'school_approved',
      });
      await app
        .site()
        .host.deps.db.update(applications)
        .set({ community: c.community, firstSchoolId: c.primary[0]!.id, secondSchoolId: c.primary[1]!.id })
        .where(eq(applications.id, applicationId));
      familyOf.push(applicationId);
    }
    try {
      const { page } = desk;
      await page.goto(app.url('/staff?from=%2Fstaff%2Fadmin%2Fplacement'));
      await signInOnDesk(page);
      await shown(page.getByRole('heading', { name: '派位规则与摇号', level: 1 }));
      await page.getByLabel('招生季').selectOption({ label: '桃花江镇 · 2024年秋季' });
      await shown(page.getByLabel('第3顺位名称'));
      expect(await page.getByLabel('第2顺位名称').inputValue()).toBe('户籍在本校服务片区');
      await page.getByRole('button', { name: '上移第3顺位' }).click();
      expect(await page.getByLabel('第2顺位名称').inputValue()).toBe('房产在本校服务片区');
      await page.getByRole('region', { name: '录取顺位' }).getByRole('button', { name: '保存', exact: true }).click();
      await shown(page.getByRole('status').filter({ hasText: '派位规则已保存' }));

      await page.getByLabel('监督人姓名').fill('张公证');
      await page.getByLabel('身份（如公证员、家长代表、纪检监察）').fill('公证员');
      await page.getByLabel('秘密随机数（只在本机计算摘要，不会上传）').fill('公证处-7f3a-2024');
      const commitment = await commitmentOf('公证处-7f3a-2024');
      await shown(page.getByText(commitment).first());
      await page.getByRole('button', { name: '登记承诺值' }).click();
      await shown(page.getByRole('status').filter({ hasText: '已登记「张公证」的承诺值' }));
      await shown(page.getByRole('cell', { name: commitment }));
      // A second observer, recorded by another administrator's integration.
      const otherAdmin = await signInStaff(app.testHost(), 'admin');
      await otherAdmin.admin.placement.recordCommitment.mutate({
        seasonId: c.region.season.id,
        name: '李代表',
        role: '家长代表',
        commitment: await commitmentOf('家长代表-骰子-4-2-6-1'),
      });
      // 模拟派位 over the three approved applications (户籍 is now the 3rd tier).
      const dryRun = page.getByRole('region', { name: '模拟派位' });
      await dryRun.getByLabel('报名入口与年级').selectOption({ label: '小学一年级新生·一年级' });
      await page.getByRole('button', { name: '开始模拟' }).click();
      await shown(page.getByText('共 3 份报名参加模拟；两种方式结果不同的有 0 份。'));
      const da = page.getByRole('region', { name: '延迟接受' });
      await shown(da.getByRole('row', { name: new RegExp(`^${c.primary[0]!.name} 450 第3顺位 3 3 未录满 0$`) }));
      // 学位预警: the same three applications as first choices; the bureau publishes a notice for the school.
      const demandRow = page
        .getByRole('region', { name: '学位预警' })
        .getByRole('row', { name: new RegExp(`^${c.primary[0]!.name} 450 3`) });
      await shown(demandRow.getByText('绿色'));
      await demandRow.getByLabel(`「${c.primary[0]!.name}」的学位预警`).fill('该校第一志愿报名较多，请合理填报。');
      await demandRow.getByRole('button', { name: '公布' }).click();
      await shown(page.getByRole('status').filter({ hasText: `已公布「${c.primary[0]!.name}」的学位预警` }));
      await shot(page, 'placement-admin');
      await expectAccessible(page, '派位规则与摇号');

      await phone.page.goto(app.url(`/regions/${region!.id}/schools`));
      await shown(
        phone.page.locator('article.school', { hasText: c.primary[0]!.name }).getByText('学位预警：该校第一志愿报名较多，请合理填报。'),
      );
      await phone.page.goto(publicPage);
      await shown(phone.page.getByRole('heading', { name: '派位规则与摇号公示', level: 1 }));
      expect(await phone.page.locator('article ol li').allTextContents()).toContain('房产在本校服务片区');
      expect((await phone.page.locator('article ol li').allTextContents())[1]).toBe('房产在本校服务片区');
      await shown(phone.page.getByText('张公证（公证员）'));
      await shown(phone.page.getByText(commitment));
      await shown(phone.page.getByText('报名截止后公开').first());
      await shot(phone.page, 'placement-public');
      await expectAccessible(phone.page, '派位规则与摇号公示');

      // After every window has closed the observer reveals; only the secret that hashes to the commitment is taken.
      (app.testHost().clock as ManualClock).set('2024-07-26T09:00:00+08:00');
      await page.reload();
      await signInOnDesk(page).catch(() => undefined);
      await page.getByLabel('招生季').selectOption({ label: '桃花江镇 · 2024年秋季' });
      const notary = page.getByRole('row', { name: /张公证/ });
      const reveal = notary.getByLabel('「张公证」的秘密随机数');
      await reveal.fill('猜的');
      await notary.getByRole('button', { name: '公开' }).click();
      await shown(page.getByText('该秘密随机数与「张公证」登记的承诺值不符'));
      await reveal.fill('公证处-7f3a-2024');
      await notary.getByRole('button', { name: '公开' }).click();
      await shown(page.getByRole('status').filter({ hasText: '已公开「张公证」的秘密随机数' }));
      const parents = page.getByRole('row', { name: /李代表/ });
      await parents.getByLabel('「李代表」的秘密随机数').fill('家长代表-骰子-4-2-6-1');
      await parents.getByRole('button', { name: '公开' }).click();
      await shown(page.getByRole('status').filter({ hasText: '已公开「李代表」的秘密随机数' }));

      // 正式派位, asked twice; the seed comes from both reveals.
      const draw = page.getByRole('region', { name: '正式派位' });
      await draw.getByLabel('报名入口与年级').selectOption({ label: '小学一年级新生·一年级' });
      await draw.getByRole('button', { name: '正式派位' }).click();
      await draw.getByRole('button', { name: '确认对「小学一年级新生·一年级」正式派位（不可重做）' }).click();
      await shown(page.getByRole('status').filter({ hasText: '「小学一年级新生·一年级」已正式派位：共 3 人，统筹安排 0 人' }));
      const seed = await seedOf([
        { observerId: '张公证', contribution: '公证处-7f3a-2024' },
        { observerId: '李代表', contribution: '家长代表-骰子-4-2-6-1' },
      ]);
      await shown(draw.getByRole('cell', { name: seed }));
      await draw.getByRole('button', { name: '公布结果' }).click();
      await draw.getByRole('button', { name: '确认公布并通知全部家庭' }).click();
      await shown(page.getByRole('status').filter({ hasText: '录取结果已公布，已向 3 户家庭发送站内消息和短信' }));
      await expectAccessible(page, '派位规则与摇号（正式派位后）');

      await phone.page.goto(publicPage);
      await shown(phone.page.getByText('公证处-7f3a-2024'));
      await shown(phone.page.getByText(seed));
      const results = await phone.page.getByRole('link', { name: '结果文件' }).getAttribute('href');
      const inputs = await phone.page.getByRole('link', { name: '输入文件' }).getAttribute('href');
      const verified = await verifyPublished({
        inputsText: await (await fetch(app.url(inputs!))).text(),
        resultsText: await (await fetch(app.url(results!))).text(),
        seed,
        mechanism: 'da',
      });
      expect(verified.identical).toBe(true);
      const publicity = phone.page.getByRole('region', { name: '录取公示' });
      await publicity.getByText(`${c.primary[0]!.name}（3 人）`).click();
      await shown(publicity.getByText(/^TEST-\S+ 测\*\*童$/).first());
      await shot(phone.page, 'placement-public-drawn');

      // A family reads its result and why on 报名进度.
      await app.signInOnPhone('13700000501');
      // The home page shows it first, as a card that opens 报名进度.
      await phone.page.goto(app.url('/'));
      const card = phone.page.getByRole('region', { name: '测试儿童的录取结果' });
      await shown(card.getByText(`录取学校：${c.primary[0]!.name}`));
      await shown(card.getByText(/^请在\d+月\d+日\d+时.*前确认入学或放弃学位$/));
      await shot(phone.page, 'placement-home-card');
      await expectAccessible(phone.page, '首页的录取结果');
      await card.getByRole('link', { name: '查看录取结果' }).click();
      await phone.page.waitForURL(`**/applications/${familyOf[0]}/progress`);
      const result = phone.page.getByRole('region', { name: '录取结果' });
      await shown(result.getByText(`录取学校：${c.primary[0]!.name}`));
      await shown(result.getByText('您在该校的录取顺位：第3顺位（户籍在本校服务片区）').first());
      await shot(phone.page, 'placement-result');
      await expectAccessible(phone.page, '录取结果');

      // 异议 during 公示: the family files one with a document; the administrator who published the results may not decide it.
      await result.getByLabel('异议理由').fill('我家户籍在资江社区，顺位应为第2顺位。');
      await result
        .getByLabel('添加材料：异议材料')
        .setInputFiles({ name: '户籍证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from(samplePdf) });
      await shown(result.getByText('户籍证明.pdf', { exact: true }));
      await result.getByRole('button', { name: '提出异议' }).click();
      await shown(result.getByText('异议已提交，正在处理'));
      await shown(result.getByRole('link', { name: '户籍证明.pdf' }));
      await page.reload();
      await page.getByLabel('招生季').selectOption({ label: '桃花江镇 · 2024年秋季' });
      const objection = page.getByRole('region', { name: '异议处理' }).getByRole('row', { name: /我家户籍在资江社区/ });
      await objection.getByLabel(/的处理理由$/).fill('顺位核对无误');
      await objection.getByRole('button', { name: '提交处理结果' }).click();
      await shown(objection.getByText('异议须由公布录取结果以外的管理员处理'));
      await shot(page, 'placement-objection');

      // A second administrator signs in on the desk, opens the family's document (audited) and upholds the objection,
      // placing the child at the second choice; the family reads the outcome.
      await (await signInStaff(app.testHost(), 'admin')).admin.createStaff.mutate({
        username: 'second-admin',
        displayName: '第二管理员',
        role: 'admin',
        password: 'Another-strong-passphrase-2024',
      });
      await page.getByRole('button', { name: '退出登录' }).click();
      await shown(page.getByLabel('用户名'));
      await page.goto(app.url('/staff?from=%2Fstaff%2Fadmin%2Fplacement'));
      await page.getByLabel('用户名').fill('second-admin');
      await page.getByLabel('密码').fill('Another-strong-passphrase-2024');
      await page.getByLabel('密码').press('Enter');
      await shown(page.getByRole('heading', { name: '派位规则与摇号', level: 1 }));
      await page.getByLabel('招生季').selectOption({ label: '桃花江镇 · 2024年秋季' });
      const document = objection.getByRole('link', { name: /的异议材料「户籍证明\.pdf」$/ });
      const opened = await page.request.get(app.url((await document.getAttribute('href'))!));
      expect(opened.status()).toBe(200);
      expect(new Uint8Array(await opened.body())).toEqual(samplePdf);
      const audited = await app
        .site()
        .host.deps.db.select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'objection_document_view'), eq(auditLog.username, 'second-admin')));
      expect(audited).toHaveLength(1);
      await objection.getByLabel('处理结果').selectOption({ label: '异议成立' });
      await objection.getByLabel('改为录取到（不选则不变）').selectOption({ label: c.primary[1]!.name });
      await objection.getByLabel(/的处理理由$/).fill('核实户籍后改为第二志愿学校');
      await objection.getByRole('button', { name: '提交处理结果' }).click();
      await shown(page.getByRole('status').filter({ hasText: /^已处理 \S+ 的异议$/ }));
      await shown(page.getByRole('region', { name: '异议处理' }).getByRole('cell', { name: '核实户籍后改为第二志愿学校' }));
      await phone.page.reload();
      await shown(result.getByText('异议成立', { exact: true }));
      await shown(result.getByText('处理意见：核实户籍后改为第二志愿学校'));
      await shown(result.getByText(`录取学校：${c.primary[1]!.name}`));
      await expectAccessible(phone.page, '异议处理结果');

      // 确认入学 on the family's page.
      await result.getByRole('button', { name: '确认入学' }).click();
      await shown(result.getByText('已确认入学，请按学校通知报到。'));
      expect(desk.errors).toEqual([]);
      expect(phone.errors).toEqual([]);
    } finally {
      await desk.page.close();
      await phone.page.close();
    }
  });
});
