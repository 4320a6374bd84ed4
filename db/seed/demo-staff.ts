import { eq } from 'drizzle-orm';
import { hashPassword } from '../../src/adapters/passwords';
import { randomId } from '../../src/adapters/random';
import type { Db } from '../client';
import { schools, staff } from '../schema';

/** Demo mode only (`ENROLL_DEV=1`): one account per role, listed in the README. Never seeded otherwise. */
export const demoStaff = [
  { username: 'admin', password: 'demo-admin-2024', displayName: '演示管理员', role: 'admin' as const, school: null },
  { username: 'county', password: 'demo-county-2024', displayName: '教育局审核员（演示）', role: 'county_reviewer' as const, school: null },
  {
    username: 'school',
    password: 'demo-school-2024',
    displayName: '学校审核员（演示）',
    role: 'school_reviewer' as const,
    school: 'shiyan-primary',
  },
  {
    username: 'agent',
    password: 'demo-agent-2024',
    displayName: '代办员（演示）',
    role: 'agent' as const,
    school: null,
    office: '桃花江镇便民服务中心',
  },
];

export async function seedDemoStaff(db: Db, now: Date): Promise<void> {
  const schoolRows = await db.select({ id: schools.id, code: schools.code }).from(schools);
  for (const member of demoStaff) {
    const [existing] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, member.username));
    if (existing) continue;
    const schoolId = member.school ? (schoolRows.find((s) => s.code === member.school)?.id ?? null) : null;
    await db
      .insert(staff)
      .values({
        id: randomId(),
        username: member.username,
        displayName: member.displayName,
        role: member.role,
        schoolId,
        office: 'office' in member ? member.office : null,
        passwordHash: await hashPassword(member.password),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: staff.username });
  }
}
