import { describe, expect, it } from 'vitest';
import { decideImport, placeColumns, placesCell, type SchoolRowInput } from '../../src/domain/school-import';

const columns = placeColumns(
  [
    { id: 'e1', code: 'grade1', name: '小学一年级新生' },
    { id: 'e7', code: 'grade7', name: '初中七年级新生' },
  ],
  [
    { entryId: 'e1', level: 'primary', gradeMin: 1, gradeMax: 1 },
    { entryId: 'e7', level: 'junior', gradeMin: 7, gradeMax: 7 },
  ],
);
const context = { columns, communities: ['资江社区', '桃花社区'], schools: [{ code: 'shiyan-primary', level: 'primary' as const }] };
const school = (row: number, over: Partial<SchoolRowInput> = {}): SchoolRowInput => ({
  row,
  code: `s${row}`,
  name: `学校${row}`,
  level: '小学',
  address: '桃花路1号',
  phone: '0737-8821107',
  catchment: '资江社区',
  places: { 'grade1:1': '360' },
  ...over,
});

describe('a places cell', () => {
  it('reads a whole number, classes × class size in any of its spellings, or nothing', () => {
    expect(placesCell('360')).toEqual({ places: 360 });
    expect(placesCell('8×45')).toEqual({ classes: 8, classSize: 45 });
    expect(placesCell('8 x 45')).toEqual({ classes: 8, classSize: 45 });
    expect(placesCell('８*４５')).toEqual({ classes: 8, classSize: 45 });
    expect(placesCell(' ')).toBe('empty');
    expect(placesCell('三百')).toBeNull();
    expect(placesCell('12.5')).toBeNull();
  });
});

describe('an import', () => {
  it('passes with its schools typed, classes multiplied, and the communities the file adds', () => {
    const done = decideImport(
      {
        schools: [school(2, { catchment: '资江社区、新桥社区', places: { 'grade1:1': '8×45', 'grade7:7': '' } })],
        communities: [{ row: 2, name: '新桥社区' }],
      },
      context,
    );
    expect(done).toEqual({
      ok: true,
      newCommunities: ['新桥社区'],
      schools: [
        {
          row: 2,
          code: 's2',
          name: '学校2',
          level: 'primary',
          address: '桃花路1号',
          contactPhone: '0737-8821107',
          communities: ['资江社区', '新桥社区'],
          places: [{ entryId: 'e1', grade: 1, places: 360, classes: 8, classSize: 45 }],
        },
      ],
    });
  });

  it('reports every bad row with its number and reason, and nothing passes', () => {
    const done = decideImport(
      {
        schools: [
          school(2, { code: 'dup' }),
          school(3, { code: 'dup' }),
          school(4, { catchment: '不存在社区' }),
          school(5, { places: { 'grade1:1': '三百' } }),
          school(6, { phone: '12345' }),
          school(7, { level: '高中' }),
          school(8, { code: 'shiyan-primary', level: '初中', places: {} }),
          school(9, { places: { 'grade7:7': '100' } }),
          school(10),
        ],
        communities: [
          { row: 2, name: '新桥社区' },
          { row: 3, name: '新桥社区' },
        ],
      },
      context,
    );
    expect(done.ok).toBe(false);
    if (done.ok) return;
    expect(done.errors.map((e) => [e.sheet, e.row, e.message])).toEqual([
      ['学校', 3, '学校代码「dup」与第 2 行重复'],
      ['学校', 4, '社区「不存在社区」不存在：请在「社区」表中列出，或先在系统中添加'],
      ['学校', 5, '学位「三百」须为整数或「班数×班额」（如 360 或 8×45）'],
      ['学校', 6, '咨询电话格式不正确（如 0737-8821107 或 13812345678）'],
      ['学校', 7, '未知的学段「高中」，请填写小学或初中'],
      ['学校', 8, '学校代码「shiyan-primary」已是小学，学段不能改为初中'],
      ['学校', 9, '小学不招收「初中七年级新生·七年级」'],
      ['社区', 3, '社区「新桥社区」与第 2 行重复'],
    ]);
  });

  it('refuses a file without schools', () => {
    expect(decideImport({ schools: [], communities: [] }, context)).toEqual({
      ok: false,
      errors: [{ sheet: '学校', row: 1, column: null, message: '文件中没有学校' }],
    });
  });
});
