/**
 * The main Worker's Cron Trigger asks the staff Worker to sweep with this request through the STAFF binding. The
 * staff Worker has no address of its own and the main Worker hands on only `servedByStaffWorker` paths, so nobody
 * else can send it.
 */
export const sweepPath = '/internal/sweep';

export function sweepRequest(cron: string): Request {
  return new Request(`https://staff.internal${sweepPath}?cron=${encodeURIComponent(cron)}`, { method: 'POST' });
}
