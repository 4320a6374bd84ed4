import { query, revalidate } from '@solidjs/router';
import { api, type RouterInputs } from '../lib/trpc';
import { write } from '../lib/write';

export const getPlacementRules = query((seasonId: string) => api.admin.placement.rules.query({ seasonId }), 'staff.placementRules');
export const getObservers = query((seasonId: string) => api.admin.placement.observers.query({ seasonId }), 'staff.observers');

export const saveRules = write('staff.placementRules.save', async (input: RouterInputs['admin']['placement']['updateRules']) => {
  const done = await api.admin.placement.updateRules.mutate(input);
  await revalidate(getPlacementRules.key);
  return done;
});

export const recordCommitment = write('staff.observers.commit', async (input: RouterInputs['admin']['placement']['recordCommitment']) => {
  const done = await api.admin.placement.recordCommitment.mutate(input);
  await revalidate(getObservers.key);
  return done;
});

export const revealContribution = write('staff.observers.reveal', async (input: RouterInputs['admin']['placement']['reveal']) => {
  const done = await api.admin.placement.reveal.mutate(input);
  await revalidate(getObservers.key);
  return done;
});

/** The season's place columns (entry and grade), the choices of a dry run. */
export const getPlaceColumns = query(
  async (seasonId: string) => (await api.admin.schools.list.query({ seasonId })).columns,
  'staff.placeColumns',
);

export const dryRun = write('staff.placement.dryRun', (input: RouterInputs['admin']['placement']['dryRun']) =>
  api.admin.placement.dryRun.mutate(input),
);

export const getSeatDemand = query(
  (seasonId: string, entryId: string, grade: number) => api.admin.placement.seatDemand.query({ seasonId, entryId, grade }),
  'staff.seatDemand',
);

/** 学位预警's pickers on the desk: the seasons and entry-and-grade columns the member may look at. */
export const getDemandColumns = query(() => api.review.demandColumns.query(), 'staff.demandColumns');

export const publishDemandNotice = write(
  'staff.placement.demandNotice',
  async (input: RouterInputs['admin']['placement']['demandNotice']) => {
    const done = await api.admin.placement.demandNotice.mutate(input);
    await revalidate(getSeatDemand.key);
    return done;
  },
);

export const getDraws = query((seasonId: string) => api.admin.placement.draws.query({ seasonId }), 'staff.draws');

export const drawPlacement = write('staff.placement.draw', async (input: RouterInputs['admin']['placement']['draw']) => {
  const done = await api.admin.placement.draw.mutate(input);
  await revalidate(getDraws.key);
  return done;
});

export const drawSecondRound = write('staff.placement.secondRound', async (input: RouterInputs['admin']['placement']['secondRound']) => {
  const done = await api.admin.placement.secondRound.mutate(input);
  await revalidate(getDraws.key);
  return done;
});

export const publishResults = write(
  'staff.placement.publishResults',
  async (input: RouterInputs['admin']['placement']['publishResults']) => {
    const done = await api.admin.placement.publishResults.mutate(input);
    await revalidate(getDraws.key);
    return done;
  },
);

export const getObjections = query((seasonId: string) => api.admin.placement.objections.query({ seasonId }), 'staff.objections');
export const getSeasonSchoolList = query(
  async (seasonId: string) => (await api.admin.schools.list.query({ seasonId })).schools,
  'staff.placementSchools',
);

export const decideObjection = write(
  'staff.placement.decideObjection',
  async (input: RouterInputs['admin']['placement']['decideObjection']) => {
    const done = await api.admin.placement.decideObjection.mutate(input);
    await revalidate(getObjections.key);
    return done;
  },
);

export const getUnplaced = query((seasonId: string) => api.admin.placement.unplaced.query({ seasonId }), 'staff.unplaced');

export const assignSchool = write('staff.placement.assignSchool', async (input: RouterInputs['admin']['placement']['assignSchool']) => {
  const done = await api.admin.placement.assignSchool.mutate(input);
  await revalidate(getUnplaced.key);
  return done;
});
