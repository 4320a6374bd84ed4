import { createApp } from '../src/app';
import { tableXlsx } from '../src/import/table-xlsx';
import { type ApiEnv, isolateHost, misconfigured } from './isolate';

/**
 * The staff Worker (worker/staff.wrangler.toml): the whole API, reached only through the main Worker's STAFF binding
 * with the requests that call a staff desk's procedure (decision 027). It serves every procedure, so a batch that
 * mixes the desk's calls with `auth.*` or `catalog.*` is answered in full here.
 */
const host = isolateHost<ApiEnv>((deps) => createApp(deps, { workbook: tableXlsx }));

export default {
  async fetch(request, env, ctx) {
    const configured = await host.isolateFor(env);
    if (!configured) return misconfigured();
    return configured.app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<ApiEnv>;
