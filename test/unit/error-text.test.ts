import { describe, expect, it } from 'vitest';
import { loggableError } from '../../src/domain/error-text';

describe('errors in logs', () => {
  it('give the database reason for a failed query, never its parameters', () => {
    const cause = Object.assign(new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed: accounts.phone'), { name: 'LibsqlError' });
    const failed = new Error('Failed query: insert into "accounts" values (?, ?)\nparams: abc,13812345678', { cause });
    expect(loggableError(failed)).toBe('LibsqlError: SQLITE_CONSTRAINT: UNIQUE constraint failed: accounts.phone');
    expect(loggableError(failed)).not.toContain('13812345678');
  });

  it('cut the params from any other message that carries them', () => {
    expect(loggableError(new Error('boom\nparams: 430922201801011234'))).toMatch(/^Error: boom/);
    expect(loggableError(new Error('boom\nparams: 430922201801011234'))).not.toContain('430922201801011234');
  });
});
