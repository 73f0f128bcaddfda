import { spawn } from 'node:child_process'
import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../helpers/freePort'
import { PG_PASSWORD, startPostgres, type TestPostgres } from '../../helpers/postgres'
import { makeTmpDir } from '../../helpers/tmpDir'

const PASS = 'correct horse battery staple'

/** `npm run serve -- --mediator --postgres-env CUSTOS_POSTGRES_URL` until it exits; its code and stderr. */
function serve(dataDir: string, url: string): Promise<{ code: number | null; stderr: string }> {
  // The passphrase as a deployment gives it: a file only its owner reads (the environment would add a warning).
  const passphraseFile = `${dataDir}.passphrase`
  fs.writeFileSync(passphraseFile, PASS, { mode: 0o600 })
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/node/headless/serve.ts', '--data-dir', dataDir, '--mediator'].concat([
      '--postgres-env',
      'CUSTOS_POSTGRES_URL',
      '--passphrase-file',
      passphraseFile,
    ]),
    { env: { ...process.env, CUSTOS_PASSPHRASE: '', CUSTOS_POSTGRES_URL: url }, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    }),
  )
}

// One line for a person, never a stack: what is wrong with the PostgreSQL the mediator was pointed at.
function expectOneLine(result: { code: number | null; stderr: string }, says: RegExp): void {
  expect(result.code).toBe(1)
  const lines = result.stderr.trim().split('\n')
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^custos serve: /)
  expect(lines[0]).toMatch(says)
  expect(lines[0]).not.toContain(PG_PASSWORD)
}

describe('serve --mediator on a PostgreSQL it cannot use', () => {
  const tmp = makeTmpDir('custos-pgbad-')
  let pg: TestPostgres

  beforeAll(async () => {
    pg = await startPostgres()
  })
  afterAll(async () => {
    await pg?.stop()
    tmp.cleanup()
  })

  it('says so in one line when nothing listens there', async () => {
    const url = `postgres://custos:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${await freePort()}/mediator`
    expectOneLine(
      await serve(`${tmp.dir}/unreachable`, url),
      /PostgreSQL at custos@127\.0\.0\.1:\d+\/mediator cannot be reached/,
    )
  })

  it('says so in one line when the password is wrong', async () => {
    const url = pg.url('mediator').replace(encodeURIComponent(PG_PASSWORD), 'not-the-password')
    expectOneLine(await serve(`${tmp.dir}/password`, url), /refused the role custos \(.*password authentication failed/)
  })

  it('says so in one line when the database holds a queue of another schema version, and leaves it as it is', async () => {
    await pg.createDatabase('future')
    await pg.sql(
      'future',
      `SET ROLE custos; CREATE SCHEMA drizzle; CREATE TABLE drizzle.custos_mediation_queue_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint);
       INSERT INTO drizzle.custos_mediation_queue_migrations (hash, created_at) VALUES ('${'f'.repeat(64)}', 4102444800000)`,
    )
    expectOneLine(await serve(`${tmp.dir}/schema`, pg.url('future')), /queue of another schema version/)
    // Neither the queue's tables nor an Askar store were made.
    expect(await pg.sql('future', `SELECT to_regclass('custos_mediation.mediation_queue') IS NULL`)).toBe('t')
    expect(await pg.sql('future', `SELECT count(*) FROM pg_tables WHERE tablename IN ('config', 'items')`)).toBe('0')
    expect(await pg.sql('future', 'SELECT count(*) FROM drizzle.custos_mediation_queue_migrations')).toBe('1')
  })
})
