import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { accounts, applications, channels, children, placementDraws, placements } from '../../../db/schema';
import type { AppDeps } from '../../deps';

/**
 * The applications a season's published draws placed at a school, with the child, the account's phone and the
 * family's answer (确认入学): the rows of the desk's 录取名单 and of its exports.
 */
export function placedAtSchool(db: AppDeps['db'], schoolId: string, seasonId: string) {
  return db
    .select({
      applicationId: applications.id,
      number: applications.number,
      status: applications.status,
      grade: applications.grade,
      form: applications.form,
      community: applications.community,
      channel: channels.name,
      childName: children.name,
      sex: children.sex,
      birthDate: children.birthDate,
      idType: children.idType,
      idCipher: children.idCipher,
      idMasked: children.idMasked,
      phone: accounts.phone,
      confirmation: placements.confirmation,
    })
    .from(placements)
    .innerJoin(placementDraws, eq(placementDraws.id, placements.drawId))
    .innerJoin(applications, eq(applications.id, placements.applicationId))
    .innerJoin(children, eq(children.id, applications.childId))
    .innerJoin(accounts, eq(accounts.id, applications.accountId))
    .leftJoin(channels, eq(channels.id, applications.channelId))
    .where(and(eq(placements.schoolId, schoolId), eq(placementDraws.seasonId, seasonId), isNotNull(placementDraws.publishedAt)))
    .orderBy(asc(applications.number), asc(placementDraws.round));
}
