import { documents } from '../../db/schema';
import type { EnrollmentClient, RouterOutputs } from '../../src/client';
import { randomId } from '../../src/adapters/random';
import type { TestHost } from './host';
import { residentId } from './identity';
import { sampleJpeg } from './sample-files';

type Region = RouterOutputs['catalog']['region'];

/**
 * The seeded catalog of a demo town (桃花江镇 unless `town` names another) as a test needs it: entries by code, a
 * community and two primary schools serving it.
 */
export async function catalogFor(t: TestHost, town = 'taohuajiang') {
  const found = (await t.client.catalog.regions.query()).find((r) => r.code === town);
  const region: Region = await t.client.catalog.region.query({ regionId: found!.id });
  const entry = (code: string) => region.entries.find((e) => e.code === code)!;
  const grade1 = await t.client.catalog.channels.query({ entryId: entry('grade1').id });
  const channel = (code: string) => grade1.tracks[0]!.channels.find((c) => c.code === code)!;
  const [community] = await t.client.catalog.communities.query({ regionId: region.id });
  const primary = await t.client.catalog.schools.query({ regionId: region.id, level: 'primary', community: community!.name });
  const junior = await t.client.catalog.schools.query({ regionId: region.id, level: 'junior', community: community!.name });
  const all = await t.client.catalog.schools.query({ regionId: region.id, level: 'primary' });
  const outside = all.find((s) => !s.communities.includes(community!.name))!;
  return { region, entry, channel, community: community!.name, primary, junior, outside };
}

export type Catalog = Awaited<ReturnType<typeof catalogFor>>;

/** Everything the hukou channel's form asks for, valid. */
export const hukouForm = (community: string) => ({
  community,
  address: '桃花江镇资江路88号3栋201',
  hukouShowsRelation: true,
  fatherName: '李建国',
  fatherIdNumber: residentId('19850312', '031'),
  motherName: '王秀英',
  motherIdNumber: residentId('19870520', '042'),
  hukouRegisteredOn: '2020-05-01',
  hukouAddress: '桃花江镇资江社区',
});

/**
 * Documents as an upload would leave them, a small JPEG each (the pages show thumbnails): a factory for journeys
 * that are not about files. The upload path itself is tested in files.test.ts.
 */
export async function attachDocuments(t: TestHost, applicationId: string, kinds: string[]) {
  const { db, files } = t.host.deps;
  const accountId = (await db.query.applications.findFirst({ where: (a, { eq }) => eq(a.id, applicationId) }))!.accountId;
  const now = t.clock.now();
  const rows = kinds.map((kind) => ({
    id: randomId(),
    applicationId,
    accountId,
    kind,
    fileName: `${kind}.jpg`,
    contentType: 'image/jpeg',
    size: sampleJpeg.length,
    storageKey: randomId(),
    createdAt: now,
  }));
  for (const row of rows) await files.put(row.storageKey, sampleJpeg, row.contentType);
  await db.insert(documents).values(rows);
}

export const hukouDocuments = ['student-hukou', 'father-hukou', 'mother-hukou', 'father-id-card', 'mother-id-card'];

/** A grade-1 application through the hukou channel, complete and ready to submit; returns its id and version. */
export async function readyToSubmit(
  t: TestHost,
  parent: EnrollmentClient,
  c: Catalog,
  childBirth = '20180101',
  seq = '201',
  schools = [c.primary[0]!.id, c.primary[1]!.id],
) {
  const child = await parent.children.add.mutate({ name: '李小明', idType: 'resident', idNumber: residentId(childBirth, seq) });
  const { applicationId } = await parent.applications.start.mutate({
    childId: child.id,
    entryId: c.entry('grade1').id,
    acceptDeclaration: true,
  });
  await parent.applications.chooseChannel.mutate({ applicationId, channelId: c.channel('hukou').id });
  await parent.applications.save.mutate({ applicationId, fields: hukouForm(c.community) });
  await parent.applications.chooseSchools.mutate({ applicationId, firstSchoolId: schools[0]!, secondSchoolId: schools[1]!, sibling: null });
  await attachDocuments(t, applicationId, hukouDocuments);
  const { version } = await parent.applications.get.query({ applicationId });
  return { applicationId, version, childId: child.id };
}
