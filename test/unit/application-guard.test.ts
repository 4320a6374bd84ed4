import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { guardConditions } from '../../db/change';
import { applications } from '../../db/schema';
import { editGuard } from '../../src/domain/application-edit';
import { applicationGuard } from '../../src/services/applications/commit';

const dialect = new SQLiteSyncDialect();
const rendered = (guard: Parameters<typeof applicationGuard>[0]) =>
  guardConditions(applications, applicationGuard(guard)).map((condition) => {
    const { sql, params } = dialect.sqlToQuery(condition);
    return { sql, params };
  });

describe('a decision’s row guard as the conditions of the update', () => {
  it('keeps a withdrawal’s version, status and count', () => {
    expect(applicationGuard({ version: 5, status: 'submitted', withdrawCountBelow: 2 })).toEqual({
      version: 5,
      status: 'submitted',
      withdrawCount: { below: 2 },
      accountId: undefined,
    });
    expect(rendered({ version: 5, status: 'submitted', withdrawCountBelow: 2 })).toEqual([
      { sql: '"applications"."version" = ?', params: [5] },
      { sql: '"applications"."status" = ?', params: ['submitted'] },
      { sql: '"applications"."withdraw_count" < ?', params: [2] },
    ]);
  });

  it('keeps an edit’s owner and editable states, and nothing it did not ask for', () => {
    expect(rendered(editGuard('account-1'))).toEqual([
      { sql: '"applications"."account_id" = ?', params: ['account-1'] },
      { sql: '"applications"."status" in (?, ?, ?)', params: ['draft', 'withdrawn', 'rejected'] },
    ]);
  });
});
