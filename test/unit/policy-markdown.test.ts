import { describe, expect, it } from 'vitest';
import { isAllowedLink, renderPolicyMarkdown } from '../../src/render/policy-markdown';

const elements = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'a',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'blockquote',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

/**
 * Every real tag of the HTML (escaped text is not one) that is not plain Markdown output, and every attribute that
 * could run code or load something: what inserting the HTML could make active.
 */
function activeParts(html: string): string[] {
  return [...html.matchAll(/<\/?([a-z][a-z0-9]*)([^>]*)>/gi)].flatMap(([tag, name, attributes]) => {
    if (!elements.has(name!.toLowerCase())) return [tag];
    return [...attributes!.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)]
      .filter(([, attribute, value]) => {
        if (attribute === 'target' || attribute === 'rel' || attribute === 'start') return false;
        if (attribute === 'style') return !/^text-align:(left|right|center)$/.test(value ?? '');
        if (attribute === 'href') return !/^(https?:|mailto:|tel:|\/(?![/\\])|\?|#|[^:/?#]+(?:[/?#]|$))/.test(value ?? '');
        return true;
      })
      .map(([, attribute]) => `${tag}: ${attribute}`);
  });
}

describe('the policy pages renderer', () => {
  it('(the check below finds what would be active)', () => {
    expect(activeParts('<p>a</p><script>x</script><a href="javascript:x">a</a><a href="//e.cn">b</a><p onclick="x">c</p>')).toEqual([
      '<script>',
      '</script>',
      '<a href="javascript:x">: href',
      '<a href="//e.cn">: href',
      '<p onclick="x">: onclick',
    ]);
    expect(activeParts('&lt;script&gt; <a href="/x">a</a> <a href="faq">b</a>')).toEqual([]);
  });

  it('renders headings, lists, paragraphs with line breaks and allowed links', () => {
    const html = renderPolicyMarkdown(
      '## 报名时间\n\n- 7月15日起\n- 7月25日止\n\n第一行\n第二行\n\n[教育局](https://jyj.example.cn) [报名须知](/regions/r/pages/declaration) [电话](tel:0737-8888888) [邮件](mailto:jyj@example.cn)',
    );
    expect(html).toContain('<h2>报名时间</h2>');
    expect(html).toContain('<ul>\n<li>7月15日起</li>\n<li>7月25日止</li>\n</ul>');
    expect(html).toContain('<p>第一行<br>\n第二行</p>');
    expect(html).toContain('<a href="https://jyj.example.cn" target="_blank" rel="noopener noreferrer">教育局</a>');
    expect(html).toContain('<a href="/regions/r/pages/declaration">报名须知</a>');
    expect(html).toContain('<a href="tel:0737-8888888">电话</a>');
    expect(html).toContain('<a href="mailto:jyj@example.cn">邮件</a>');
  });

  it('shows a <script> typed into the body as text', () => {
    const html = renderPolicyMarkdown('请注意<script>alert(1)</script>\n\n<script>\nalert(2)\n</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(activeParts(html)).toEqual([]);
  });

  it('keeps raw HTML as text: tags, event handlers, iframes, comments', () => {
    const html = renderPolicyMarkdown(
      '<img src=x onerror=alert(1)>\n\n<a href="javascript:alert(1)">点我</a>\n\n<iframe src="https://evil.example"></iframe>\n\n<div onclick="x()">块</div>\n\n<!-- 注释 -->',
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;');
    expect(activeParts(html)).toEqual([]);
  });

  it.each([
    '[点我](javascript:alert(1))',
    '[点我](JaVaScRiPt:alert(1))',
    '[点我](  javascript:alert(1))',
    '[点我](&#106;avascript:alert(1))',
    '[点我](java\tscript:alert(1))',
    '[点我](vbscript:msgbox(1))',
    '[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[点我](file:///etc/passwd)',
    '[点我](//evil.example/x)',
    '<javascript:alert(1)>',
    '[点我][x]\n\n[x]: javascript:alert(1)',
  ])('leaves the link %j as text, with no address', (markdown) => {
    const html = renderPolicyMarkdown(markdown);
    expect(html).not.toContain('<a');
    expect(activeParts(html)).toEqual([]);
  });

  it('loads no image: ![…](…) stays a link at most', () => {
    const html = renderPolicyMarkdown('![照片](https://evil.example/track.png) ![x](data:image/png;base64,AAAA)');
    expect(html).not.toContain('<img');
    expect(activeParts(html)).toEqual([]);
  });

  it('turns no bare address into a link (linkify off)', () => {
    expect(renderPolicyMarkdown('见 https://jyj.example.cn 或 www.example.cn')).not.toContain('<a');
  });

  it('allows links to this site, http(s), mailto and tel only', () => {
    for (const href of ['https://a.cn', 'http://a.cn', 'mailto:a@b.cn', 'tel:123', '/regions/x', 'pages/faq', '?a=1', '#top']) {
      expect(isAllowedLink(href), href).toBe(true);
    }
    for (const href of ['javascript:x', 'vbscript:x', 'data:x', 'ftp://a', '//a.cn', '/\\a.cn', 'weixin://x']) {
      expect(isAllowedLink(href), href).toBe(false);
    }
  });
});
