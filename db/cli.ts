import { createDb } from './client';
import { migrateDb } from './migrate';
import { seedCatalog } from './seed';

const command = process.argv[2];
const url = process.env.DATABASE_URL || 'file:./data/enrollment.db';
if (command !== 'migrate' && command !== 'seed') {
  console.error('usage: tsx db/cli.ts migrate|seed   (database: DATABASE_URL, default file:./data/enrollment.db)');
  process.exit(2);
}
if (url.startsWith('file:')) {
  const { mkdirSync } = await import('node:fs');
  const { dirname, resolve } = await import('node:path');
  mkdirSync(dirname(resolve(url.slice('file:'.length))), { recursive: true });
}
const db = await createDb(url, process.env.DATABASE_AUTH_TOKEN);
await migrateDb(db);
if (command === 'seed') await seedCatalog(db);
console.info(`${command === 'seed' ? 'migrated and seeded' : 'migrated'} ${url}`);
db.$client.close();
