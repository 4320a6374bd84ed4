import * as z from './zod';
import { idPattern } from '../domain/ids';

/** An id as the API hands it out; anything else is refused before a query runs. */
export const idSchema = (what: string) =>
  z
    .string({ error: `请提供${what}编号` })
    .regex(idPattern, { error: `${what}编号格式不正确` })
    .describe(`${what}编号`);
