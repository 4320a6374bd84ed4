import { describe, expect, it } from 'vitest';
import { ConfigError, demoStart, parseConfig } from '../../worker/config';

const key = 'a-real-deployment-key-of-enough-length-0123';
const real = { DATABASE_URL: 'libsql://enroll.example', DATA_KEY: key, SMS_PROVIDER: 'dev', RECORDS_PROVIDER: 'local' };
const smsHttp = { SMS_PROVIDER: 'http', SMS_HTTP_URL: 'https://sms.example/send', SMS_HTTP_KEY: 'sms-key' };
const recordsHttp = { RECORDS_PROVIDER: 'http', RECORDS_HTTP_URL: 'https://records.example/v1', RECORDS_HTTP_KEY: 'records-key' };

const refuse = (env: Record<string, string | undefined>, message: RegExp | string) => {
  expect(() => parseConfig(env)).toThrow(ConfigError);
  expect(() => parseConfig(env)).toThrow(message);
};

describe('parsing the host configuration', () => {
  it('gives demo mode its defaults', () => {
    expect(parseConfig({ ENROLL_DEV: '1', DATABASE_URL: 'file:demo.db' })).toEqual({
      port: 8787,
      host: '127.0.0.1',
      databaseUrl: 'file:demo.db',
      databaseAuthToken: undefined,
      dataKey: expect.any(String),
      dev: true,
      devPublic: false,
      startAt: new Date(demoStart),
      sms: { provider: 'dev', demo: true },
      records: { provider: 'local' },
      filesDir: './data/files',
      smsHourlyBudget: 2000,
      publicUrl: undefined,
    });
  });

  it('reads a real deployment with both http providers, trimming URLs and keys', () => {
    const config = parseConfig({
      ...real,
      ...smsHttp,
      ...recordsHttp,
      SMS_HTTP_KEY: ' sms-key ',
      RECORDS_HTTP_URL: ' https://records.example/v1/ ',
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_AUTH_TOKEN: 'token',
      ENROLL_NOW: '2024-07-20T10:00:00+08:00',
      SMS_HOURLY_BUDGET: '50',
      FILES_DIR: '/srv/files',
      PUBLIC_URL: ' https://bm.tjedu.example/ ',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      databaseAuthToken: 'token',
      dataKey: key,
      dev: false,
      filesDir: '/srv/files',
      smsHourlyBudget: 50,
      publicUrl: 'https://bm.tjedu.example',
      startAt: new Date('2024-07-20T02:00:00Z'),
      sms: { provider: 'http', httpUrl: 'https://sms.example/send', httpKey: 'sms-key' },
      records: { provider: 'http', httpUrl: 'https://records.example/v1/', httpKey: 'records-key' },
    });
  });

  it('uses the host default database, and a real clock outside demo mode', () => {
    const config = parseConfig({ ...real, DATABASE_URL: undefined }, { databaseUrl: 'file:./data/enrollment.db' });
    expect(config.databaseUrl).toBe('file:./data/enrollment.db');
    expect(config.startAt).toBeUndefined();
  });

  it('refuses each missing or invalid variable with a message naming it', () => {
    refuse({ ...real, DATABASE_URL: undefined }, 'DATABASE_URL is required');
    refuse({ ...real, DATA_KEY: undefined }, 'DATA_KEY is required outside demo mode (ENROLL_DEV=1)');
    refuse({ ...real, DATA_KEY: 'short' }, 'DATA_KEY must be at least 32 characters');
    refuse({ ...real, ENROLL_NOW: 'tomorrow' }, 'ENROLL_NOW is not an ISO instant: tomorrow');
    refuse({ ...real, PORT: '70000' }, 'PORT is not a port: 70000');
    refuse({ ...real, PORT: 'http' }, 'PORT is not a port: http');
    refuse({ ...real, SMS_PROVIDER: undefined }, 'SMS_PROVIDER must be "dev" or "http" (outside demo mode it must be set)');
    refuse({ ...real, SMS_PROVIDER: 'pigeon' }, /SMS_PROVIDER must be "dev" or "http".*not "pigeon"/);
    refuse({ ...real, RECORDS_PROVIDER: undefined }, 'RECORDS_PROVIDER must be "local" or "http" (outside demo mode it must be set)');
    refuse({ ...real, RECORDS_PROVIDER: 'mock' }, /RECORDS_PROVIDER must be "local" or "http".*not "mock"/);
    refuse({ ...real, SMS_HOURLY_BUDGET: '0' }, 'SMS_HOURLY_BUDGET is not a positive whole number: 0');
    refuse({ ...real, SMS_HOURLY_BUDGET: '2.5' }, 'SMS_HOURLY_BUDGET is not a positive whole number: 2.5');
    refuse({ ...real, PUBLIC_URL: 'bm.tjedu.example' }, "PUBLIC_URL must be the platform's http(s) address");
    refuse({ ...real, PUBLIC_URL: 'https://bm.tjedu.example/?from=sms' }, "PUBLIC_URL must be the platform's http(s) address");
  });

  it("requires the http SMS provider's URL and key at start", () => {
    refuse({ ...real, ...smsHttp, SMS_HTTP_URL: undefined }, 'SMS_HTTP_URL is required when SMS_PROVIDER=http');
    refuse({ ...real, ...smsHttp, SMS_HTTP_URL: ' ' }, 'SMS_HTTP_URL is required when SMS_PROVIDER=http');
    refuse({ ...real, ...smsHttp, SMS_HTTP_URL: 'sms.example' }, 'SMS_HTTP_URL is not a URL: sms.example');
    refuse({ ...real, ...smsHttp, SMS_HTTP_URL: 'ftp://sms.example' }, 'SMS_HTTP_URL must be an http(s) URL, not ftp:');
    refuse({ ...real, ...smsHttp, SMS_HTTP_KEY: undefined }, 'SMS_HTTP_KEY is required when SMS_PROVIDER=http (set it as a secret)');
    refuse({ ...real, ...smsHttp, SMS_HTTP_KEY: ' ' }, 'SMS_HTTP_KEY is required when SMS_PROVIDER=http (set it as a secret)');
  });

  it("requires the http records service's base URL and key at start", () => {
    refuse({ ...real, ...recordsHttp, RECORDS_HTTP_URL: undefined }, 'RECORDS_HTTP_URL is required when RECORDS_PROVIDER=http');
    refuse({ ...real, ...recordsHttp, RECORDS_HTTP_URL: 'records.example' }, 'RECORDS_HTTP_URL is not a URL: records.example');
    refuse({ ...real, ...recordsHttp, RECORDS_HTTP_URL: 'ftp://records.example' }, 'RECORDS_HTTP_URL must be an http(s) URL, not ftp:');
    refuse({ ...real, ...recordsHttp, RECORDS_HTTP_URL: 'https://user:pw@records.example' }, 'RECORDS_HTTP_URL must not hold credentials');
    refuse({ ...real, ...recordsHttp, RECORDS_HTTP_URL: 'https://records.example/v1?x=1' }, 'without query or fragment');
    refuse({ ...real, ...recordsHttp, RECORDS_HTTP_URL: 'https://records.example/v1#top' }, 'without query or fragment');
    refuse(
      { ...real, ...recordsHttp, RECORDS_HTTP_KEY: ' ' },
      'RECORDS_HTTP_KEY is required when RECORDS_PROVIDER=http (set it as a secret)',
    );
  });

  it('ignores the http settings of a provider that is not http', () => {
    expect(parseConfig({ ...real, SMS_HTTP_URL: 'not a url', RECORDS_HTTP_URL: 'ftp://x' })).toMatchObject({
      sms: { provider: 'dev' },
      records: { provider: 'local' },
    });
  });

  it('keeps demo mode on loopback unless ENROLL_DEV_PUBLIC=1', () => {
    refuse({ ENROLL_DEV: '1', DATABASE_URL: 'file:demo.db', HOST: '0.0.0.0' }, /ENROLL_DEV_PUBLIC=1/);
    expect(parseConfig({ ENROLL_DEV: 'true', DATABASE_URL: 'file:demo.db', HOST: '0.0.0.0', ENROLL_DEV_PUBLIC: 'true' }).devPublic).toBe(
      true,
    );
  });
});
