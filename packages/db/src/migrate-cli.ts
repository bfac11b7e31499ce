// `npm run migrate`: apply pending migrations to the configured database and exit non-zero on failure.
import { loadConfig } from '@onterms/config';
import { openDatabase } from './connect.ts';
import { migrateToLatest } from './migrator.ts';

const config = loadConfig(process.env);
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
