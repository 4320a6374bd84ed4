import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../worker/config';
import { processCount } from '../../worker/node-processes';

describe('ENROLL_PROCESSES, the Node host’s serving processes', () => {
  it('defaults to one process per core', () => {
    expect(processCount({}, 2)).toBe(2);
    expect(processCount({ ENROLL_PROCESSES: '' }, 8)).toBe(8);
    expect(processCount({}, 1)).toBe(1);
  });

  it('takes a whole number from 1 to 64, one meaning the single process of before', () => {
    expect(processCount({ ENROLL_PROCESSES: '1' }, 2)).toBe(1);
    expect(processCount({ ENROLL_PROCESSES: ' 3 ' }, 2)).toBe(3);
    expect(processCount({ ENROLL_PROCESSES: '64' }, 2)).toBe(64);
  });

  it('refuses anything else, naming the setting', () => {
    for (const wrong of ['0', '-1', '1.5', 'two', '65']) {
      expect(() => processCount({ ENROLL_PROCESSES: wrong }, 2)).toThrow(ConfigError);
      expect(() => processCount({ ENROLL_PROCESSES: wrong }, 2)).toThrow(/^ENROLL_PROCESSES must be a whole number from 1 to 64/);
    }
  });
});
