import { createClient } from '@libsql/client/http';
import { drizzle } from 'drizzle-orm/libsql/http';
import * as schema from '../db/schema';
import { fetchWhenShed } from '../db/fetch-when-shed';
const n = 3000;
function time(name: string, f: () => unknown) {
  for (let i = 0; i < 300; i++) f();
  const t = performance.now();
  for (let i = 0; i < n; i++) f();
  console.log(name, ((performance.now() - t) / n).toFixed(4), 'ms');
}
const c = createClient({ url: 'http://127.0.0.1:1' });
time('createClient', () => createClient({ url: 'http://127.0.0.1:1', fetch: fetchWhenShed() }));
time('drizzle with schema', () => drizzle(c, { schema }));
time('drizzle without schema', () => drizzle(c));
