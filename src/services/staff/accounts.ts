import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { schools, staff } from '../../../db/schema';
import type { AppDeps } from '../../api/context';
import { hashPassword } from '../../adapters/passwords';
import { DomainError, fieldError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { maskIdNumbersInText } from '../../domain/masking';
import { type StaffRoleCode, staffPolicy, staffRoleNames } from '../../domain/staff-policy';
import { auditStatement } from '../audit';
import type { SignedInStaff } from './sessions';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type Request = { ip: string | null; requestId: string | null };

const view = (s: typeof staff.$inferSelect, schoolName: string | null) => ({
  id: s.id, username: s.username, displayName: s.displayName, role: s.role, roleName: staffRoleNames[s.role],
  schoolId: s.schoolId, schoolName, locked: Boolean(s.lockedUntil), disabled: s.disabledAt !== null, createdAt: s.createdAt.toISOString(),
});

export async function listStaff(db: Db) {
  const rows = await db.select({ s: staff, schoolName: schools.name }).from(staff).leftJoin(schools, eq(schools.id, staff.schoolId)).orderBy(asc(staff.username));
  return rows.map((r) => view(r.s, r.schoolName));
}

async function checkRoleSchool(db: Db, role: StaffRoleCode, schoolId: string | null | undefined) {
  if (role !== 'school_reviewer') return null;
  if (!schoolId) throw fieldError('schoolId', '学校审核员须绑定一所学校');
  const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId));
  if (!school) throw fieldError('schoolId', '找不到该学校');
  return school.id;
}

function checkPassword(password: string) {
  if (password.length < staffPolicy.minPasswordLength) throw fieldError('password', `密码至少${staffPolicy.minPasswordLength}位`);
}

/** An administrator creates a staff account; the action is audited. */
export async function createStaff(deps: Deps, admin: SignedInStaff, input: { username: string; displayName: string; role: StaffRoleCode; schoolId?: string | null; password: string }, request: Request) {
  const { db } = deps;
  const now = deps.clock.now();
  checkPassword(input.password);
  const schoolId = await checkRoleSchool(db, input.role, input.schoolId);
  const id = newId();
  const [inserted] = await db.batch([
    db.insert(staff).values({
      id, username: input.username, displayName: maskIdNumbersInText(input.displayName), role: input.role, schoolId,
      passwordHash: await hashPassword(input.password), createdAt: now, updatedAt: now,
    }).onConflictDoNothing({ target: staff.username }),
    auditStatement(db, {
      staffId: admin.staffId, username: admin.username, action: 'staff_create',
      detail: { staffId: id, username: input.username, role: input.role, schoolId }, ...request, at: now,
    }, sql`EXISTS (SELECT 1 FROM ${staff} WHERE ${staff.id} = ${id})`),
  ]);
  if (inserted.rowsAffected === 0) throw new DomainError('STAFF_EXISTS', '该用户名已存在');
  return { id };
}

/** Changes role, school, name, password or disables an account; every change audited with what changed. */
export async function updateStaff(deps: Deps, admin: SignedInStaff, input: { staffId: string; displayName?: string; role?: StaffRoleCode; schoolId?: string | null; password?: string; disabled?: boolean }, request: Request) {
  const { db } = deps;
  const now = deps.clock.now();
  const [current] = await db.select().from(staff).where(eq(staff.id, input.staffId));
  if (!current) throw new DomainError('STAFF_NOT_FOUND', '找不到该工作人员');
  if (input.staffId === admin.staffId && (input.disabled || (input.role && input.role !== 'admin'))) {
    throw new DomainError('STAFF_FORBIDDEN', '不能停用自己或取消自己的管理员角色');
  }
  const role = input.role ?? current.role;
  const schoolId = await checkRoleSchool(db, role, input.schoolId === undefined ? current.schoolId : input.schoolId);
  if (input.password !== undefined) checkPassword(input.password);
  const changes = {
    ...(input.displayName !== undefined ? { displayName: maskIdNumbersInText(input.displayName) } : {}),
    role, schoolId,
    ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password), failedAttempts: 0, lockedUntil: null } : {}),
    ...(input.disabled !== undefined ? { disabledAt: input.disabled ? now : null } : {}),
    updatedAt: now,
  };
  await db.batch([
    db.update(staff).set(changes).where(eq(staff.id, input.staffId)),
    auditStatement(db, {
      staffId: admin.staffId, username: admin.username, action: 'staff_update',
      detail: { staffId: input.staffId, changed: Object.keys(input).filter((k) => k !== 'staffId' && k !== 'password').concat(input.password ? ['password'] : []) },
      ...request, at: now,
    }),
  ]);
  return { id: input.staffId };
}
