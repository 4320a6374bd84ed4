import { documentSides } from '../domain/document-sides';
import * as z from './zod';

/** `side` of `POST /api/files`: 正面 or 反面 of a two-sided document; absent (or empty) for every other kind. */
export const documentSideInput = z
  .enum(documentSides, { error: '正反面只能是 front（正面）或 back（反面）' })
  .nullable()
  .describe('two-sided documents (ID cards): front or back');
