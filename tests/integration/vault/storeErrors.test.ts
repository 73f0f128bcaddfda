import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { AskarStoreError } from '@credo-ts/askar'
import { AskarError } from '@openwallet-foundation/askar-shared'
import { describe, expect, it } from 'vitest'

import { openAppDatabase } from '../../../electron/node/db'
import { findResource } from '../../../electron/node/platform'
import { storeOpenError } from '../../../electron/node/vault/storeOpenError'
import { makeTmpDir } from '../../helpers/tmpDir'

// Askar's errors as Credo wraps them; a busy or forbidden store is not a damaged one, and a person
// who is told "corrupt" might delete a store that only needed another program closed.
const askarFailure = (code: number, message: string) =>
  new AskarStoreError(`Error opening store custos: ${message}`, { cause: new AskarError({ code, message }) })

describe('what keeps a store or the app database from opening', () => {
  it('tells a busy store and a forbidden one from a damaged one', () => {
    expect(storeOpenError('s', askarFailure(2, 'Busy'))).toMatchObject({ code: 'StoreBusy' })
    expect(storeOpenError('s', askarFailure(1, 'database is locked'))).toMatchObject({ code: 'StoreBusy' })
    expect(storeOpenError('s', askarFailure(1, 'unable to open database file: permission denied'))).toMatchObject({
      code: 'StoreAccessDenied',
    })
    expect(storeOpenError('s', askarFailure(1, 'file is not a database'))).toMatchObject({ code: 'StoreCorrupt' })
  })

  it('reports a failed migration as such, and leaves the database as it was', () => {
    const tmp = makeTmpDir()
    const key = randomBytes(32).toString('hex')
    const file = path.join(tmp.dir, 'custos.db')
    openAppDatabase(file, key).close()
    const before = fs.readFileSync(file)
    // The shipped migrations plus one that cannot run.
    const broken = path.join(tmp.dir, 'migrations')
    fs.cpSync(findResource(path.join('db', 'migrations')), broken, { recursive: true })
    const journal = JSON.parse(fs.readFileSync(path.join(broken, 'meta', '_journal.json'), 'utf8')) as {
      entries: Array<{ idx: number; when: number; tag: string; breakpoints: boolean; version: string }>
    }
    const last = journal.entries.at(-1)!
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_broken' })
    fs.writeFileSync(path.join(broken, 'meta', '_journal.json'), JSON.stringify(journal))
    fs.writeFileSync(path.join(broken, '9999_broken.sql'), 'CREATE TABLE nope (;')
    expect(() => openAppDatabase(file, key, broken)).toThrowError(
      expect.objectContaining({ code: 'AppDatabaseMigrationFailed' }),
    )
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    tmp.cleanup()
  })
})
