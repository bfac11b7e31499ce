import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** True when this process runs its own PGlite engine under the data directory. */
  embedded: boolean;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; null runs the embedded engine. */
  databaseUrl: string | null;
  /** Where the embedded engine keeps its files (`<dataDir>/postgres`). */
  dataDir: string;
  poolSize?: number;
  /**
   * An idle pooled connection broke (Postgres restarted, a network blip). The pool replaces it; without
   * a listener pg would crash the process on this event, so the default just reports it.
   */
  onIdleError?: (error: Error) => void;
}

const reportIdleError = (error: Error) =>
  console.warn(`database: an idle connection was lost (${error.message})`);

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', options.onIdleError ?? reportIdleError);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, embedded: false, close: () => db.destroy() };
  }
  return openEmbedded(options.dataDir);
}

/**
 * The laptop default: PGlite (the real Postgres engine compiled to WASM) served on a loopback socket,
 * so the application talks to it through exactly the same `pg` driver and SQL as in production.
 * PGlite runs one session at a time, so the pool holds a single connection: a transaction then never
 * interleaves with another query.
 */
async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  const dir = path.join(dataDir, 'postgres');
  await mkdir(dir, { recursive: true });
  const engine = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db: engine, host: '127.0.0.1', port: 0 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  const pool = new pg.Pool({ host, port: Number(port), user: 'postgres', database: 'postgres', max: 1 });
  pool.on('error', reportIdleError);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    embedded: true,
    close: async () => {
      await db.destroy();
      await server.stop();
      await engine.close();
    },
  };
}

/** One round trip to the database (`select 1`), for the health check. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
