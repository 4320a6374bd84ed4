/**
 * `npm run dev:worker`: the Worker as Cloudflare runs it (wrangler dev, local workerd) against the real libSQL
 * server. sqld keeps its data in .wrangler/sqld-libsql-wal (sqld's own WAL cannot open a folder the default WAL wrote); the catalog is migrated and seeded from Node before the Worker
 * starts. Demo mode (ENROLL_DEV=1); ENROLL_NOW moves the clock; PORT picks the port (8787). More settings: .dev.vars.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { seedCatalog } from '../db/seed';
import { seedDemoStaff } from '../db/seed/demo-staff';
import { startSqld } from './sqld';
import { writeStaffDevConfig } from './staff-dev-config';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const wranglerBin = join(projectDir, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
const port = process.env.PORT || '8787';
const url = `http://127.0.0.1:${port}`;

// Checked first so that the readiness probe below cannot mistake another server on the port for the Worker.
if (!(await portIsFree(Number(port)))) {
  console.error(`127.0.0.1:${port} is already in use (another npm run dev?): stop it or set PORT`);
  process.exit(1);
}

const sqld = await startSqld({ dbPath: join(projectDir, '.wrangler', 'sqld-libsql-wal') });
try {
  const db = await createDb(sqld.url);
  await migrateDb(db);
  await seedCatalog(db);
  await seedDemoStaff(db, new Date());
  db.$client.close();
  if (!existsSync(join(projectDir, 'web', 'dist', 'index.html'))) {
    console.info('web/dist is missing: building the web app');
    const build = spawnSync('npm', ['run', 'build'], { cwd: projectDir, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npm run build failed (${build.status ?? build.signal})`);
  }
} catch (error) {
  await sqld.stop();
  throw error;
}

const vars: Record<string, string> = { DATABASE_URL: sqld.url, ENROLL_DEV: '1' };
if (process.env.ENROLL_NOW) vars.ENROLL_NOW = process.env.ENROLL_NOW;

const wrangler = spawn(
  process.execPath,
  [
    wranglerBin,
    'dev',
    // The main Worker, the render Worker behind its RENDER binding (decision 024) and the staff Worker behind its
    // STAFF binding, which reads its vars from its own copy of its config (decision 027).
    '--config',
    'wrangler.toml',
    '--config',
    'worker/render.wrangler.toml',
    '--config',
    writeStaffDevConfig(join(projectDir, '.wrangler'), vars),
    '--ip',
    '127.0.0.1',
    '--port',
    port,
    '--test-scheduled',
    // Demo mode answers from the demo records, which the deployed Worker leaves out (wrangler.toml [define]).
    '--define',
    'DEMO_RECORDS:true',
    ...Object.entries(vars).flatMap(([key, value]) => ['--var', `${key}:${value}`]),
  ],
  {
    cwd: projectDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      WRANGLER_SEND_ERROR_REPORTS: 'false',
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      XDG_CONFIG_HOME: join(projectDir, '.config'),
    },
  },
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => wrangler.kill(signal));
}

wrangler.once('exit', async (code, signal) => {
  await sqld.stop();
  process.exit(code ?? (signal ? 1 : 0));
});

void announceWhenReady(wrangler);

async function announceWhenReady(child: ChildProcess): Promise<void> {
  while (child.exitCode === null && child.signalCode === null) {
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        console.info(`\n入学报名平台 (Worker) ready: ${url}   database: sqld ${sqld.url} (data in .wrangler/sqld-libsql-wal)`);
        console.info(`run the sweep: curl '${url}/__scheduled?cron=*+*+*+*+*'\n`);
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

function portIsFree(candidate: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(candidate, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
