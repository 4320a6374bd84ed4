import { renderPolicyMarkdown } from '../src/render/policy-markdown';

/**
 * The render Worker (worker/render.wrangler.toml): policy pages' Markdown in the POST body, their stored HTML out
 * (decision 019's renderer). It has no route and no workers.dev address; only the main Worker reaches it, through
 * its RENDER service binding, so the main Worker's bundle carries no Markdown code (decision 024).
 */
export default {
  async fetch(request) {
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { Allow: 'POST' } });
    return new Response(renderPolicyMarkdown(await request.text()), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  },
} satisfies ExportedHandler;
