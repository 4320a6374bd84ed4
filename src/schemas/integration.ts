import { applicationStatuses } from '../domain/application-status';
import { integrationScopes } from '../domain/integration-scope';
import { overlapHoursBounds, perMinuteBounds, perMinuteDefault } from '../domain/integration-key';
import { idSchema } from './common';
import { decisionInput } from './review';
import * as z from './zod';

/**
 * What systems send and receive through an integration key (`integration.*`, also the integrators' REST API), and
 * what administrators send to manage keys (`admin.integrationKeys.*`). Every answer has its schema: integrators
 * rely on its shape.
 */

const scope = z.enum(Object.keys(integrationScopes) as [keyof typeof integrationScopes, ...(keyof typeof integrationScopes)[]]);
const status = z.enum(applicationStatuses);
const instant = z.string().describe('ISO 8601 时间（UTC）');

export const whoamiOutput = z.object({
  name: z.string(),
  scopes: z.array(scope),
  schoolId: z.string().nullable(),
  expiresAt: instant.nullable(),
});

export const integrationSchoolsOutput = z.object({
  seasons: z.array(
    z.object({
      seasonId: z.string(),
      seasonName: z.string(),
      year: z.number().int(),
      regionId: z.string(),
      regionName: z.string(),
      schools: z.array(
        z.object({
          id: z.string(),
          code: z.string(),
          name: z.string(),
          level: z.string(),
          address: z.string().nullable(),
          contactPhone: z.string().nullable(),
          places: z.array(
            z.object({
              entryId: z.string(),
              grade: z.number().int().nullable(),
              places: z.number().int(),
              classes: z.number().int().nullable(),
              classSize: z.number().int().nullable(),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const integrationPlacementsInput = z.object({
  schoolId: idSchema('学校'),
  seasonId: idSchema('招生季').optional(),
});

export const integrationPlacementsOutput = z.object({
  school: z.object({ id: z.string(), name: z.string() }),
  season: z.object({ id: z.string(), name: z.string() }),
  entries: z.array(
    z.object({
      applicationId: z.string(),
      number: z.string(),
      status,
      statusName: z.string(),
      childName: z.string(),
      sex: z.enum(['male', 'female']).nullable(),
      birthDate: z.string().nullable(),
      idNumberMasked: z.string(),
      guardianName: z.string().nullable(),
      channel: z.string().nullable(),
      community: z.string().nullable(),
      placed: z.boolean(),
      confirmation: z.enum(['confirmed', 'declined', 'pending']).nullable(),
    }),
  ),
});

export const integrationStatisticsInput = z
  .object({ seasonId: idSchema('招生季').optional().describe('只统计该招生季；不填则统计所有招生季的合计') })
  .optional();

export const integrationStatisticsOutput = z.object({
  schools: z.array(
    z.object({
      schoolId: z.string(),
      schoolName: z.string(),
      total: z.number().int(),
      byStatus: z.array(z.object({ status, statusName: z.string(), count: z.number().int() })),
    }),
  ),
});

/** The desk's `decisionInput` (application, version, reason) with the school's decision to take. */
export const integrationDecideInput = decisionInput.extend({
  action: z.enum(['school_approve', 'school_reject']),
  reason: decisionInput.shape.reason.nullable(),
});

export const integrationDecideOutput = z.object({
  applicationId: z.string(),
  number: z.string(),
  status,
  statusName: z.string(),
  version: z.number().int(),
});

// ——— Administrators ———

export const createIntegrationKeyInput = z.object({
  name: z.string().trim().min(1, { error: '请填写名称' }).max(40, { error: '名称最多 40 个字' }),
  scopes: z.array(scope).min(1, { error: '请至少选择一项权限' }),
  schoolId: idSchema('学校').nullable().optional(),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  perMinute: z.number().int().min(perMinuteBounds.min).max(perMinuteBounds.max).default(perMinuteDefault),
});

export const rotateIntegrationKeyInput = z.object({
  keyId: idSchema('密钥'),
  version: z.number().int().nonnegative(),
  overlapHours: z.number().int().min(overlapHoursBounds.min).max(overlapHoursBounds.max).optional(),
});

export const revokeIntegrationKeyInput = z.object({ keyId: idSchema('密钥'), version: z.number().int().nonnegative() });
