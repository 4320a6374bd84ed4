import { asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rowExists } from '../../../db/exists';
import { schools, staff, staffSignInFailures } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { hashPassword } from '../../adapters/passwords';
import { DomainError, fieldError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { passwordWeakness } from '../../domain/password-strength';
import { maskIdNumbersInText } from '../../domain/masking';
import { type StaffRoleCode, staffPolicy, staffRoleNames } from '../../domain/staff-policy';
import { endMandateStatements } from '../agent/mandates';
import { auditStatement } from '../audit';
import { revokeAllStaffSessions, type SignedInStaff } from './sessions';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

const view = (s: typeof staff.$inferSelect, schoolName: string | null, locked: boolean) => ({
  id: s.id,
  username: s.username,
  displayName: s.displayName,
  role: s.role,
  roleName: staffRoleNames[s.role],
  schoolId: s.schoolId,
  schoolName,
  office: s.office,
  locked,
  disabled: s.disabledAt !== null,
  createdAt: s.createdAt.toISOString(),
});

/** Staff accounts; `locked` when the name is locked from at least one address right now. */
export async function listStaff(db: Db, now: Date) {
  const lockedSomewhere = rowExists(
    staffSignInFailures,
    eq(staffSignInFailures.username, staff.username),
    gt(staffSignInFailures.lockedUntil, now),
  );
  const rows = await db
    .select({ s: staff, schoolName: schools.name, locked: lockedSomewhere })
    .from(staff)
    .leftJoin(schools, eq(schools.id, staff.schoolId))
    .orderBy(asc(staff.username));
  return rows.map((r) => view(r.s, r.schoolName, Boolean(r.locked)));
}

async function checkRoleSchool(db: Db, role: StaffRoleCode, schoolId: string | null | undefined) {
  if (role !== 'school_reviewer' && (role !== 'agent' || !schoolId)) return null;
  if (!schoolId) throw fieldError('schoolId', '学校审核员须绑定一所学校');
  const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId));
  if (!school) throw fieldError('schoolId', '找不到该学校');
  return school.id;
}

/** An agent (代办员) works at a school or at a community office (one of them); no other role has an office. */
function checkOffice(role: StaffRoleCode, schoolId: string | null, office: string | null | undefined) {
  if (role !== 'agent') return null;
  const name = office?.trim() || null;
  if (!schoolId && !name) throw fieldError('office', '代办员须绑定一所学校或填写所在社区（村）办事处');
  return schoolId ? null : name;
}

function checkPassword(password: string) {
  if (password.length < staffPolicy.minPasswordLength) throw fieldError('password', `密码至少${staffPolicy.minPasswordLength}位`);
}

/** Who creates a staff account, as the audit log names them. */
type Author = { staffId: string | null; username: string; ip: string | null; requestId: string | null };

/** Writes a new staff account and its audit entry in one batch; STAFF_EXISTS when the username is taken. */
async function insertStaff(
  deps: Deps,
  author: Author,
  input: { username: string; displayName: string; role: StaffRoleCode; schoolId: string | null; office?: string | null; password: string },
  detail: Record<string, unknown>,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const id = newId(deps.random);
  const [inserted] = await db.batch([
    db
      .insert(staff)
      .values({
        id,
        username: input.username,
        displayName: maskIdNumbersInText(input.displayName),
        role: input.role,
        schoolId: input.schoolId,
        office: input.office ?? null,
        passwordHash: await hashPassword(input.password),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: staff.username }),
    auditStatement(
      db,
      {
        ...author,
        action: 'staff_create',
        detail: { staffId: id, username: input.username, role: input.role, ...detail },
        at: now,
      },
      rowExists(staff, eq(staff.id, id)),
    ),
  ]);
  if (inserted.rowsAffected === 0) throw new DomainError('STAFF_EXISTS', '该用户名已存在');
  return { id };
}

/** An administrator creates a staff account; the action is audited. */
export async function createStaff(
  deps: Deps,
  admin: SignedInStaff,
  input: { username: string; displayName: string; role: StaffRoleCode; schoolId?: string | null; office?: string | null; password: string },
  request: Request,
) {
  checkPassword(input.password);
  const schoolId = await checkRoleSchool(deps.db, input.role, input.schoolId);
  const office = checkOffice(input.role, schoolId, input.office);
  return insertStaff(
    deps,
    { staffId: admin.staffId, username: admin.username, ...request },
    { ...input, schoolId, office },
    { schoolId, office },
  );
}

/** Changes role, school, name, password or disables an account; every change audited with what changed. */
export async function updateStaff(
  deps: Deps,
  admin: SignedInStaff,
  input: {
    staffId: string;
    displayName?: string;
    role?: StaffRoleCode;
    schoolId?: string | null;
    office?: string | null;
    password?: string;
    disabled?: boolean;
  },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const [current] = await db.select().from(staff).where(eq(staff.id, input.staffId));
  if (!current) throw new DomainError('STAFF_NOT_FOUND', '找不到该工作人员');
  if (input.staffId === admin.staffId && (input.disabled || (input.role && input.role !== 'admin'))) {
    throw new DomainError('STAFF_FORBIDDEN', '不能停用自己或取消自己的管理员角色');
  }
  const role = input.role ?? current.role;
  const schoolId = await checkRoleSchool(db, role, input.schoolId === undefined ? current.schoolId : input.schoolId);
  const office = checkOffice(role, schoolId, input.office === undefined ? current.office : input.office);
  if (input.password !== undefined) checkPassword(input.password);
  const changes = {
    ...(input.displayName !== undefined ? { displayName: maskIdNumbersInText(input.displayName) } : {}),
    role,
    schoolId,
    office,
    ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password) } : {}),
    ...(input.disabled !== undefined ? { disabledAt: input.disabled ? now : null } : {}),
    updatedAt: now,
  };
  // A new password or a disabled account ends every session (re-enabling must not bring old ones back); a new
  // password also lifts the locks on the name. The acting administrator keeps the session in use.
  const endsSessions = input.password !== undefined || input.disabled === true;
  // So do they for the family sessions an agent opened, as does the agent's role being taken away.
  const endsMandates = current.role === 'agent' && (endsSessions || role !== 'agent');
  await db.batch([
    db.update(staff).set(changes).where(eq(staff.id, input.staffId)),
    ...(endsSessions ? [revokeAllStaffSessions(deps, input.staffId, now, admin.sessionId)] : []),
    ...(endsMandates ? endMandateStatements(db, input.staffId, now) : []),
    ...(input.password !== undefined ? [db.delete(staffSignInFailures).where(eq(staffSignInFailures.username, current.username))] : []),
    auditStatement(db, {
      staffId: admin.staffId,
      username: admin.username,
      action: 'staff_update',
      detail: {
        staffId: input.staffId,
        changed: Object.keys(input)
          .filter((k) => k !== 'staffId' && k !== 'password')
          .concat(input.password ? ['password'] : []),
      },
      ...request,
      at: now,
    }),
  ]);
  return { id: input.staffId };
}

/**
 * The first administrator of a real deployment (`npm run admin:create`): no one is signed in yet, so the audit entry
 * names the command instead of a staff member. Refuses a weak password and an existing username.
 */
export async function createAdministratorFromCommand(deps: Deps, input: { username: string; displayName: string; password: string }) {
  const weakness = passwordWeakness(input.password, input.username);
  if (weakness) throw fieldError('password', weakness);
  return insertStaff(
    deps,
    { staffId: null, username: 'admin:create', ip: null, requestId: null },
    { ...input, role: 'admin', schoolId: null },
    { via: 'command' },
  );
}
