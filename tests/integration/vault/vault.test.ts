import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { CustosNode } from '../../../electron/node'
import { makeTmpDir } from '../../helpers/tmpDir'

const PASS = 'correct horse battery staple'

describe('vault: a real Askar store on disk', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  beforeEach(() => {
    tmp = makeTmpDir()
  })
  afterEach(() => tmp.cleanup())

  it('creates a store, locks it, and unlocks it after a restart with DIDs and records intact', async () => {
    const node = CustosNode.open({ dataDir: tmp.dir })
    expect(node.status().state).toBe('no-store')
    await node.createStore(PASS)
    expect(node.status().state).toBe('unlocked')
    const did = await node.agent.dids.create({
      method: 'key',
      options: { createKey: { type: { kty: 'OKP', crv: 'Ed25519' } } },
    })
    const record = await node.agent.genericRecords.save({ content: { note: 'kept' } })
    await node.lock()
    expect(node.status().state).toBe('locked')
    await node.close()

    const again = CustosNode.open({ dataDir: tmp.dir })
    expect(again.status().state).toBe('locked')
    await again.unlock(PASS)
    const dids = await again.agent.dids.getCreatedDids({ method: 'key' })
    expect(dids.map((d) => d.did)).toContain(did.didState.did)
    expect((await again.agent.genericRecords.findById(record.id))?.content).toEqual({ note: 'kept' })
    await again.close()
  })
})
