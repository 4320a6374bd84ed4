import MarkdownIt, { type MarkdownIt as Renderer } from 'markdown-it';

/**
 * The one renderer of policy pages (招生工作方案, 常见问题…): Markdown to HTML that is safe to insert as it is. Raw HTML
 * stays text, images are off, and a link keeps its address only when it is http(s), mailto, tel or a relative path;
 * any other (`javascript:`, `vbscript:`, `data:`…) stays text. External links open in a new tab without an opener.
 * The server renders on save and stores the result (`pages.html`); the staff editor's preview imports this module
 * lazily, so parents' pages carry no Markdown code.
 *
 * @example renderPolicyMarkdown('## 报名时间\n- 7月15日起') // '<h2>报名时间</h2>\n<ul>\n<li>7月15日起</li>\n</ul>\n'
 */
export function renderPolicyMarkdown(markdown: string): string {
  return renderer().render(markdown);
}

const allowedLink = /^(https?:|mailto:|tel:)/i;
const external = /^https?:/i;

/** A link address the pages keep: http(s), mailto, tel, or a path on this site (no scheme, no other host). */
export function isAllowedLink(href: string): boolean {
  const trimmed = href.trim();
  if (allowedLink.test(trimmed)) return true;
  // Relative: no scheme before the first `/`, `?` or `#` (a `:` there would be one), and not `//host` or `/\host`,
  // which browsers read as another site.
  return !/^[^/?#]*:/.test(trimmed) && !/^[/\\]{2}/.test(trimmed);
}

let instance: Renderer | undefined;

function renderer(): Renderer {
  if (instance) return instance;
  const md = new MarkdownIt('default', { html: false, linkify: false, breaks: true, typographer: false });
  md.disable(['image']);
  md.validateLink = (url) => isAllowedLink(url);
  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.link_open = (tokens, index, options) => {
    const token = tokens[index]!;
    if (external.test(String(token.attrGet('href') ?? ''))) {
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer');
    }
    return renderToken(tokens, index, options);
  };
  instance = md;
  return md;
}
