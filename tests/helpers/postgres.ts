import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './freePort'

/** A throwaway PostgreSQL cluster on 127.0.0.1, owned by the test that started it. */
export interface TestPostgres {
  port: number
  /** postgres://custos:PASSWORD@127.0.0.1:PORT/DATABASE for a database of that name (made on demand). */
  url(database: string): string
  /** Runs one SQL statement as the superuser in `database` and returns its text output. */
  sql(database: string, statement: string): string
  createDatabase(name: string): void
  stop(): void
}

export const PG_PASSWORD = 'pg test password'
const USER = 'custos'

/** Debian's server binaries; the newest installed major version. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!fs.existsSync(root)) return undefined
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length ? path.join(root, versions[0], 'bin') : undefined
}

// initdb and the server refuse to run as root, and tests here run as root: run them as `postgres`.
function asPostgres(bin: string, args: string[]): string {
  const command = process.getuid?.() === 0 ? 'runuser' : bin
  const argv = process.getuid?.() === 0 ? ['-u', 'postgres', '--', bin, ...args] : args
  return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/**
 * initdb into a fresh temporary directory and start the server on a free port (TCP on 127.0.0.1 with
 * password authentication, so a wrong password is refused as it would be in a deployment). The role
 * `custos` may create databases: Askar makes its own when the one in the URL does not exist yet.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir()
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-pg-'))
  fs.chmodSync(dir, 0o700)
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir])
  const data = path.join(dir, 'data')
  const port = await freePort()
  const pwfile = path.join(dir, 'pw')
  fs.writeFileSync(pwfile, `${PG_PASSWORD}\n`)
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', pwfile])
  asPostgres(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    `--pwfile=${pwfile}`,
    '-E',
    'UTF8',
    '--no-sync',
  ])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`
  asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', 'start'])
  const psql = (database: string, statement: string): string =>
    asPostgres(path.join(bin, 'psql'), [
      '-h',
      dir,
      '-p',
      `${port}`,
      '-U',
      'postgres',
      '-d',
      database,
      '-v',
      'ON_ERROR_STOP=1',
      '-Atc',
      statement,
    ]).trim()
  psql('postgres', `CREATE ROLE ${USER} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}'`)
  let stopped = false
  return {
    port,
    url: (database) => `postgres://${USER}:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}/${database}`,
    sql: psql,
    createDatabase: (name) => psql('postgres', `CREATE DATABASE "${name}" OWNER ${USER}`),
    stop: () => {
      if (stopped) return
      stopped = true
      try {
        asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
