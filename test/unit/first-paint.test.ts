import { describe, expect, it } from 'vitest';
import { withSnapshot } from '../../src/api/page-shell';
import { homeFirstPaint } from '../../web/src/prerender/home-html';

const window = { opensAt: '2024-07-14T16:00:00.000Z', closesAt: '2024-07-25T16:00:00.000Z', state: 'open' as const };
const entry = (code: string, description: string) => ({
  id: `id-${code}`,
  code,
  name: '小学一年级新生',
  description,
  gradeMin: 1,
  gradeMax: 1,
  window,
  tracks: [{ level: 'primary', gradeMin: 1, gradeMax: 1 }],
});
const town = (id: string, name: string, seasonName: string | null = '2024年秋季') => ({ id, name, seasonName });
const facts = (description: string) => ({
  regions: [town('r1', '桃花江镇')],
  region: { name: '桃花江镇', season: { name: '2024年秋季' }, entries: [entry('grade1', description)] },
});

describe("the home page's first screen in the shell", () => {
  it('shows the season, the shared window and each entry, with the text escaped', () => {
    const html = homeFirstPaint(facts('<b>适用</b> & "引号"'))!;
    expect(html).toContain('<h1 class="hero-region">桃花江镇</h1>');
    expect(html).toContain('2024-07-15 00:00 至');
    expect(html).toContain('&lt;b&gt;适用&lt;/b&gt; &amp; &quot;引号&quot;');
    expect(html).not.toContain('<b>');
  });

  it('paints the list of towns for a parent who has not opened one yet', () => {
    const html = homeFirstPaint({ regions: [town('r1', '桃花江镇'), town('r2', '灰山港镇', null)] })!;
    expect(html).toContain('<a class="region-card" href="/regions/r1"><span class="region-name">桃花江镇</span>');
    expect(html).toContain('<span class="region-name">灰山港镇</span><span class="muted">暂未开放报名</span>');
    expect(html).not.toContain('hero');
  });

  it("paints the opened town's season with a way to switch town when the county has several", () => {
    const several = { ...facts('适用'), regions: [town('r1', '桃花江镇'), town('r2', '灰山港镇')] };
    expect(homeFirstPaint(several)).toContain('<a class="hero-switch" href="/towns">切换乡镇</a>');
    expect(homeFirstPaint(facts('适用'))).not.toContain('hero-switch');
  });

  it('paints nothing for a county without towns', () => {
    expect(homeFirstPaint({ regions: [] })).toBeNull();
  });

  it('goes into the mount point as text, whatever the catalog holds', () => {
    const shell = '<html><head></head><body><div id="app"></div></body></html>';
    const description = "报名费 $& 与 $' 均为0元";
    const page = withSnapshot(shell, { description }, homeFirstPaint(facts(description)));
    expect(page).toContain(`<span class="entry-desc">报名费 $&amp; 与 $&#39; 均为0元</span>`);
    expect(page).toContain(`"description":"${description}"`);
    expect(page.match(/<div id="app">/g)).toHaveLength(1);
  });
});
