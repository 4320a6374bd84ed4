import { startFakeSmsProvider } from '../helpers/fake-sms-provider';

/**
 * The fake HTTP SMS provider in a process of its own (it outlives every crash of the host in `npm run crash`, and its
 * CPU is not the host's in the outbox bench): it tells its parent its URL, and on `{ report: true }` answers with
 * every call it received and every delivery it made. `SMS_LATENCY_MS`: how long each message takes.
 */
const provider = await startFakeSmsProvider({
  key: process.env.SMS_HTTP_KEY ?? 'crash-bench-key',
  latencyMs: Number(process.env.SMS_LATENCY_MS ?? 0),
});
process.send?.({ url: provider.url });
process.on('message', (message: { report?: boolean; stop?: boolean }) => {
  if (message.report)
    process.send?.({
      requests: provider.requests.map((r) => ({ key: r.idempotencyKey, outcome: r.outcome })),
      deliveries: provider.deliveries,
    });
  if (message.stop) void provider.close().then(() => process.exit(0));
});
