import type { Context as HonoContext } from 'hono';
import { createWebDb } from '../db/client-web';
import { type R2BucketLike, r2Files } from '../src/adapters/files-r2';
import type { AppDeps } from '../src/api/context';
import type { App } from '../src/http-app';
import { loggableError } from '../src/domain/error-text';
import { ConfigError, type HostConfig, parseConfig, type HostEnv } from './config';
import { type SharedDeps, sharedDeps, withDatabase } from './deps';
import { type IsolateClock, isolateClock } from './isolate-clock';
import { type FetcherLike, renderThrough } from './render-binding';

/**
 * What both API Workers (main and staff) are given: `[vars]`, secrets and the bindings their requests use (typed by the
 * parts used, which the runtime's `R2Bucket` and `Fetcher` fit, so that Node-side benches can build an isolate too).
 */
export interface ApiEnv extends HostEnv {
  /** Uploaded documents (R2; local R2 under wrangler dev). */
  DOCUMENTS: R2BucketLike;
  /** The render Worker (worker/render.wrangler.toml): policy pages' Markdown to HTML. */
  RENDER: FetcherLike;
}

/**
 * What an isolate keeps between requests: parsed configuration, derived keys, the records adapter, the clock and the
 * app. None of it holds an I/O object: the Workers runtime cancels a request whose I/O was started on behalf of
 * another (a shared libSQL client queues one request's queries behind another's), so the database client and
 * everything bound to it are built for each request (`depsFor`).
 */
export interface Isolate {
  config: HostConfig;
  shared: SharedDeps;
  clock: IsolateClock;
  app: App;
}

type AfterResponse = { waitUntil(work: Promise<unknown>): void };

export const configurationMessage = '服务配置有误，暂时无法办理，请稍后再试或联系招生办';

/** The answer while the configuration is invalid (the reason is in the log). */
export function misconfigured(): Response {
  return Response.json({ error: { message: configurationMessage } }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * One Worker's isolate: built by its first request around the app `appOf` makes, kept for the next ones. A failed
 * start (bad configuration) is logged and retried on the next event; concurrent first requests each build their own
 * (no shared promise).
 */
export function isolateHost<E extends ApiEnv>(
  appOf: (deps: (c: HonoContext) => Promise<AppDeps>) => App,
  checkBindings: (env: E) => void = () => {},
) {
  let isolate: Isolate | undefined;

  async function build(env: E): Promise<Isolate> {
    const config = parseConfig(env);
    if (!env.DOCUMENTS) throw new ConfigError('the R2 binding DOCUMENTS is missing (wrangler.toml [[r2_buckets]])');
    if (!env.RENDER) throw new ConfigError('the service binding RENDER is missing (wrangler.toml [[services]])');
    checkBindings(env);
    const clock = isolateClock(config.startAt);
    const shared = await sharedDeps(config, clock.clock);
    const app = appOf((c) => depsFor(built, c.env as E, c.executionCtx));
    const built: Isolate = { config, shared, clock, app };
    return built;
  }

  async function isolateFor(env: E): Promise<Isolate | undefined> {
    if (isolate) return isolate;
    try {
      const built = await build(env);
      isolate ??= built;
      return isolate;
    } catch (error) {
      console.error(`worker configuration: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  return { isolateFor, depsFor };
}

/** This request's own database client, SMS sender and file store, around the isolate's shared values. */
async function depsFor(from: Isolate, env: ApiEnv, ctx: AfterResponse): Promise<AppDeps> {
  const db = createWebDb(from.config.databaseUrl, from.config.databaseAuthToken, { relationalQueries: false });
  await from.clock.sync(db, (work) =>
    ctx.waitUntil(work.catch((error: unknown) => console.error(`clock sync failed: ${loggableError(error)}`))),
  );
  return withDatabase(from.shared, from.config, db, r2Files(env.DOCUMENTS), renderThrough(env.RENDER));
}
