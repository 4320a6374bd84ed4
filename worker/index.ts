import { homeFirstPaint } from '../web/src/prerender/home-html';
import { createWebDb } from '../db/client-web';
import { r2Files } from '../src/adapters/files-r2';
import type { AppDeps } from '../src/api/context';
import { type App, createApp } from '../src/app';
import { loggableError } from '../src/domain/error-text';
import { sweep } from '../src/services/sweep';
import { ConfigError, type HostConfig, parseConfig, type HostEnv } from './config';
import { type SharedDeps, sharedDeps, withDatabase } from './deps';
import { type IsolateClock, isolateClock } from './isolate-clock';
import { renderThrough } from './render-binding';

/** `[vars]`, secrets and bindings from wrangler.toml. */
export interface Env extends HostEnv {
  ASSETS: Fetcher;
  /** Uploaded documents (R2; local R2 under wrangler dev). */
  DOCUMENTS: R2Bucket;
  /** The render Worker (worker/render.wrangler.toml): policy pages' Markdown to HTML. */
  RENDER: Fetcher;
}

/**
 * What an isolate keeps between requests: parsed configuration, derived keys, the records adapter, the clock and the
 * app. None of it holds an I/O object: the Workers runtime cancels a request whose I/O was started on behalf of
 * another (a shared libSQL client queues one request's queries behind another's), so the database client and
 * everything bound to it are built for each request (`depsFor`).
 */
interface Isolate {
  config: HostConfig;
  shared: SharedDeps;
  clock: IsolateClock;
  app: App;
}

const configurationMessage = '服务配置有误，暂时无法办理，请稍后再试或联系招生办';

/** Set by the first request that finishes building it; concurrent first requests each build their own (no shared promise). */
let isolate: Isolate | undefined;

async function buildIsolate(env: Env): Promise<Isolate> {
  const config = parseConfig(env);
  if (!env.DOCUMENTS) throw new ConfigError('the R2 binding DOCUMENTS is missing (wrangler.toml [[r2_buckets]])');
  if (!env.RENDER) throw new ConfigError('the service binding RENDER is missing (wrangler.toml [[services]])');
  const clock = isolateClock(config.startAt);
  const shared = await sharedDeps(config, clock.clock);
  const app = createApp((c) => depsFor(built, c.env as Env, c.executionCtx), {
    // The built page shell from the static assets (wrangler.toml sends `/` to the Worker first).
    pageShell: async (c) => {
      const shell = await (c.env as Env).ASSETS.fetch(new Request(new URL('/', c.req.url)));
      return shell.ok ? shell.text() : null;
    },
    firstPaint: homeFirstPaint,
  });
  const built: Isolate = { config, shared, clock, app };
  return built;
}

/** A failed start (bad configuration) is logged and retried on the next event. */
async function isolateFor(env: Env): Promise<Isolate | undefined> {
  if (isolate) return isolate;
  try {
    const built = await buildIsolate(env);
    isolate ??= built;
    return isolate;
  } catch (error) {
    console.error(`worker configuration: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** This request's own database client, SMS sender and file store, around the isolate's shared values. */
async function depsFor(from: Isolate, env: Env, ctx: { waitUntil(work: Promise<unknown>): void }): Promise<AppDeps> {
  const db = createWebDb(from.config.databaseUrl, from.config.databaseAuthToken);
  await from.clock.sync(db, (work) =>
    ctx.waitUntil(work.catch((error: unknown) => console.error(`clock sync failed: ${loggableError(error)}`))),
  );
  return withDatabase(from.shared, from.config, db, r2Files(env.DOCUMENTS), renderThrough(env.RENDER));
}

export default {
  async fetch(request, env, ctx) {
    const configured = await isolateFor(env);
    if (!configured) {
      return Response.json({ error: { message: configurationMessage } }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
    }
    return configured.app.fetch(request, env, ctx);
  },

  async scheduled(controller, env, ctx) {
    const configured = await isolateFor(env);
    if (!configured) throw new Error('sweep skipped: the worker configuration is invalid (see the log line above)');
    const deps = await depsFor(configured, env, ctx);
    ctx.waitUntil(
      sweep(deps).then(
        (report) => console.info(`sweep (${controller.cron}) ${JSON.stringify(report)}`),
        (error: unknown) => {
          console.error(`sweep (${controller.cron}) failed: ${loggableError(error)}`);
          throw error;
        },
      ),
    );
  },
} satisfies ExportedHandler<Env>;
