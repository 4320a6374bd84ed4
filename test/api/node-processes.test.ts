import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, type ClientRequest, request } from 'node:http';
import { and, count, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client';
import { outbox } from '../../db/schema';
import { demoStaff } from '../../db/seed/demo-staff';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { applicationNoticeKey } from '../../src/domain/notices';
import { privacyNotice } from '../../src/domain/privacy-notice';
import { rushPolicy } from '../../src/domain/rush';
import { childrenOf } from '../helpers/child-processes';
import { fetchFrom } from '../helpers/from-address';
import { residentId } from '../helpers/identity';
import { freePort } from '../helpers/ports';
import { racers } from '../helpers/racers';
import { tempDir } from '../helpers/temp';
import { until } from '../helpers/until';
import { prepareDrafts } from '../helpers/worker-drafts';

/**
 * The Node host as `npm start` runs it (`worker/node.ts`) with ENROLL_PROCESSES=2: a primary and two serving processes
 * on one port and one database file. Each request below goes out on a connection of its own unless it says otherwise,
 * so the host spreads them over its processes.
 */
const dir = tempDir('processes');
const now = '2024-07-20T10:00:00+08:00';
const demoDataKey = 'demo-only-data-key-never-use-in-production';
let host: ChildProcess;
let url: string;
let logs: () => string;

interface Health {
  status: string;
  now: string;
  instance?: string;
}

/** `/api/health` on a new connection, or on `agent`'s (then the same process answers each time). */
async function health(agent?: Agent): Promise<Health> {
  return (await (await fetchFrom('127.0.0.1', agent)(`${url}/api/health`)).json()) as Health;
}

/** A kept-alive connection to one serving process, found on `instance`. */
const connectionTo = (instance: string) =>
  until(`a connection to ${instance}`, async () => {
    const candidate = new Agent({ keepAlive: true, maxSockets: 1 });
    if ((await health(candidate)).instance === instance) return candidate;
    candidate.destroy();
    return undefined;
  });

/** A client whose requests all go to one serving process: its own kept-alive connection, found on `instance`. */
async function clientOn(instance: string, token?: string): Promise<EnrollmentClient> {
  return createEnrollmentClient({ url, token, fetch: fetchFrom('127.0.0.1', await connectionTo(instance)) });
}

/**
 * `count` API requests held in flight on `instance`, as a rush keeps them: each has sent its headers and the start of
 * its body. `release()` sends the rest (an input the procedure refuses) and resolves with their statuses.
 */
async function holdInFlight(instance: string, count: number) {
  const body = JSON.stringify({ phone: 'held' });
  const held = await Promise.all(
    Array.from({ length: count }, async () => {
      const agent = await connectionTo(instance);
      let sent!: ClientRequest;
      const status = new Promise<number>((resolve, reject) => {
        sent = request(
          `${url}/trpc/auth.requestCode`,
          {
            method: 'POST',
            agent,
            // The address the connection was found with: the agent keeps its socket under it.
            localAddress: '127.0.0.1',
            headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        sent.on('error', reject);
      });
      status.catch(() => {}); // awaited by `release`; a test that fails first drops the requests instead
      sent.write(body.slice(0, 4));
      return { sent, status, agent };
    }),
  );
  // The serving process counts a request from its headers on; give the last ones a moment to arrive.
  await new Promise((settle) => setTimeout(settle, 500));
  return {
    async release() {
      for (const { sent } of held) sent.end(body.slice(4));
      return Promise.all(held.map((h) => h.status));
    },
    /** Closes the connections, answered or not. */
    drop() {
      for (const { sent, agent } of held) {
        sent.destroy();
        agent.destroy();
      }
    },
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `worker/node.ts` with two serving processes on a database file in `folder`; resolves once it listens. */
async function startHost(folder: string): Promise<{ process: ChildProcess; url: string; logs: () => string }> {
  const port = await freePort();
  let text = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/node.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${folder}/host.db`,
      FILES_DIR: `${folder}/files`,
      ENROLL_DEV: '1',
      ENROLL_NOW: now,
      ENROLL_PROCESSES: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  await until('the host to listen', () => (text.includes('listening on') ? true : undefined), 50_000);
  return { process: child, url: `http://127.0.0.1:${port}`, logs: () => text };
}

/** The host's serving processes: children of its primary that run `worker/node.ts`. */
const servingProcesses = (primary: number) =>
  childrenOf(primary).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('worker/node.ts'));

beforeAll(async () => {
  const started = await startHost(dir.path);
  host = started.process;
  url = started.url;
  logs = started.logs;
});

afterAll(() => {
  if (host.exitCode === null) host.kill('SIGKILL');
  dir.remove();
});

describe('a Node host of two processes (ENROLL_PROCESSES=2)', () => {
  it('answers from both processes, which show the same demo time', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => health()));
    expect(new Set(answers.map((a) => a.instance))).toEqual(new Set(['node-1', 'node-2']));
    const [one, two] = [await health(), await health()];
    expect(one.instance).not.toBe(two.instance);
    expect(Math.abs(new Date(one.now).getTime() - new Date(two.now).getTime())).toBeLessThan(1_000);
  });

  it('still allows one application per child and season when ten starts race over both processes', async () => {
    const anyone = createEnrollmentClient({ url });
    const phone = '13700000001';
    await anyone.auth.requestCode.mutate({ phone });
    const code = await until(
      'the sign-in code',
      async () => (await anyone.dev.inbox.query({ phone }))[0]?.body.match(/验证码为(\d{6})/)?.[1],
    );
    const { token } = await anyone.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: privacyNotice.version });
    const parent = createEnrollmentClient({ url, token: token! });
    const child = await parent.children.add.mutate({ name: '李两核', idType: 'resident', idNumber: residentId('20180606', '301') });
    const regionId = (await anyone.catalog.regions.query())[0]!.id;
    const grade1 = (await anyone.catalog.region.query({ regionId })).entries.find((e) => e.code === 'grade1')!;

    const starts = await Promise.allSettled(
      racers(url, 10, token!).map((client) =>
        client.applications.start.mutate({ childId: child.id, entryId: grade1.id, acceptDeclaration: true }),
      ),
    );
    expect(starts.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    for (const s of starts.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
      expect(s.reason.data.code).toBe('CONFLICT');
      expect(s.reason.message).toMatch(/^李两核本招生季已有报名（编号/);
    }
    expect((await parent.applications.list.query()).filter((a) => a.childName === '李两核')).toHaveLength(1);
  });

  it('shows an administrator’s change of a town to parents on every process as soon as the change is answered', async () => {
    const admin = demoStaff.find((s) => s.username === 'admin')!;
    const { token } = await createEnrollmentClient({ url }).review.signIn.mutate({
      username: admin.username,
      password: admin.password,
      session: 'token',
    });
    const [onOne, onTwo, adminOnOne] = await Promise.all([clientOn('node-1'), clientOn('node-2'), clientOn('node-1', token!)]);
    const regionId = (await onOne.catalog.regions.query())[0]!.id;

    for (const address of ['桃江县教育局一号楼', '桃江县教育局二号楼']) {
      // Both processes keep the town as it is now (well inside the cache's second), then the change goes through one.
      for (const parent of [onOne, onTwo]) expect((await parent.catalog.region.query({ regionId })).contact.address).not.toBe(address);
      const [town] = (await adminOnOne.admin.regions.list.query()).filter((r) => r.id === regionId);
      await adminOnOne.admin.regions.update.mutate({ regionId, version: town!.version, name: town!.name, address });
      for (const parent of [onOne, onTwo]) expect((await parent.catalog.region.query({ regionId })).contact.address).toBe(address);
    }
  });

  it('sends within seconds the SMS that a rush in a serving process left to the sweeper, which runs in the primary', async () => {
    const db = await createDb(`file:${dir.path}/host.db`);
    try {
      const drafts = await prepareDrafts(db, demoDataKey, new Date(now), 30);
      // As many requests held in flight on each process as the rush threshold: with the submission itself, a rush there,
      // however the machine schedules.
      const held = await Promise.all(['node-1', 'node-2'].map((instance) => holdInFlight(instance, rushPolicy.requestsInFlight)));
      try {
        const answers = await Promise.all(
          drafts.map((d) =>
            createEnrollmentClient({ url, token: d.token, fetch: fetchFrom('127.0.0.1') }).applications.submit.mutate({
              applicationId: d.applicationId,
              version: d.version,
            }),
          ),
        );
        expect(answers.every((a) => a.status === 'submitted')).toBe(true);
        for (const requests of held) expect(await requests.release()).toEqual(Array(rushPolicy.requestsInFlight).fill(400));
      } finally {
        for (const requests of held) requests.drop();
      }
      const keys = drafts.map((d) => applicationNoticeKey(d.applicationId, d.version + 1));
      // The primary's own sweep comes once a minute; only the serving processes' call brings it within seconds.
      await expect
        .poll(
          async () =>
            (await db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.idempotencyKey, keys))).map((r) => r.status),
          {
            timeout: 10_000,
            interval: 250,
          },
        )
        .toEqual(Array(30).fill('sent'));
      const bySweeper = await db
        .select({ n: count() })
        .from(outbox)
        .where(and(inArray(outbox.idempotencyKey, keys), like(outbox.claimedBy, 'sweep:%')));
      expect(bySweeper[0]!.n).toBe(30);
    } finally {
      db.$client.close();
    }
  });

  it('stops every process on SIGTERM, finishing the primary last', async () => {
    const serving = servingProcesses(host.pid!);
    expect(serving).toHaveLength(2);
    const exited = new Promise<number | null>((done) => host.once('exit', (code) => done(code)));
    host.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(serving.filter(alive)).toEqual([]);
    expect(logs()).not.toMatch(/ended \(|Error/);
  });
});

describe('a Node host whose primary is killed', () => {
  it('leaves no serving process behind holding the port or the database', async () => {
    const folder = tempDir('processes-killed');
    try {
      const killed = await startHost(folder.path);
      const serving = servingProcesses(killed.process.pid!);
      expect(serving).toHaveLength(2);
      killed.process.kill('SIGKILL');
      await expect.poll(() => serving.filter(alive), { timeout: 10_000 }).toEqual([]);
    } finally {
      folder.remove();
    }
  });
});
