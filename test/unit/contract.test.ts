import { initTRPC } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { appRouter } from '../../src/api/router';
import { compareContracts, differenceReport, isUnchanged } from '../contract/compare';
import { type Contract, describeProcedures, type ProcedureDef } from '../contract/describe';
import { changelogFile, changelogLine, changelogNames, hashFile, readText, sha256, snapshotFile } from '../contract/snapshot';

const t = initTRPC.create();

function contractOf(record: Parameters<typeof t.router>[0]): Contract {
  return describeProcedures(t.router(record)._def.procedures as unknown as Record<string, ProcedureDef>);
}

const before = contractOf({
  kept: t.procedure.input(z.object({ id: z.string() })).query(() => 1),
  dropped: t.procedure.mutation(() => 1),
});

describe('the public API contract (docs/contract/procedures.json)', () => {
  it('matches the live router', () => {
    const committed = JSON.parse(readText(snapshotFile)) as Contract;
    const live = describeProcedures(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);
    const difference = compareContracts(committed, live);
    expect(isUnchanged(difference), differenceReport(difference)).toBe(true);
    expect(live, 'the snapshot holds the same procedures but differs in form: run `npm run contract:update`').toEqual(committed);
  });

  it('was written by `npm run contract:update` and is named in CHANGELOG.md', () => {
    const hash = sha256(readText(snapshotFile));
    expect(readText(hashFile).split(/\s+/)[0], 'docs/contract/procedures.json was edited by hand: run `npm run contract:update`').toBe(
      hash,
    );
    expect(changelogNames(readText(changelogFile), hash), `CHANGELOG.md needs the line \`${changelogLine(hash)}\``).toBe(true);
  });
});

describe('comparing contracts', () => {
  it('finds no difference between a contract and itself', () => {
    expect(isUnchanged(compareContracts(before, before))).toBe(true);
  });

  it('names a field added to an input, and a procedure added, removed or turned into a mutation', () => {
    const after = contractOf({
      kept: t.procedure.input(z.object({ id: z.string(), note: z.string().optional() })).mutation(() => 1),
      added: t.procedure.query(() => 1),
    });
    const difference = compareContracts(before, after);
    expect(difference).toEqual({ added: ['added'], removed: ['dropped'], changed: [{ path: 'kept', parts: ['type', 'input'] }] });
    const report = differenceReport(difference);
    expect(report).toContain('added procedure: added');
    expect(report).toContain('removed procedure: dropped');
    expect(report).toContain('changed type, input: kept');
    expect(report).toContain('npm run contract:update');
  });

  it('names a changed constraint and a declared output', () => {
    const after = contractOf({
      kept: t.procedure
        .input(z.object({ id: z.string().max(20) }))
        .output(z.number())
        .query(() => 1),
      dropped: t.procedure.mutation(() => 1),
    });
    expect(compareContracts(before, after).changed).toEqual([{ path: 'kept', parts: ['input', 'output'] }]);
  });

  it('does not count reordered fields as a change', () => {
    const one = contractOf({ p: t.procedure.input(z.object({ a: z.string(), b: z.number() })).query(() => 1) });
    const other = contractOf({ p: t.procedure.input(z.object({ b: z.number(), a: z.string() })).query(() => 1) });
    expect(other).toEqual(one);
  });
});

describe('describing procedures', () => {
  it('gives paths in order, null for no input or output, and the output schema when one is declared', () => {
    const contract = contractOf({
      b: t.procedure.mutation(() => 1),
      a: t.procedure
        .input(z.object({ n: z.number().int() }))
        .output(z.object({ ok: z.boolean() }))
        .query(() => ({ ok: true })),
    });
    expect(contract.procedures).toEqual([
      {
        path: 'a',
        type: 'query',
        input: {
          properties: { n: { type: 'integer', minimum: expect.any(Number), maximum: expect.any(Number) } },
          required: ['n'],
          type: 'object',
        },
        output: { additionalProperties: false, properties: { ok: { type: 'boolean' } }, required: ['ok'], type: 'object' },
      },
      { path: 'b', type: 'mutation', input: null, output: null },
    ]);
  });

  it('requires every chained input at once', () => {
    const contract = contractOf({
      p: t.procedure
        .input(z.object({ a: z.string() }))
        .input(z.object({ b: z.string() }))
        .query(() => 1),
    });
    expect(contract.procedures[0]!.input).toMatchObject({ allOf: [{ required: ['a'] }, { required: ['b'] }] });
  });
});
