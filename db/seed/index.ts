import type { Db } from '../client';
import { renderMissingPageHtml, seedSeason } from './catalog';
import { huishangang2024 } from './huishangang-2024';
import { taojiang2024 } from './taojiang-2024';

/** The seasons every database holds: the catalog parents read. */
export const seasonsToSeed = [taojiang2024, huishangang2024];

/** Idempotent: run at every start of the Node host and by `npm run db:seed`. */
export async function seedCatalog(db: Db): Promise<void> {
  for (const season of seasonsToSeed) await seedSeason(db, season);
  await renderMissingPageHtml(db);
}
