/**
 * `npm run dev`: the web app with hot reload (Vite on PORT, default 8787) in front of the Node host, which
 * `tsx watch` restarts whenever server code changes (port 8788). Vite sends `/trpc/*` and `/api/*` to the host.
 * Demo mode (ENROLL_DEV=1); ENROLL_NOW moves the clock; HOST=0.0.0.0 lets a phone on the LAN open the page.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const port = Number(process.env.PORT || 8787);
const host = process.env.HOST || '127.0.0.1';
const apiPort = '8788';
const apiUrl = `http://127.0.0.1:${apiPort}`;

const api = spawn(process.execPath, [tsxCli, 'watch', '--clear-screen=false', 'worker/node.ts'], {
  cwd: projectDir,
  stdio: 'inherit',
  // One serving process unless asked: `tsx watch` restarts it on every change, and one restarts fastest.
  env: { ...process.env, ENROLL_DEV: '1', PORT: apiPort, HOST: '127.0.0.1', ENROLL_PROCESSES: process.env.ENROLL_PROCESSES || '1' },
});

// web/vite.config.ts reads where to proxy from here.
process.env.ENROLL_API_URL = apiUrl;
const vite = await createServer({
  configFile: join(projectDir, 'web', 'vite.config.ts'),
  server: { port, host, strictPort: true },
}).catch((error: unknown) => {
  api.kill('SIGTERM');
  throw error;
});
await vite.listen();

console.info(`\n入学报名平台 (dev): http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}  — API on ${apiUrl}; Ctrl+C stops both\n`);

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  if (api.exitCode === null && api.signalCode === null) api.kill(signal);
  await vite.close();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void stop(signal));
}

api.once('exit', async (code, signal) => {
  await stop('SIGTERM');
  process.exit(code ?? (signal ? 1 : 0));
});
