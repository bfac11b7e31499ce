/**
 * CPU seconds spent on a bench run, per process, read from Linux `/proc` — a figure that, unlike
 * calls per minute, does not depend on how loaded the machine is: the work a call costs, wherever it
 * is done (worker processes and the ffmpeg/ffprobe children they waited for, PostgreSQL backends
 * serving the bench's database, the Redis server, the bench process itself).
 */
import { readFile } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import { Redis } from 'ioredis';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux we run on). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds of a live process: its own user+system time, and that of the children it has waited
 * for (cutime/cstime — a worker's ffmpeg runs once they exited). null when the process is gone or
 * /proc is not there.
 */
export async function processCpuSeconds(pid: number): Promise<{ own: number; children: number } | null> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3, so utime (14) … cstime (17) sit at offsets 11 … 14.
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [number, number, number, number];
  return { own: (utime + stime) / TICKS_PER_SECOND, children: (cutime + cstime) / TICKS_PER_SECOND };
}

/** CPU seconds of each PostgreSQL backend now connected to `database`, by pid. */
export async function postgresBackendCpu<DB>(db: Kysely<DB>, database: string): Promise<Map<number, number>> {
  const rows = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()
  `.execute(db);
  const cpu = new Map<number, number>();
  for (const { pid } of rows.rows) {
    const seconds = await processCpuSeconds(pid);
    if (seconds !== null) cpu.set(pid, seconds.own);
  }
  return cpu;
}

/**
 * CPU the backends used between two readings. A backend that appeared in between counts from zero;
 * one that left in between is missed (the workers' pools keep theirs open while calls run).
 */
export function backendCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** The whole Redis server's CPU seconds and commands processed so far (every client's, not only the bench's). */
export async function redisServerUsage(redisUrl: string): Promise<{ cpuSeconds: number; commands: number }> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const cpu = await redis.info('cpu');
    const stats = await redis.info('stats');
    const field = (text: string, name: string) =>
      Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(text)?.[1] ?? 0);
    return {
      cpuSeconds:
        field(cpu, 'used_cpu_user') +
        field(cpu, 'used_cpu_sys') +
        field(cpu, 'used_cpu_user_children') +
        field(cpu, 'used_cpu_sys_children'),
      commands: field(stats, 'total_commands_processed'),
    };
  } finally {
    redis.disconnect();
  }
}
