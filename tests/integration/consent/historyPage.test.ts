import { randomUUID } from 'node:crypto'

import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { appDatabaseOf } from '../../../electron/node/db'
import { disclosureNotices, disclosures } from '../../../electron/node/disclosures/disclosureTables'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const COUNT = 123

describe('the disclosure history a page at a time', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let node: CustosNode
  beforeAll(async () => {
    tmp = makeTmpDir()
    node = await startNode(`${tmp.dir}/node`)
    const db = appDatabaseOf(node.agent.context)
    // Every third pair shares an instant, so the order and the cursor must fall back on the id.
    const rows = Array.from({ length: COUNT }, (_, n) => ({
      id: randomUUID(),
      requestId: randomUUID(),
      threadId: randomUUID(),
      connectionId: 'connection',
      recipient: `Lender ${n}`,
      credentials: '[]',
      purposeIds: '[]',
      decidedBy: 'person' as const,
      disclosedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(n / 2) * 1000).toISOString(),
    }))
    db.insert(disclosures).values(rows).run()
    db.insert(disclosureNotices)
      .values({
        id: randomUUID(),
        disclosureId: rows[7].id,
        kind: 'used',
        messageId: 'm',
        receivedAt: rows[7].disclosedAt,
      })
      .run()
  })
  afterAll(async () => {
    await node.close()
    tmp.cleanup()
  })

  it('gives every disclosure once, newest first, with its notices, in pages of the size asked', async () => {
    const api = apiOf(node)
    const whole = (await api['disclosures.list'](undefined)).reverse()
    const pages = []
    let before: string | undefined
    do {
      const page = await api['disclosures.page']({ limit: 50, before })
      pages.push(page.items)
      before = page.next
    } while (before)
    expect(pages.map((items) => items.length)).toEqual([50, 50, 23])
    const paged = pages.flat()
    // The same set as the whole list, each once; ties in time are ordered by id, newest first otherwise.
    expect(new Set(paged.map((d) => d.id)).size).toBe(COUNT)
    expect(paged.map((d) => d.id).sort()).toEqual(whole.map((d) => d.id).sort())
    for (let i = 1; i < paged.length; i++) {
      const [a, b] = [paged[i - 1], paged[i]]
      expect(a.disclosedAt > b.disclosedAt || (a.disclosedAt === b.disclosedAt && a.id > b.id)).toBe(true)
    }
    expect(paged.find((d) => d.recipient === 'Lender 7')?.notices).toMatchObject([{ kind: 'used' }])
    expect(whole.find((d) => d.recipient === 'Lender 7')?.notices).toMatchObject([{ kind: 'used' }])
    await expect(api['disclosures.page']({ limit: 10, before: 'nonsense' })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
  })

  it('reads a page as a range of the (disclosed_at, id) index, not a scan and sort of the history', () => {
    const db = appDatabaseOf(node.agent.context)
    const plan = db.all<{ detail: string }>(
      sql`EXPLAIN QUERY PLAN SELECT * FROM disclosures WHERE disclosed_at < '2027' OR (disclosed_at = '2027' AND id < 'x') ORDER BY disclosed_at DESC, id DESC LIMIT 51`,
    )
    const details = plan.map((row) => row.detail).join('\n')
    expect(details).toContain('disclosures_disclosed_at')
    expect(details).not.toContain('TEMP B-TREE')
  })
})
