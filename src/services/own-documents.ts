import { isNull } from 'drizzle-orm';
import { documents } from '../../db/schema';

/**
 * The application's own documents: not those filed with an objection (异议材料), which never count for the
 * application (completeness, the reviewer's list, same-file flags, the per-kind limit).
 */
export const ownDocuments = isNull(documents.objectionId);
