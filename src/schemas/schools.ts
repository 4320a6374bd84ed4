import * as z from './zod';
import { levels } from '../domain/catalog';
import { schoolCodePattern, schoolLimits } from '../domain/school-rules';
import { idSchema } from './common';

const version = (what: string) =>
  z
    .number({ error: `请提供${what}版本` })
    .int()
    .min(0)
    .describe('修改所依据的版本号：他人已修改则拒绝');
const count = (what: string) =>
  z
    .number({ error: `${what}须为整数` })
    .int({ error: `${what}须为整数` })
    .min(0, { error: `${what}不能为负数` });

/** 计划学位 of one entry and grade: `places`, or `classes` × `classSize` (the server multiplies). */
const placesInput = z.object({
  entryId: idSchema('报名入口'),
  grade: z.number().int().min(1).max(12),
  places: count('学位数').nullish(),
  classes: count('班数').nullish(),
  classSize: count('班额').nullish(),
});

const offerFields = {
  address: z.string({ error: '请填写地址' }).max(schoolLimits.address, { error: `地址不能超过${schoolLimits.address}个字` }),
  contactPhone: z.string().max(30, { error: '咨询电话格式不正确' }).nullish(),
  places: z.array(placesInput).max(50),
  communityIds: z.array(idSchema('社区')).max(500),
};

export const seasonSchoolsInput = z.object({ seasonId: idSchema('招生季') });

/** A new school of the region (code, name, level), or one of its schools the season does not offer yet (`schoolId`). */
export const createSchoolInput = z.union([
  z.object({ seasonId: idSchema('招生季'), schoolId: idSchema('学校'), ...offerFields }),
  z.object({
    seasonId: idSchema('招生季'),
    code: z
      .string({ error: '请填写学校代码' })
      .trim()
      .min(1, { error: '请填写学校代码' })
      .max(schoolLimits.code, { error: `学校代码不能超过${schoolLimits.code}个字符` })
      .regex(schoolCodePattern, { error: '学校代码只能包含字母、数字、- 和 _' }),
    name: z.string({ error: '请填写学校名称' }).trim().min(1, { error: '请填写学校名称' }).max(schoolLimits.name),
    level: z.enum(levels, { error: '学段只能是小学或初中' }),
    ...offerFields,
  }),
]);

/** An edit replaces the address, phone, places and catchment; the name is the school's across seasons. */
export const updateSchoolInput = z.object({
  seasonSchoolId: idSchema('学校'),
  version: version('学校'),
  name: z.string().trim().min(1, { error: '请填写学校名称' }).max(schoolLimits.name).optional(),
  ...offerFields,
});

export const removeSchoolInput = z.object({ seasonSchoolId: idSchema('学校'), version: version('学校') });

export const regionCommunitiesInput = z.object({ regionId: idSchema('区域') });
export const createCommunityInput = z.object({
  regionId: idSchema('区域'),
  name: z.string({ error: '请填写社区名称' }).trim().min(1, { error: '请填写社区名称' }).max(schoolLimits.community),
});

const cell = z.string().max(500).default('');
const rowNumber = z.number().int().min(2).max(100_000).describe('表格中的行号（第 1 行为列名）');

/**
 * The rows of a schools file as read (every cell as text, with its spreadsheet row number): the server checks them
 * again and answers every bad row, or writes them all in one batch.
 */
export const importSchoolsInput = z.object({
  seasonId: idSchema('招生季'),
  version: version('招生季'),
  dryRun: z.boolean().optional().describe('只检查，不写入'),
  schools: z
    .array(
      z.object({
        row: rowNumber,
        code: cell,
        name: cell,
        level: cell,
        address: cell,
        phone: cell,
        catchment: z.string().max(4000).default(''),
        places: z.record(z.string().max(40), z.string().max(40)).default({}),
      }),
    )
    .max(2000, { error: '一次最多导入2000所学校' }),
  communities: z
    .array(z.object({ row: rowNumber, name: cell }))
    .max(5000)
    .default([]),
});
