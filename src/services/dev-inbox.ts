import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { devSms } from '../../db/schema';
import { maskPhone } from '../domain/masking';

/** What the `dev` SMS provider delivered, newest first: demo mode only (the router refuses otherwise). */
export async function devInbox(db: Db, phone: string | undefined, limit = 20) {
  const rows = await db
    .select()
    .from(devSms)
    .where(phone ? eq(devSms.phone, phone) : undefined)
    // the demo clock can stand still: of messages sent at one instant, the one written last is the newest
    .orderBy(desc(devSms.sentAt), desc(sql`rowid`))
    .limit(limit);
  return rows.map((m) => ({ id: m.id, phone: m.phone, phoneMasked: maskPhone(m.phone), body: m.body, sentAt: m.sentAt.toISOString() }));
}
