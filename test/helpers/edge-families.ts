import type { EdgeCase } from '../../src/adapters/records-dataset';
import type { EnrollmentClient } from '../../src/client';
import type { ChannelDocument } from '../../src/domain/catalog';
import { attachDocuments, type Catalog } from './journey';
import type { TestHost } from './host';

/**
 * A grade-1 application of one of the records' edge-case families, submitted through the typed client with the
 * family's real names and ID numbers (so the checks have something to find). `claims` overrides form fields.
 */
export async function submitForFamily(
  t: TestHost,
  parent: EnrollmentClient,
  c: Catalog,
  family: EdgeCase,
  channelCode: string,
  claims: Record<string, unknown> = {},
) {
  const child = await parent.children.add.mutate({ name: family.child.name, idType: 'resident', idNumber: family.child.idNumber });
  const { applicationId } = await parent.applications.start.mutate({
    childId: child.id,
    entryId: c.entry('grade1').id,
    acceptDeclaration: true,
  });
  await parent.applications.chooseChannel.mutate({ applicationId, channelId: c.channel(channelCode).id });
  await parent.applications.save.mutate({
    applicationId,
    fields: {
      community: family.community,
      address: family.address,
      hukouShowsRelation: true,
      fatherName: family.father.name,
      fatherIdNumber: family.father.idNumber,
      motherName: family.mother.name,
      motherIdNumber: family.mother.idNumber,
      ...claims,
    },
  });
  const schools = await t.client.catalog.schools.query({ regionId: c.region.id, level: 'primary', community: family.community });
  await parent.applications.chooseSchools.mutate({
    applicationId,
    firstSchoolId: schools[0]!.id,
    secondSchoolId: schools[1]!.id,
    sibling: null,
  });
  await attachDocuments(t, applicationId, requiredKinds(c.channel(channelCode).documents));
  const { version, missing } = await parent.applications.get.query({ applicationId });
  if (missing.length) throw new Error(`incomplete for ${family.key}: ${missing.map((m) => m.label).join('；')}`);
  await parent.applications.submit.mutate({ applicationId, version });
  return { applicationId, childId: child.id };
}

/** One document of every kind a channel requires: unconditional ones and the first of each group of alternatives. */
function requiredKinds(documents: ChannelDocument[]): string[] {
  const groups = new Set<string>();
  return documents
    .filter((d) => {
      if (d.condition) return false;
      if (!d.alternativeGroup) return true;
      if (groups.has(d.alternativeGroup)) return false;
      groups.add(d.alternativeGroup);
      return true;
    })
    .map((d) => d.kind);
}
