/**
 * Staff-typed text placed inside a notice's sentence: without the full stop (or other closing punctuation) the staff
 * member ended it with, so that 「原因：照片不清晰。」 never reads 「照片不清晰。。」.
 */
export function asClause(text: string): string {
  return text.trim().replace(/[\s。．.！!？?；;，,、]+$/u, '');
}
