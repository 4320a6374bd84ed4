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
const facts = (description: string) => ({
  regions: [{}],
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

  it('is left out for several regions, where the app shows the list', () => {
    expect(homeFirstPaint({ regions: [{}, {}] })).toBeNull();
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
