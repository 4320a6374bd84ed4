import { describe, expect, test } from 'vitest';
import { createEnrollmentClient } from '../../src/client';
import { onPhone, shot, shown } from './site';

const windowText = '2024-07-15 00:00 至 2024-07-25 24:00（北京时间）';
const orderNotice = '系统报名顺序与入学分配学校次序无关，不需扎堆在高峰期报名。';

describe('during the registration window (2024-07-20 10:00 China time)', () => {
  const app = onPhone('2024-07-20T10:00:00+08:00');

  test('the home page shows 桃花江镇 2024年秋季, that registration is open with its window, the three entries and that order does not matter', () =>
    app.inTab(async (page, errors) => {
      await page.goto(app.url('/'));
      await shown(page.getByRole('heading', { name: '桃花江镇', level: 1 }));
      await shown(page.getByText('2024年秋季义务教育阶段入学报名'));
      await shown(page.getByText('正在报名', { exact: true }));
      await shown(page.getByText(windowText, { exact: true }));
      for (const entry of ['小学一年级新生', '初中七年级新生', '插班生转学']) {
        await shown(page.getByRole('link', { name: new RegExp(`^${entry}`) }));
      }
      await shown(page.getByText('适用：小学二至六年级、初中八至九年级'));
      await shown(page.getByText(orderNotice));
      await shown(page.getByRole('link', { name: '招生工作方案' }));
      expect(await page.title()).toBe('桃花江镇2024年秋季入学报名 - 桃江县中小学入学报名平台');
      await shot(page, 'home');
      expect(errors).toEqual([]);
    }));

  test('the home page paints from the catalog inside the page, without asking the API for it', () =>
    app.inTab(async (page, errors) => {
      const catalogCalls: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/trpc/catalog.')) catalogCalls.push(request.url());
      });
      await page.goto(app.url('/'));
      await shown(page.getByText(windowText, { exact: true }));
      await shown(page.getByRole('link', { name: '招生工作方案' }));
      expect(catalogCalls).toEqual([]);
      expect(errors).toEqual([]);
    }));

  test('the 初中七年级新生 entry lists both tracks, and an opened channel shows its definition and documents', () =>
    app.inTab(async (page, errors) => {
      await page.goto(app.url('/'));
      await page.getByRole('link', { name: /^初中七年级新生/ }).click();
      await shown(page.getByRole('heading', { name: '初中七年级新生', level: 1 }));
      await shown(page.getByRole('heading', { name: '县城小学毕业生', exact: true }));
      await shown(page.getByRole('heading', { name: '非县城小学毕业生' }));
      await shown(page.getByText('正在报名', { exact: true }));
      // Signed out, the way in goes through 登录 and comes back to choosing the child.
      const start = page.getByRole('link', { name: '登录后开始报名' });
      await shown(start);
      expect(await start.getAttribute('href')).toMatch(/^\/login\?from=%2Fentries%2F[a-z0-9]+%2Fapply$/);

      const property = page.locator('details.channel', { hasText: '父母在城区有房产的子女' }).first();
      expect(await property.getByText('不动产登记信息证明', { exact: true }).isVisible()).toBe(false);
      await shot(page, 'entry-grade7-folded');

      await property.locator('summary').click();
      await shown(property.getByText('不动产登记信息证明', { exact: true }));
      await shown(property.getByText('以下任选其一', { exact: true }));
      await shown(property.getByText('系统可查验', { exact: true }));
      await shown(property.getByText('父亲身份证', { exact: true }));
      await shown(property.getByText('出生医学证明', { exact: true }));
      await shown(property.getByText('视情况提供', { exact: true }));
      await shown(property.getByText('户口簿不能体现亲子关系的，请上传儿童出生医学证明。'));
      await shown(page.locator('details.channel', { hasText: '其他情况' }).getByText('需人工审核证明材料', { exact: true }));
      await property.scrollIntoViewIfNeeded();
      await shot(page, 'entry-grade7-channel', false);
      expect(errors).toEqual([]);
    }));

  test('the 常见问题 and 招生工作方案 pages read as headings, lists and paragraphs, with no markup showing', () =>
    app.inTab(async (page, errors) => {
      await page.goto(app.url('/'));
      await page.getByRole('link', { name: '常见问题' }).click();
      await shown(page.getByRole('heading', { name: '常见问题', level: 1 }));
      await shown(page.getByRole('heading', { name: '早点报名能优先分到学校吗？' }));
      await shown(page.getByText(/^不能。系统报名顺序与入学分配学校次序无关/));
      expect(await page.locator('.prose').innerText()).not.toMatch(/^(## |- )/m);
      await shot(page, 'faq');

      await page.getByRole('link', { name: '招生工作方案' }).click();
      await shown(page.getByRole('heading', { name: '桃花江镇2024年秋季县城义务教育阶段招生工作方案', level: 1 }));
      await shown(page.getByRole('heading', { name: '二、报名时间' }));
      await shown(page.getByRole('listitem').filter({ hasText: /^系统报名顺序与入学分配学校次序无关/ }));
      expect(await page.locator('.prose').innerText()).not.toMatch(/^(## |- )/m);
      await shot(page, 'policy');
      expect(errors).toEqual([]);
    }));

  test('the schools page lists primary and junior schools, and a community narrows it to the schools that serve it', () =>
    app.inTab(async (page, errors) => {
      await page.goto(app.url('/'));
      await page.getByRole('link', { name: '学校与招生范围' }).click();
      await shown(page.getByRole('heading', { name: '学校与招生范围', level: 1 }));
      await shown(page.getByRole('heading', { name: '小学', exact: true }));
      await shown(page.getByRole('heading', { name: '初中', exact: true }));
      await shown(page.getByText('共 11 所学校'));

      await page.getByLabel('按社区筛选').selectOption('石牛江村');
      await expect
        .poll(() => page.locator('.school-name').allTextContents())
        .toEqual(['桃江县桃谷山小学', '桃江县桃花江镇石牛江完全小学', '桃江县资江中学', '桃江县桃花江实验学校（初中部）']);
      expect(page.url()).toContain('community=');
      await shown(page.getByText('共 4 所学校'));
      await shown(page.getByText('计划学位 225 个'));
      await shot(page, 'schools-filtered');
      expect(errors).toEqual([]);
    }));

  test('every page says who runs the platform, its 咨询电话 and ICP number; the policy and schools pages give the numbers to call', () =>
    app.inTab(async (page, errors) => {
      await page.goto(app.url('/'));
      const footer = page.locator('footer');
      await shown(footer.getByText('主办单位：桃江县教育局'));
      expect(await footer.getByRole('link', { name: '0737-8822011' }).getAttribute('href')).toBe('tel:0737-8822011');
      expect(await footer.getByRole('link', { name: '湘ICP备00000000号-1' }).getAttribute('href')).toBe('https://beian.miit.gov.cn/');
      await page.getByRole('link', { name: '常见问题' }).click();
      await shown(page.getByRole('heading', { name: '常见问题', level: 1 }));
      await shown(page.locator('main').getByText('如有疑问，请拨打桃江县教育局咨询电话：'));
      await shown(page.locator('main').getByRole('link', { name: '0737-8822011' }));
      await page.goto(app.url('/'));
      await page
        .getByRole('link', { name: /学校与招生范围|招生学校/ })
        .first()
        .click();
      const school = page.locator('article.school', { hasText: '桃江县实验小学' });
      expect(await school.getByRole('link', { name: /^0737-\d{7}$/ }).getAttribute('href')).toMatch(/^tel:0737-\d{7}$/);
      await shot(page, 'schools-with-phones');
      expect(errors).toEqual([]);
    }));

  test('a mistyped link says 页面不存在 and offers the way home', () =>
    app.inTab(async (page, errors) => {
      await page.goto(app.url('/entries/aaaaaaaaaaaaaaaaaaaa'));
      await shown(page.getByText('页面不存在'));
      await page.goto(app.url('/no/such/page'));
      await shown(page.getByText('页面不存在'));
      await shown(page.getByRole('link', { name: '首页' }).last());
      // The browser reports the API's 404 itself; nothing else may fail.
      expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    }));

  test('when the network fails the page says 网络异常，请稍后重试, and 重试 loads it once the network is back', () =>
    app.inTab(async (page) => {
      // The region's own address: the home page (/) carries its catalog in the page itself and needs no API call.
      const [region] = await createEnrollmentClient({ url: app.site().url }).catalog.regions.query();
      await page.route('**/trpc/**', (route) => route.abort('internetdisconnected'));
      await page.goto(app.url(`/regions/${region!.id}`));
      await shown(page.getByText('网络异常，请稍后重试'));
      await shot(page, 'network-error');
      await page.unroute('**/trpc/**');
      await page.getByRole('button', { name: '重试' }).click();
      await shown(page.getByText('正在报名', { exact: true }));
    }));
});

describe('after the window closes (2024-07-26 00:00 China time)', () => {
  const app = onPhone('2024-07-26T00:00:00+08:00');

  test('the home page says 报名已结束', () =>
    app.inTab(async (page, errors) => {
      await page.goto(app.url('/'));
      await shown(page.getByText('报名已结束', { exact: true }));
      await shown(page.getByText(windowText, { exact: true }));
      expect(await page.getByText('正在报名', { exact: true }).count()).toBe(0);
      await shot(page, 'home-closed');
      expect(errors).toEqual([]);
    }));
});

describe('a first visit in a county of two towns (2024-07-20 10:00 China time)', () => {
  const app = onPhone('2024-07-20T10:00:00+08:00', { town: null, ignoreFailedLoads: true });

  test('the list of towns is painted from the HTML alone, before the app runs', () =>
    app.inTab(async (page) => {
      await page.route('**/assets/*.js', (route) => route.abort());
      await page.goto(app.url('/'));
      await shown(page.getByRole('heading', { name: '请选择孩子入学的乡镇' }));
      expect(await page.locator('.region-name').allTextContents()).toEqual(['桃花江镇', '灰山港镇']);
    }));

  test("the parent picks a town and sees that town's own window, entries and schools; the next visit opens it", () =>
    app.inTab(async (page, errors) => {
      await page.goto(app.url('/'));
      await shown(page.getByRole('heading', { name: '请选择孩子入学的乡镇' }));
      await shot(page, 'town-picker');
      await page.getByRole('link', { name: /灰山港镇/ }).click();
      await shown(page.getByRole('heading', { name: '灰山港镇', level: 1 }));
      await shown(page.getByText('2024-07-12 00:00 至 2024-07-21 24:00（北京时间）', { exact: true }));
      await shown(page.getByText('正在报名', { exact: true }));
      expect(await page.locator('.entry-name').allTextContents()).toEqual(['小学一年级新生', '初中七年级新生']);
      await shot(page, 'home-second-town');
      await page.getByRole('link', { name: '学校与招生范围' }).click();
      await shown(page.getByText('共 3 所学校'));
      await shown(page.getByText('桃江县灰山港镇中心小学'));
      expect(await page.getByText('桃江县实验小学').count()).toBe(0);

      await page.goto(app.url('/'));
      await shown(page.getByRole('heading', { name: '灰山港镇', level: 1 }));
      await page.getByRole('link', { name: '切换乡镇' }).click();
      await page.getByRole('link', { name: /桃花江镇/ }).click();
      await shown(page.getByRole('heading', { name: '桃花江镇', level: 1 }));
      await shown(page.getByText(windowText, { exact: true }));
      expect(errors).toEqual([]);
    }));
});
