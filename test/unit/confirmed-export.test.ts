import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import {
  assertMayExport,
  type ExportEntry,
  exportColumns,
  exportTable,
  mayExportFullIdNumbers,
} from '../../src/domain/placement/confirmed-export';

const entry = (over: Partial<ExportEntry> = {}): ExportEntry => ({
  childName: '欧阳雨桐',
  sex: 'female',
  birthDate: '2018-03-01',
  idType: 'resident',
  idNumber: { full: '430922201803010021', masked: '430922********0021' },
  studentNumber: null,
  grade: 1,
  school: '桃江县实验小学',
  channel: '户籍',
  community: '资江社区',
  address: '资江路1号',
  hukouAddress: '桃江县桃花江镇',
  fatherName: '欧阳军',
  motherName: '李红',
  phone: '13700000001',
  number: 'TH24-1-7K3M9Q',
  confirmation: 'confirmed',
  ...over,
});

describe('the 录取名单 export’s columns', () => {
  it('follow a 学籍 import template: identity first, then enrolment, family and the platform’s own references', () => {
    expect(exportTable([entry()], { fullIdNumbers: true })).toEqual([
      [...exportColumns],
      [
        '欧阳雨桐',
        '女',
        '2018-03-01',
        '居民身份证',
        '430922201803010021',
        '',
        '一年级',
        '桃江县实验小学',
        '户籍',
        '资江社区',
        '资江路1号',
        '桃江县桃花江镇',
        '欧阳军',
        '李红',
        '13700000001',
        'TH24-1-7K3M9Q',
        '已确认',
      ],
    ]);
  });

  it('masks the ID number and the 学籍号 when full numbers are not allowed', () => {
    const [, row] = exportTable([entry({ grade: 7, studentNumber: { full: 'G430922201803010021', masked: 'G430922********0021' } })], {
      fullIdNumbers: false,
    });
    expect(row![4]).toBe('430922********0021');
    expect(row![5]).toBe('G430922********0021');
    expect(row![6]).toBe('七年级');
  });

  it('leaves what is not known empty and names every answer', () => {
    const rows = exportTable(
      (['confirmed', 'pending', 'declined'] as const).map((confirmation) =>
        entry({
          confirmation,
          sex: null,
          birthDate: null,
          channel: null,
          community: null,
          address: null,
          hukouAddress: null,
          fatherName: null,
        }),
      ),
      { fullIdNumbers: true },
    );
    expect(rows.slice(1).map((r) => r[16])).toEqual(['已确认', '待确认', '已放弃']);
    expect([1, 2, 8, 9, 10, 11, 12].map((i) => rows[1]![i])).toEqual(['', '', '', '', '', '', '']);
  });
});

describe('who may export which list', () => {
  const staff = (role: 'admin' | 'county_reviewer' | 'school_reviewer', schoolId: string | null = null) => ({
    kind: 'staff' as const,
    role,
    schoolId,
  });
  const key = (scopes: ('placements.read' | 'catalog.read')[], schoolId: string | null = null) => ({
    kind: 'key' as const,
    scopes,
    schoolId,
  });
  const refusal = (f: () => void) => {
    try {
      f();
    } catch (error) {
      return error instanceof DomainError ? [error.code, error.message] : error;
    }
    return null;
  };

  it('lets a school reviewer export their own school only; the county and administrators any', () => {
    expect(refusal(() => assertMayExport(staff('school_reviewer', 's1'), 's1'))).toBeNull();
    expect(refusal(() => assertMayExport(staff('school_reviewer', 's1'), 's2'))).toEqual(['STAFF_FORBIDDEN', '只能查看本校的录取名单']);
    expect(refusal(() => assertMayExport(staff('school_reviewer', null), 's2'))).toEqual(['STAFF_FORBIDDEN', '只能查看本校的录取名单']);
    expect(refusal(() => assertMayExport(staff('county_reviewer'), 's2'))).toBeNull();
    expect(refusal(() => assertMayExport(staff('admin'), 's2'))).toBeNull();
  });

  it('lets a key with placements.read export its school (or any, without a school scope); refuses one without the scope', () => {
    expect(refusal(() => assertMayExport(key(['placements.read'], 's1'), 's1'))).toBeNull();
    expect(refusal(() => assertMayExport(key(['placements.read']), 's2'))).toBeNull();
    expect(refusal(() => assertMayExport(key(['placements.read'], 's1'), 's2'))).toEqual([
      'KEY_OTHER_SCHOOL',
      '该集成密钥只能访问所属学校的数据',
    ]);
    expect(refusal(() => assertMayExport(key(['catalog.read']), 's1'))).toEqual([
      'KEY_SCOPE_MISSING',
      '该集成密钥没有“读取学校的审核通过、派位与录取名单”的权限',
    ]);
  });

  it('gives full ID numbers to the staff roles that may reveal them, never to a key', () => {
    expect(mayExportFullIdNumbers(staff('school_reviewer', 's1'))).toBe(true);
    expect(mayExportFullIdNumbers(staff('county_reviewer'))).toBe(true);
    expect(mayExportFullIdNumbers(staff('admin'))).toBe(true);
    expect(mayExportFullIdNumbers(key(['placements.read'], 's1'))).toBe(false);
  });
});
