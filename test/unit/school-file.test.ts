import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetters, formulaCells } from '../../src/import/formula-cells';
import { decodeCsv, readImportFiles } from '../../src/import/school-file';
import { schoolTemplateCsv, schoolTemplateXlsx } from '../../src/import/school-template';
import { importFixture as fixture, seededColumns } from '../helpers/school-files';

describe('reading an import file', () => {
  it('reads a workbook’s schools with their row numbers, places cells as typed, and its 社区 sheet', async () => {
    const read = await readImportFiles([fixture('good.xlsx')], seededColumns);
    expect(read.errors).toEqual([]);
    expect(read.schools.map((s) => [s.row, s.code, s.places['grade1:1'], s.places['grade7:7']])).toEqual([
      [2, 'shiyan-primary', '10×45', ''],
      [3, 'xinqiao-primary', '180', ''],
      [4, 'xinqiao-junior', '', '6×50'],
    ]);
    expect(read.communities).toEqual([{ row: 2, name: '新桥社区' }]);
  });

  it('refuses a formula cell and a code typed as a number, naming the cell', async () => {
    const read = await readImportFiles([fixture('bad.xlsx')], seededColumns);
    expect(read.errors).toEqual([
      { sheet: '学校', row: 8, column: '小学一年级新生·一年级学位', message: '单元格 G8 是公式，请改为直接填写内容' },
      {
        sheet: '学校',
        row: 9,
        column: '学校代码',
        message: '单元格 A9 是数字格式：学校代码请设为文本格式后重新填写（数字会丢掉开头的 0）',
      },
    ]);
    expect(formulaCells(fixture('bad.xlsx').bytes)).toEqual([{ sheet: '学校', cell: 'G8', row: 8, column: 6 }]);
  });

  it('reads a CSV with a BOM keeping 0012 as text, a communities CSV, and a GBK CSV from Chinese Excel', async () => {
    const read = await readImportFiles([fixture('good.csv'), fixture('communities.csv')], seededColumns);
    expect(read.errors).toEqual([]);
    expect(read.schools.map((s) => s.code)).toEqual(['xinqiao-primary', '0012']);
    expect(read.communities).toEqual([{ row: 2, name: '新桥社区' }]);
    const gbk = await readImportFiles([fixture('bad-gbk.csv')], seededColumns);
    expect(gbk.schools.map((s) => [s.row, s.name, s.catchment])).toEqual([
      [2, '桃江县国标小学', '资江社区、东风社区'],
      [3, '桃江县国标二小', '资江社区'],
    ]);
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
  });

  it('reports a header without the required columns and an unknown places column', async () => {
    const csv = new TextEncoder().encode('学校代码,学校名称,高中·十年级学位\r\nx,y,1\r\n');
    const read = await readImportFiles([{ name: 'x.csv', bytes: csv }], seededColumns);
    expect(read.errors.map((e) => e.message)).toEqual([
      '未知的学位列「高中·十年级学位」：请下载本招生季的模板',
      '缺少列：学段、地址（第 1 行须为列名，请使用模板）',
    ]);
  });

  it('reads back its own templates (the example row included)', async () => {
    const options = { columns: seededColumns, communities: ['资江社区', '桃花社区'] };
    const xlsx = new Uint8Array(await (await schoolTemplateXlsx(options)).arrayBuffer());
    const fromXlsx = await readImportFiles([{ name: 't.xlsx', bytes: xlsx }], seededColumns);
    expect(fromXlsx.errors).toEqual([]);
    expect(fromXlsx.schools).toMatchObject([{ row: 2, code: 'example-primary', phone: '0737-8820000', places: { 'grade1:1': '8×45' } }]);
    expect(fromXlsx.communities.map((c) => c.name)).toEqual(['资江社区', '桃花社区']);
    const fromCsv = await readImportFiles([{ name: 't.csv', bytes: new TextEncoder().encode(schoolTemplateCsv(options)) }], seededColumns);
    expect(fromCsv.schools).toEqual(fromXlsx.schools);
  });
});

describe('cell addresses', () => {
  it('turn column letters into indexes and back', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA'].map(columnIndex)).toEqual([0, 25, 26, 27, 701, 702]);
  });
});
