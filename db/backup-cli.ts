import { parseArgs } from 'node:util';
import { backup, restore } from './backup';

/**
 * `npm run backup -- --to DIR`            copy the database and documents of a (running) Node host into DIR
 * `npm run restore -- --from DIR [--force]` put a backup in place (host stopped); --force replaces existing data
 * Both read DATABASE_URL (default file:./data/enrollment.db) and FILES_DIR (default ./data/files), as the host does.
 */
const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { to: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean', default: false } },
});
const databaseUrl = process.env.DATABASE_URL || 'file:./data/enrollment.db';
const filesDir = process.env.FILES_DIR || './data/files';

try {
  if (command === 'backup' && values.to) {
    const started = Date.now();
    const manifest = await backup({ databaseUrl, filesDir, to: values.to });
    console.info(
      `backed up ${databaseUrl} and ${filesDir} into ${values.to} in ${Date.now() - started} ms: ` +
        `${Object.values(manifest.tables).reduce((a, b) => a + b, 0)} rows in ${Object.keys(manifest.tables).length} tables, ${manifest.documents} documents, ${manifest.files} files`,
    );
    if (manifest.missingFiles.length) {
      console.error(
        `${manifest.missingFiles.length} documents were deleted while the backup ran and are missing from it: run the backup again`,
      );
      process.exit(1);
    }
  } else if (command === 'restore' && values.from) {
    const manifest = await restore({ from: values.from, databaseUrl, filesDir, force: values.force });
    console.info(
      `restored the backup of ${manifest.createdAt} into ${databaseUrl} and ${filesDir}: ${manifest.documents} documents. Start the host with the same DATA_KEY.`,
    );
  } else {
    console.error(
      'usage: npm run backup -- --to DIR | npm run restore -- --from DIR [--force]   (DATABASE_URL, FILES_DIR as for the host)',
    );
    process.exit(2);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
