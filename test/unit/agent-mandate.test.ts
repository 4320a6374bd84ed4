import { describe, expect, it } from 'vitest';
import { accessActionName, accessActorName } from '../../src/domain/access-log';
import { agentName, attestedReasonRefusal, mandateExpiry, mandateLive, mandatePolicy } from '../../src/domain/agent-mandate';

const now = new Date('2024-07-16T01:00:00Z');

describe('代办 mandates', () => {
  it('last two hours from opening, and end earlier when the agent ends them', () => {
    const expiresAt = mandateExpiry(now);
    expect(expiresAt.getTime() - now.getTime()).toBe(mandatePolicy.lifetimeMs);
    expect(mandateLive({ expiresAt, endedAt: null }, now)).toBe(true);
    expect(mandateLive({ expiresAt, endedAt: null }, expiresAt)).toBe(false);
    expect(mandateLive({ expiresAt, endedAt: now }, now)).toBe(false);
  });

  it('take an attested exception only with a reason of at least ten characters', () => {
    expect(attestedReasonRefusal(undefined)).toContain('至少10个字');
    expect(attestedReasonRefusal('  没有手机  ')).toContain('至少10个字');
    expect(attestedReasonRefusal('家长没有智能手机，由村干部陪同')).toBeNull();
    expect(attestedReasonRefusal('长'.repeat(mandatePolicy.maxReasonLength + 1))).toContain('最多');
  });

  it('name the agent by school or office, and the family sees each step in words', () => {
    expect(agentName('桃花江镇便民服务中心')).toBe('代办员（桃花江镇便民服务中心）');
    expect(agentName(null)).toBe('代办员');
    expect(accessActorName({ keyId: null, recordedRole: 'agent', currentRole: null })).toBe('代办员');
    expect(accessActionName('agent_step', 'applications.submit')).toBe('代为提交报名');
    expect(accessActionName('agent_step', 'applications.chooseSchools')).toBe('代为办理');
    expect(accessActionName('view')).toBe('查看报名详情');
  });
});
