/**
 * `npm run admin:create -- [--username NAME] [--name 显示名]`: creates an administrator on the database at
 * DATABASE_URL (migrating it first), the way a real deployment gets its first staff account. The password is read
 * from the terminal without echo (asked twice), or from the first line of standard input when that is not a terminal.
 */
import { parseArgs } from 'node:util';
import { systemClock } from '../src/adapters/clock';
import { webCryptoRandom } from '../src/adapters/random';
import { DomainError } from '../src/domain/errors';
import { createAdministratorFromCommand } from '../src/services/staff/accounts';
import { createDb } from './client';
import { migrateDb } from './migrate';
import { ask, askSecret, stdinLines } from './terminal';

const usernamePattern = /^[a-z0-9_.-]{3,40}$/;

function fail(message: string, code = 1): never {
  console.error(`admin:create: ${message}`);
  process.exit(code);
}

const { values } = parseArgs({
  options: { username: { type: 'string', short: 'u' }, name: { type: 'string', short: 'n' }, help: { type: 'boolean', short: 'h' } },
  strict: true,
});
if (values.help) {
  console.info(
    'usage: npm run admin:create -- [--username NAME] [--name 显示名]   (database: DATABASE_URL; password: typed without echo, or stdin)',
  );
  process.exit(0);
}

const tty = Boolean(process.stdin.isTTY);
const username = (values.username ?? (tty ? await ask('用户名 (username): ') : '')).trim();
if (!username) fail('请用 --username 给出用户名 (username required: pass --username when stdin is not a terminal)', 2);
if (!usernamePattern.test(username)) fail('用户名为3至40位小写字母、数字或 _ . - (username: 3-40 of a-z 0-9 _ . -)', 2);
const displayName = (values.name ?? (tty ? await ask('姓名 (display name): ') : '')).trim();
if (displayName.length < 2 || displayName.length > 40) fail('请用 --name 给出2至40个字的姓名 (display name: 2-40 characters)', 2);

let password: string;
if (tty) {
  password = await askSecret('密码 (password, not shown): ');
  if ((await askSecret('再次输入密码 (again): ')) !== password) fail('两次输入的密码不一致 (the passwords differ)');
} else {
  password = (await stdinLines())[0] ?? '';
}

const url = process.env.DATABASE_URL || 'file:./data/enrollment.db';
if (url.startsWith('file:')) {
  const { mkdirSync } = await import('node:fs');
  const { dirname, resolve } = await import('node:path');
  mkdirSync(dirname(resolve(url.slice('file:'.length))), { recursive: true });
}
const db = await createDb(url, process.env.DATABASE_AUTH_TOKEN);
try {
  await migrateDb(db);
  await createAdministratorFromCommand({ db, clock: systemClock, random: webCryptoRandom }, { username, displayName, password });
  console.info(`已创建管理员 ${username} (administrator created) on ${url.replace(/\/\/[^@/]*@/, '//')}`);
} catch (error) {
  if (error instanceof DomainError) fail(`${error.message}${error.code === 'STAFF_EXISTS' ? ' (username taken)' : ''}`);
  throw error;
} finally {
  db.$client.close();
}
