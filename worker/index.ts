import { parentsRouter } from '../src/api/parents-router';
import { servedByStaffWorker } from '../src/api/staff-paths';
import { homeFirstPaint } from '../web/src/prerender/home-html';
import { httpApp } from '../src/http-app';
import { ConfigError } from './config';
import { sweepRequest } from './sweep-request';
import { type ApiEnv, isolateHost, misconfigured } from './isolate';

/** `[vars]`, secrets and bindings from wrangler.toml. */
export interface Env extends ApiEnv {
  ASSETS: Fetcher;
  /** The staff Worker (worker/staff.wrangler.toml): the staff desk's procedures (decision 027). */
  STAFF: Fetcher;
}

/**
 * The parents' Worker: the pages, files and every procedure but the staff desk's, which it hands to the staff Worker
 * whole (decision 027), so that its bundle carries no review or admin code.
 */
const host = isolateHost<Env>(
  (deps) =>
    httpApp(parentsRouter, deps, {
      // The built page shell from the static assets (wrangler.toml sends `/` to the Worker first).
      pageShell: async (c) => {
        const shell = await (c.env as Env).ASSETS.fetch(new Request(new URL('/', c.req.url)));
        return shell.ok ? shell.text() : null;
      },
      firstPaint: homeFirstPaint,
    }),
  (env) => {
    if (!env.STAFF) throw new ConfigError('the service binding STAFF is missing (wrangler.toml [[services]])');
  },
);

export default {
  async fetch(request, env, ctx) {
    const configured = await host.isolateFor(env);
    if (!configured) return misconfigured();
    if (servedByStaffWorker(new URL(request.url).pathname)) return env.STAFF.fetch(request);
    return configured.app.fetch(request, env, ctx);
  },

  /** The every-minute sweep runs in the staff Worker, so this bundle carries none of its code (decision 027). */
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(
      env.STAFF.fetch(sweepRequest(controller.cron)).then((answer) => {
        if (!answer.ok) throw new Error(`sweep (${controller.cron}) failed in the staff Worker: HTTP ${answer.status}`);
      }),
    );
  },
} satisfies ExportedHandler<Env>;
