import { readFileSync } from 'node:fs';
import { placeColumns } from '../../src/domain/school-import';

/** The place columns of the seeded season 桃花江镇 2024年秋季, as the fixtures' headers name them. */
export const seededColumns = placeColumns(
  [
    { id: 'e1', code: 'grade1', name: '小学一年级新生' },
    { id: 'e7', code: 'grade7', name: '初中七年级新生' },
    { id: 'et', code: 'transfer', name: '插班生转学' },
  ],
  [
    { entryId: 'e1', level: 'primary', gradeMin: 1, gradeMax: 1 },
    { entryId: 'e7', level: 'junior', gradeMin: 7, gradeMax: 7 },
    { entryId: 'et', level: 'primary', gradeMin: 2, gradeMax: 6 },
    { entryId: 'et', level: 'junior', gradeMin: 8, gradeMax: 9 },
  ],
);
/** A file of `test/fixtures/schools` as the page hands it to the reader. */
export const importFixture = (name: string) => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(`../fixtures/schools/${name}`, import.meta.url))),
});
