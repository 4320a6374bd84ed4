import { query } from '@solidjs/router';
import { api } from '../lib/trpc';

/**
 * Every region's seasons with their state and version, one cache for every desk page that picks or changes a season
 * (招生季, 报名通道, 学校管理): a change on one (an import moves the season's version on) is read on the others.
 */
export const getAdminSeasons = query(() => api.admin.seasons.query(), 'staff.seasons');
