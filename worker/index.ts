import { createWebDb } from '../db/client-web';
import { r2Files } from '../src/adapters/files-r2';
import type { AppDeps } from '../src/api/context';
import { type App, createApp } from '../src/app';
import { loggableError } from '../src/domain/error-text';
import { sweep } from '../src/services/sweep';
import { ConfigError, readConfig, type HostEnv } from './config';
import { buildDeps } from './deps';

/** `[vars]`, secrets and bindings from wrangler.toml. */
export interface Env extends HostEnv {
  ASSETS: Fetcher;
  /** Uploaded documents (R2; local R2 under wrangler dev). */
  DOCUMENTS: R2Bucket;
}

interface Host {
  deps: AppDeps;
  app: App;
}

const configurationMessage = '服务配置有误，暂时无法办理，请稍后再试或联系招生办';

/** One host per isolate: `env` does not change within an isolate. A failed start is retried on the next event. */
let host: Promise<Host> | undefined;

async function startHost(env: Env): Promise<Host> {
  const config = readConfig(env);
  if (!env.DOCUMENTS) throw new ConfigError('the R2 binding DOCUMENTS is missing (wrangler.toml [[r2_buckets]])');
  const deps = await buildDeps(config, createWebDb(config.databaseUrl, config.databaseAuthToken), r2Files(env.DOCUMENTS));
  return { deps, app: createApp(deps) };
}

async function hostFor(env: Env): Promise<Host | undefined> {
  host ??= startHost(env);
  try {
    return await host;
  } catch (error) {
    host = undefined;
    console.error(`worker configuration: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

export default {
  async fetch(request, env, ctx) {
    const configured = await hostFor(env);
    if (!configured) {
      return Response.json({ error: { message: configurationMessage } }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
    }
    return configured.app.fetch(request, env, ctx);
  },

  async scheduled(controller, env, ctx) {
    const configured = await hostFor(env);
    if (!configured) throw new Error('sweep skipped: the worker configuration is invalid (see the log line above)');
    ctx.waitUntil(sweep(configured.deps).then(
      (report) => console.info(`sweep (${controller.cron}) ${JSON.stringify(report)}`),
      (error: unknown) => {
        console.error(`sweep (${controller.cron}) failed: ${loggableError(error)}`);
        throw error;
      },
    ));
  },
} satisfies ExportedHandler<Env>;
