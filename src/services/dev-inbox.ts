import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { devSms } from '../../db/schema';
import { maskPhone } from '../domain/masking';

/** What the `dev` SMS provider delivered, newest first: demo mode only (the router refuses otherwise). */
export async function devInbox(db: Db, phone: string | undefined, limit = 20) {
  const rows = await db
    .select()
    .from(devSms)
    .where(phone ? eq(devSms.phone, phone) : undefined)
    .orderBy(desc(devSms.sentAt))
    .limit(limit);
  return rows.map((m) => ({ id: m.id, phone: m.phone, phoneMasked: maskPhone(m.phone), body: m.body, sentAt: m.sentAt.toISOString() }));
}
