import type { AppDeps } from '../src/deps';

/** The part of a service binding (`Fetcher`) used here, so that Node-side code (benches) can typecheck this file. */
export interface FetcherLike {
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

/** Policy pages' Markdown rendered by the render Worker (worker/render.ts) behind the main Worker's RENDER binding. */
export function renderThrough(render: FetcherLike): AppDeps['renderMarkdown'] {
  return async (markdown) => {
    const response = await render.fetch('https://render.internal/', { method: 'POST', body: markdown });
    if (!response.ok) throw new Error(`the render Worker answered ${response.status}`);
    return response.text();
  };
}
