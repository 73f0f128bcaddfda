import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CustosNode } from '../../../electron/node'
import { MediationQueueConfig, StorageMessagePickupRepository } from '../../../electron/node/mediation'
import { apiOf } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

// A person's data folder as Custos on Credo 0.5.19 left it (scripts/fixtures/makeUpgradeFixture.ts wrote
// it, with what the node answered then in expected.json), opened by this release with no migration step.
const FIXTURE = path.resolve('tests/fixtures/upgrade-0.5.19')
const expected = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8'))

describe('upgrade in place: a store and app database written on Credo 0.5.19', () => {
  const tmp = makeTmpDir()
  let node: CustosNode
  beforeAll(async () => {
    fs.cpSync(path.join(FIXTURE, 'node'), tmp.dir, { recursive: true })
    node = CustosNode.open({ dataDir: tmp.dir, kdf: expected.madeWith.kdf, label: 'Alice', mediator: true })
    await node.unlock(expected.madeWith.passphrase)
  })
  afterAll(async () => {
    await node.close()
    tmp.cleanup()
  })

  it('keeps every credential, with its provenance and the statement PDF', async () => {
    const api = apiOf(node)
    expect(await api['credentials.list'](undefined)).toEqual(expected.credentials)
    for (const document of expected.documents) {
      const read = await api['credentials.getDocument']({ id: document.credentialId, digestSRI: document.digestSRI })
      expect(read.base64).toBe(document.base64)
    }
  })

  it('keeps connections, the policy, the disclosure history and self-declared data', async () => {
    const api = apiOf(node)
    expect(await api['connections.list'](undefined)).toEqual(expected.connections)
    expect(await api['consent.listPolicies'](undefined)).toEqual(expected.policies)
    // A disclosure from before answers were written ahead of sending had left: it reads as sent.
    expect(await api['disclosures.list'](undefined)).toEqual(
      expected.disclosures.map((disclosure: object) => ({ ...disclosure, delivery: 'sent' })),
    )
    expect(await api['selfDeclared.list'](undefined)).toEqual(expected.selfDeclared)
  })

  it('keeps the queued forward for the node it mediates for', async () => {
    const queue = new StorageMessagePickupRepository(node.agent.context, new MediationQueueConfig({}))
    const [message] = await queue.takeFromQueue({ connectionId: expected.queued.connectionId })
    expect(message.encryptedMessage).toEqual(expected.queued.payload)
  })
})
