import { describe, expect, it } from 'vitest';
import {
  type ConfirmedEntry,
  confirmationState,
  confirmedFileName,
  confirmedRows,
  csvCell,
  csvOf,
} from '../../src/domain/placement/confirmed-list';

const entry = (over: Partial<ConfirmedEntry> = {}): ConfirmedEntry => ({
  childName: '欧阳雨桐',
  sex: 'female',
  birthDate: '2018-03-01',
  idNumberMasked: '430922********0021',
  guardianName: '欧阳军',
  guardianPhone: '13700000001',
  number: 'TH24-1-7K3M9Q',
  channel: '户籍',
  community: '资江社区',
  confirmation: 'confirmed',
  ...over,
});

describe('a school’s confirmed list as rows', () => {
  it('has the columns in the order a 学籍 system imports them, then one row per entry in the same order', () => {
    expect(confirmedRows([entry()])).toEqual([
      ['姓名', '性别', '出生日期', '身份证件号', '监护人', '联系电话', '报名编号', '通道', '社区', '确认状态'],
      ['欧阳雨桐', '女', '2018-03-01', '430922********0021', '欧阳军', '13700000001', 'TH24-1-7K3M9Q', '户籍', '资江社区', '已确认'],
    ]);
  });

  it('names each answer: 已确认, 待确认 while the family has not answered, 已放弃', () => {
    const rows = confirmedRows(['confirmed', null, 'declined'].map((a) => entry({ confirmation: confirmationState(a as never) })));
    expect(rows.slice(1).map((r) => r[9])).toEqual(['已确认', '待确认', '已放弃']);
  });

  it('leaves what is not known empty', () => {
    const [, row] = confirmedRows([entry({ sex: null, birthDate: null, guardianName: null, channel: null, community: null })]);
    expect(row).toEqual(['欧阳雨桐', '', '', '430922********0021', '', '13700000001', 'TH24-1-7K3M9Q', '', '', '已确认']);
  });
});

describe('CSV', () => {
  it('puts a quote mark before text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+86 137', '-2', '@SUM(A1)', '\tcmd']) expect(csvCell(text)).toBe(`'${text}`);
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csvCell('欧阳-雨桐')).toBe('欧阳-雨桐');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('资江社区,一组')).toBe('"资江社区,一组"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('两行\n文字')).toBe('"两行\n文字"');
  });

  it('is UTF-8 with a BOM and CRLF line ends, one at the end', () => {
    expect(
      csvOf([
        ['姓名', '性别'],
        ['欧阳雨桐', '女'],
      ]),
    ).toBe('\uFEFF姓名,性别\r\n欧阳雨桐,女\r\n');
  });

  it('names the files after the school and season, with nothing a file system refuses', () => {
    expect(confirmedFileName('桃江县实验小学', '2024年秋季', 'xlsx')).toBe('录取名单-桃江县实验小学-2024年秋季.xlsx');
    expect(confirmedFileName('a/b', 'c d', 'csv')).toBe('录取名单-a_b-c_d.csv');
  });
});
