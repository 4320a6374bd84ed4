/** The grades a transfer may enter, from the entry's tracks: 小学二至六年级, 初中八至九年级. */
export function transferGrades(tracks: readonly { level: string; gradeMin: number; gradeMax: number }[]) {
  const grades: { grade: number; level: string }[] = [];
  for (const track of tracks) {
    for (let grade = track.gradeMin; grade <= track.gradeMax; grade++) {
      if (!grades.some((g) => g.grade === grade)) grades.push({ grade, level: track.level });
    }
  }
  return grades.sort((a, b) => a.grade - b.grade);
}
