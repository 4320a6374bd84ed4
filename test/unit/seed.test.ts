import { describe, expect, it } from 'vitest';
import { taojiang2024 } from '../../db/seed/taojiang-2024';

const entry = (code: string) => taojiang2024.entries.find((e) => e.code === code)!;
const channelNames = (code: string, track: string) =>
  entry(code)
    .tracks.find((t) => t.code === track)!
    .channels.map((c) => c.name);

describe('the Taojiang 2024 season follows the guide', () => {
  it('opens every entry 2024-07-15 00:00 and closes it after 2024-07-25 24:00 China time', () => {
    for (const e of taojiang2024.entries) {
      expect(new Date(e.opensAt).toISOString()).toBe('2024-07-14T16:00:00.000Z');
      expect(new Date(e.closesAt).toISOString()).toBe('2024-07-25T16:00:00.000Z');
    }
  });

  it('has six grade-1 channels, seven for town primary graduates in grade 7 and six for the others', () => {
    expect(channelNames('grade1', 'primary-new')).toHaveLength(6);
    expect(channelNames('grade7', 'town-graduates')).toHaveLength(7);
    expect(channelNames('grade7', 'town-graduates')).toContain('其他情况');
    expect(channelNames('grade7', 'non-town-graduates')).toHaveLength(6);
    expect(channelNames('grade7', 'non-town-graduates')).not.toContain('其他情况');
  });

  it('offers transfers in grades 2–6 and 8–9 through five channels each', () => {
    const tracks = entry('transfer').tracks;
    expect(tracks.map((t) => [t.level, t.gradeMin, t.gradeMax])).toEqual([
      ['primary', 2, 6],
      ['junior', 8, 9],
    ]);
    for (const t of tracks) {
      expect(t.channels).toHaveLength(5);
      expect(t.channels.map((c) => c.name)).toContain('入园（桃江高新区）规模企业法人、高管随迁子女');
    }
  });

  it("asks every channel for the hukou pages and parents' ID cards, and the birth certificate only when needed", () => {
    for (const e of taojiang2024.entries)
      for (const t of e.tracks)
        for (const c of t.channels) {
          const kinds = c.documents.map((d) => d.kind);
          expect(kinds).toEqual(
            expect.arrayContaining(['student-hukou', 'father-hukou', 'mother-hukou', 'father-id-card', 'mother-id-card']),
          );
          expect(c.documents.find((d) => d.kind === 'birth-certificate')?.condition).toBe('hukou_lacks_relation');
        }
  });

  it("keeps the guide's cut-off dates: hukou before 2024-03-01, licence and pension since before 2023-09-01", () => {
    const all = taojiang2024.entries.flatMap((e) => e.tracks.flatMap((t) => t.channels));
    expect(all.find((c) => c.code === 'hukou')!.eligibility).toMatchObject({ check: 'hukou', before: '2024-03-01' });
    expect(all.find((c) => c.code === 'business')!.eligibility).toMatchObject({ before: '2023-09-01' });
    expect(all.find((c) => c.code === 'migrant-worker')!.eligibility).toMatchObject({ before: '2023-09-01', minInsuredMonths: 12 });
  });

  it('lets every community choose two different primary and two different junior schools', () => {
    for (const community of taojiang2024.communities) {
      for (const level of ['primary', 'junior'] as const) {
        const serving = taojiang2024.schools.filter((s) => s.level === level && s.communities.includes(community));
        expect(serving.length, `${community} ${level}`).toBeGreaterThanOrEqual(2);
      }
    }
    expect(taojiang2024.schools.filter((s) => s.level === 'primary').length).toBeGreaterThanOrEqual(6);
    expect(taojiang2024.schools.filter((s) => s.level === 'junior').length).toBeGreaterThanOrEqual(3);
  });

  it("publishes the policy, the parents' manual, the FAQ and the declaration", () => {
    expect(taojiang2024.pages.map((p) => p.slug).sort()).toEqual(['declaration', 'faq', 'manual', 'policy']);
    expect(taojiang2024.pages.find((p) => p.slug === 'policy')!.body).toContain('报名顺序');
  });
});
