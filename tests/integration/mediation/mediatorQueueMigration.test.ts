import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'

import { openAppDatabase } from '../../../electron/node/db'
import { countAvailable, selectAvailable } from '../../../electron/node/mediation/mediator/queue/queueQueries'
import { makeTmpDir } from '../../helpers/tmpDir'

const MIGRATIONS = path.resolve(__dirname, '../../../resources/db/migrations')

// The migrations as they stood when the queue kept its recipient keys as a JSON column.
function migrationsUpTo(dir: string, tag: string): string {
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true })
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as {
    entries: Array<{ idx: number; tag: string }>
  }
  const last = journal.entries.findIndex((entry) => entry.tag === tag)
  journal.entries = journal.entries.slice(0, last + 1)
  for (const entry of journal.entries)
    fs.copyFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`))
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal))
  return dir
}

describe('mediation: the queue table migration keeps what was queued', () => {
  const tmp = makeTmpDir()
  afterAll(() => tmp.cleanup())

  it('moves the recipient keys of queued messages into the indexed table', () => {
    const file = path.join(tmp.dir, 'app', 'custos.db')
    const key = randomBytes(32).toString('hex')
    const old = openAppDatabase(file, key, migrationsUpTo(path.join(tmp.dir, 'old'), '0001_mediation_queue'))
    const insert = (id: string, keys: string[]) =>
      old.db.run(sql`INSERT INTO mediation_queue (id, connection_id, recipient_dids, payload, bytes, received_at)
        VALUES (${id}, 'A', ${JSON.stringify(keys)}, '{}', 2, 1)`)
    insert('m1', ['did:key:z6MkA', 'did:key:z6MkB'])
    insert('m2', ['did:key:z6MkB'])
    insert('m3', [])
    old.close()

    const current = openAppDatabase(file, key, MIGRATIONS)
    try {
      const now = Date.now()
      const idsFor = (recipientDid?: string) =>
        selectAvailable(current.db, { connectionId: 'A', recipientDid, now }).map((row) => row.id)
      expect(idsFor('did:key:z6MkA')).toEqual(['m1'])
      expect(idsFor('did:key:z6MkB')).toEqual(['m1', 'm2'])
      expect(idsFor()).toEqual(['m1', 'm2', 'm3'])
      expect(countAvailable(current.db, { connectionId: 'A', recipientDid: 'did:key:z6MkB', now })).toBe(2)
    } finally {
      current.close()
    }
  })
})
