import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { AppDbKeyRecord } from '../../../electron/node/vault'
import { startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('the app database key', () => {
  const tmp = makeTmpDir()
  let node: CustosNode
  beforeAll(async () => {
    node = await startNode(tmp.dir)
  })
  afterAll(async () => {
    await node.close()
    tmp.cleanup()
  })

  it('is in a record category of its own, which no generic-records call lists', async () => {
    await node.agent.genericRecords.save({ content: { note: 'something a capability keeps' } })
    const generic = await node.agent.genericRecords.getAll()
    expect(generic).toHaveLength(1)
    expect(JSON.stringify(generic)).not.toMatch(/keyHex|app-db-key/)
    expect(await node.agent.genericRecords.findById('custos.app-db-key')).toBeNull()
    expect(AppDbKeyRecord.type).not.toBe('GenericRecord')
  })
})
