/**
 * A policy page's body: the HTML the server rendered from the page's Markdown when it was saved
 * (`src/render/policy-markdown.ts`: raw HTML as text, only http(s)/mailto/tel/relative links, no images). It is
 * inserted as HTML only because it comes from that renderer; no other text may be given here.
 */
export function PageBody(props: { html: string }) {
  return <div class="prose" innerHTML={props.html} />;
}
