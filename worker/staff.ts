import { createApp } from '../src/app';
import { loggableError } from '../src/domain/error-text';
import { sweep } from '../src/services/sweep';
import { tableXlsx } from '../src/import/table-xlsx';
import { type ApiEnv, isolateHost, misconfigured } from './isolate';
import { sweepPath } from './sweep-request';

/**
 * The staff Worker (worker/staff.wrangler.toml): the whole API, reached only through the main Worker's STAFF binding
 * with the requests that call a staff desk's procedure or a route of `staffHttpPaths` (decision 027). It serves every
 * procedure, so a batch that mixes the desk's calls with `auth.*` or `catalog.*` is answered in full here. It also
 * runs the every-minute sweep when the main Worker's Cron Trigger asks (`sweepRequest`).
 */
const host = isolateHost<ApiEnv>((deps) => createApp(deps, { workbook: tableXlsx }));

export default {
  async fetch(request, env, ctx) {
    const configured = await host.isolateFor(env);
    if (!configured) return misconfigured();
    const url = new URL(request.url);
    if (url.pathname !== sweepPath || request.method !== 'POST') return configured.app.fetch(request, env, ctx);
    const cron = url.searchParams.get('cron') ?? '?';
    try {
      const report = await sweep(await host.depsFor(configured, env, ctx));
      console.info(`sweep (${cron}) ${JSON.stringify(report)}`);
      return Response.json(report);
    } catch (error) {
      console.error(`sweep (${cron}) failed: ${loggableError(error)}`);
      return Response.json({ error: 'sweep failed' }, { status: 500 });
    }
  },
} satisfies ExportedHandler<ApiEnv>;
