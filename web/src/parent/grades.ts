import { chineseNumeral, zhCN } from '../i18n/zh-CN';

interface GradeSpan {
  level: string;
  gradeMin: number;
  gradeMax: number;
}

/** Who an entry is for, as parents say it: `[小学一年级]`, `[小学二至六年级, 初中八至九年级]`. */
export function describeGrades(tracks: readonly GradeSpan[]): string[] {
  const spans = tracks.map((t) => {
    const level = zhCN.levels[t.level] ?? '';
    const grades = t.gradeMin === t.gradeMax ? chineseNumeral(t.gradeMin) : `${chineseNumeral(t.gradeMin)}至${chineseNumeral(t.gradeMax)}`;
    return `${level}${grades}年级`;
  });
  return [...new Set(spans)];
}
