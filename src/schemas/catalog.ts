import { levels } from '../domain/catalog';
import { idSchema } from './common';
import * as z from './zod';

export const regionInput = z.object({ regionId: idSchema('区域') });

export const entryInput = z.object({ entryId: idSchema('报名入口') });

export const schoolsInput = z.object({
  regionId: idSchema('区域'),
  level: z.enum(levels, { error: '学段只能是 primary（小学）或 junior（初中）' }).optional().describe('学段'),
  community: z
    .string()
    .trim()
    .min(1, { error: '请填写社区名称' })
    .max(40, { error: '社区名称过长' })
    .optional()
    .describe('只列出招生范围包含该社区的学校'),
});

/** 咨询电话, address, 主办单位 and ICP record number of a region's bureau office. */
const regionContact = z.object({
  phone: z.string().nullable(),
  address: z.string().optional(),
  sponsor: z.string().nullable(),
  icp: z.string().nullable(),
});

/** `catalog.regions`: every region with its current season's name (null before one is published). */
export const regionsOutput = z.array(
  z.object({ id: z.string(), code: z.string(), name: z.string(), contact: regionContact, seasonName: z.string().nullable() }),
);

const instant = z.iso.datetime();

/** `catalog.region`: a region's current season, its entries (报名入口) with their windows as of `now`, and tracks. */
export const regionOutput = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  contact: regionContact,
  season: z.object({ id: z.string(), code: z.string(), name: z.string(), year: z.int() }),
  now: instant,
  entries: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      description: z.string(),
      gradeMin: z.int(),
      gradeMax: z.int(),
      window: z.object({ opensAt: instant, closesAt: instant, state: z.enum(['upcoming', 'open', 'closed']), text: z.string() }),
      tracks: z.array(
        z.object({
          id: z.string(),
          code: z.string(),
          name: z.string(),
          description: z.string(),
          level: z.enum(levels),
          gradeMin: z.int(),
          gradeMax: z.int(),
        }),
      ),
    }),
  ),
});
