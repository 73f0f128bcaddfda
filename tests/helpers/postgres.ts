import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { freePort } from './freePort'
import { postgresBinaries } from './postgresBinaries'

/** A throwaway PostgreSQL cluster on 127.0.0.1, owned by the test that started it. */
export interface TestPostgres {
  port: number
  /** The server's version, from the npm package that ships it. */
  version: string
  /** postgres://custos:PASSWORD@127.0.0.1:PORT/DATABASE for a database of that name (made on demand). */
  url(database: string): string
  /** Runs SQL as the superuser in `database`; the last statement's rows as psql -At prints them. */
  sql(database: string, statement: string): Promise<string>
  createDatabase(name: string): Promise<void>
  stop(): Promise<void>
}

export const PG_PASSWORD = 'pg test password'
const USER = 'custos'

interface RunAs {
  uid?: number
  gid?: number
}

// The server refuses to run as root, and CI runs the tests as root: run it as `nobody` then, a user
// every Linux and macOS has, rather than creating a system user.
function unprivileged(): RunAs {
  if (process.getuid?.() !== 0) return {}
  const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim())
  return { uid: id('-u'), gid: id('-g') }
}

function run(program: string, args: string[], as: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...as, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(program)} exited with ${code}: ${stderr.trim()}`)),
    )
  })
}

/**
 * initdb into a fresh temporary directory and start the server on a free port (TCP on 127.0.0.1 with
 * password authentication, so a wrong password is refused as it would be in a deployment). The role
 * `custos` may create databases: Askar makes its own when the one in the URL does not exist yet.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = await postgresBinaries()
  const as = unprivileged()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-pg-'))
  fs.chmodSync(dir, 0o700)
  const data = path.join(dir, 'data')
  const pwfile = path.join(dir, 'pw')
  fs.writeFileSync(pwfile, `${PG_PASSWORD}\n`, { mode: 0o600 })
  if (as.uid !== undefined) for (const file of [dir, pwfile]) fs.chownSync(file, as.uid, as.gid ?? as.uid)
  const port = await freePort()
  const initArgs = ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256']
  await run(bin.initdb, [...initArgs, `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C', '--no-sync'], as)
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`
  await run(bin.pgCtl, ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', 'start'], as)

  const sql = async (database: string, statement: string): Promise<string> => {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: PG_PASSWORD, database })
    await client.connect()
    try {
      const results = await client.query({ text: statement, rowMode: 'array' })
      const last = Array.isArray(results) ? results[results.length - 1] : results
      const cell = (value: unknown) => (typeof value === 'boolean' ? (value ? 't' : 'f') : String(value))
      return (last.rows as unknown[][]).map((row) => row.map(cell).join('|')).join('\n')
    } finally {
      await client.end()
    }
  }
  await sql('postgres', `CREATE ROLE ${USER} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}'`)
  let stopped = false
  return {
    port,
    version: bin.version,
    url: (database) => `postgres://${USER}:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}/${database}`,
    sql,
    createDatabase: async (name) => void (await sql('postgres', `CREATE DATABASE "${name}" OWNER ${USER}`)),
    stop: async () => {
      if (stopped) return
      stopped = true
      try {
        await run(bin.pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop'], as)
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
