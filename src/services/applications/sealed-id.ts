import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { children } from '../../../db/schema';
import { DomainError } from '../../domain/errors';
import type { LoadedApplication } from './load';

/** An ID number an application holds: the child's, a parent's or the 学籍号 from the form, or the sibling's. */
export type IdField = 'child' | 'father' | 'mother' | 'sibling' | 'studentNumber';

const formKey = { father: 'fatherIdNumber', mother: 'motherIdNumber', studentNumber: 'studentNumber' } as const;

/** The sealed (encrypted) ID number of `field`; INVALID_INPUT when the application has none there. */
export async function sealedIdOf(db: Db, loaded: LoadedApplication, field: IdField): Promise<string> {
  let sealed: string | null = null;
  if (field === 'child') {
    const [row] = await db.select({ cipher: children.idCipher }).from(children).where(eq(children.id, loaded.child.id));
    sealed = row?.cipher ?? null;
  } else if (field === 'sibling') {
    sealed = loaded.application.secrets;
  } else {
    const value = loaded.application.form[formKey[field]] as { sealed?: string } | undefined;
    sealed = value?.sealed ?? null;
  }
  if (!sealed) throw new DomainError('INVALID_INPUT', '该项未填写证件号码');
  return sealed;
}
