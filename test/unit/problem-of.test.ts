import { describe, expect, it } from 'vitest';
import { FileRequestError, problemOf } from '../../web/src/lib/problem';

describe('problemOf, for the routes beside tRPC', () => {
  it('keeps a refused file request’s own message and domain code, as it keeps a procedure’s', () => {
    expect(problemOf(new FileRequestError('只能查看本校的录取名单', 'STAFF_FORBIDDEN'))).toEqual({
      message: '只能查看本校的录取名单',
      fields: {},
      domainCode: 'STAFF_FORBIDDEN',
    });
  });

  it('says only that the server failed for anything else thrown', () => {
    const problem = problemOf(new Error('export failed: 500'));
    expect(problem.message).not.toContain('export failed');
    expect(problem.fields).toEqual({});
  });
});
