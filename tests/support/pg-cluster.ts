import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PostgreSQL server of its own for one test file: initdb in a temporary folder, a free port. */
export interface PgCluster {
  /** postgres://rdsbot@127.0.0.1:PORT/DB for a fresh database made by `database()`. */
  database(name: string): string;
  stop(): void;
}

/** Debian's newest PostgreSQL (`/usr/lib/postgresql/N/bin`); setup.sh installs it. */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  // A missing server fails the test that needs it, with the fix: never a skip.
  if (!newest)
    throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/N/bin/initdb): run scripts/setup.sh');
  return join(root, newest, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root, so as root the cluster belongs to Debian's `postgres` user. */
function asServerUser(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const run = spawnSync(file, argv, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr || run.stdout}`);
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'rdsbot-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  // fsync stays on: the tests that kill writers rely on what a real server keeps.
  asServerUser(join(bin, 'initdb'), ['-D', data, '-U', 'rdsbot', '-A', 'trust', '-E', 'UTF8', '--no-instructions']);
  asServerUser(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    'start',
  ]);
  const psql = join(bin, 'psql');
  return {
    database(name: string): string {
      asServerUser(psql, [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'rdsbot',
        '-d',
        'postgres',
        '-qc',
        `CREATE DATABASE ${name}`,
      ]);
      return `postgres://rdsbot@127.0.0.1:${port}/${name}`;
    },
    stop(): void {
      try {
        asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
