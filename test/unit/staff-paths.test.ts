import { describe, expect, it } from 'vitest';
import { parentsRouters } from '../../src/api/parents-router';
import { appRouter, staffRouters } from '../../src/api/router';
import { callsStaffProcedure, servedByStaffWorker, staffRouterNames } from '../../src/api/staff-paths';

describe('which requests the main Worker hands to the staff Worker (decision 027)', () => {
  it('names exactly the staff desk’s routers, which with the parents’ make the whole API', () => {
    expect([...staffRouterNames].sort()).toEqual(Object.keys(staffRouters).sort());
    expect(Object.keys(parentsRouters).filter((name) => staffRouterNames.includes(name))).toEqual([]);
    const served = Object.keys(appRouter._def.procedures as object).map((path) => path.split('.')[0]);
    expect([...new Set(served)].sort()).toEqual([...Object.keys(parentsRouters), ...staffRouterNames].sort());
  });

  it('sends a request with any staff procedure, alone or in a batch', () => {
    expect(callsStaffProcedure('/trpc/review.queue')).toBe(true);
    expect(callsStaffProcedure('/trpc/admin.placement.draws')).toBe(true);
    expect(callsStaffProcedure('/trpc/auth.me,review.me,catalog.regions')).toBe(true);
  });

  it('keeps parents’ procedures, pages and files on the main Worker', () => {
    expect(callsStaffProcedure('/trpc/catalog.region')).toBe(false);
    expect(callsStaffProcedure('/trpc/auth.me,applications.list')).toBe(false);
    expect(callsStaffProcedure('/trpc/reviews.queue')).toBe(false);
    expect(callsStaffProcedure('/api/files/review.jpg')).toBe(false);
    expect(callsStaffProcedure('/')).toBe(false);
  });

  it('hands on the staff Worker’s own HTTP routes, and only those', () => {
    expect(servedByStaffWorker('/trpc/review.queue')).toBe(true);
    expect(servedByStaffWorker('/api/my-data')).toBe(true);
    expect(servedByStaffWorker('/api/exports/confirmed.xlsx')).toBe(true);
    expect(servedByStaffWorker('/api/v1/schools')).toBe(true);
    expect(servedByStaffWorker('/api/openapi.json')).toBe(true);
    expect(servedByStaffWorker('/api/reference')).toBe(true);
    expect(servedByStaffWorker('/api/my-database')).toBe(false);
    expect(servedByStaffWorker('/api/v1')).toBe(false);
    expect(servedByStaffWorker('/api/files/abc')).toBe(false);
    expect(servedByStaffWorker('/trpc/catalog.region')).toBe(false);
    expect(servedByStaffWorker('/')).toBe(false);
  });
});
