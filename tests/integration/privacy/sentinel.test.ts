import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CustosNode, createApi } from '../../../electron/node'
import { connect, sendBasicMessage, startNode } from '../../helpers/nodes'
import { makeTmpDir, readTree } from '../../helpers/tmpDir'

function filesContaining(dir: string, needle: string): string[] {
  const variants = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')]
  return [...readTree(dir)].filter(([, bytes]) => variants.some((v) => bytes.includes(v))).map(([file]) => file)
}

describe('no personal data in plaintext on disk', () => {
  const tmp = makeTmpDir()
  const sentinel = `SENTINEL-${randomBytes(12).toString('hex')}`
  let node: CustosNode

  beforeAll(async () => {
    node = CustosNode.open({ dataDir: tmp.dir, kdf: 'argon2i-int' })
  })
  afterAll(async () => {
    await node.close().catch(() => undefined)
    tmp.cleanup()
  })

  it('keeps a sentinel written through the node out of every file in the data directory', async () => {
    const { api } = createApi(node)
    await api['vault.create']({ passphrase: 'a passphrase for the test' })
    const item = await api['selfDeclared.put']({ label: 'Passport number', value: sentinel })
    await api['selfDeclared.put']({ id: item.id, label: `label ${sentinel}`, value: `${sentinel} updated` })
    await node.agent.genericRecords.save({ content: { note: sentinel } })
    for (let i = 0; i < 50; i++) await api['selfDeclared.put']({ label: `filler ${i}`, value: `${sentinel}-${i}` })

    // While unlocked: the WAL side files of both databases are on disk too.
    expect(filesContaining(tmp.dir, sentinel)).toEqual([])
    const listed = await api['selfDeclared.list']()
    expect(listed.find((i) => i.id === item.id)?.value).toBe(`${sentinel} updated`)

    await node.close()
    expect(filesContaining(tmp.dir, sentinel)).toEqual([])

    // The check itself can fail: a plaintext copy is found.
    const { writeFileSync } = await import('node:fs')
    writeFileSync(`${tmp.dir}/probe.txt`, `x${sentinel}x`)
    expect(filesContaining(tmp.dir, sentinel)).toEqual(['probe.txt'])
  })
})

describe('no personal data in plaintext on disk after a DIDComm exchange', () => {
  const tmp = makeTmpDir()
  const sentinel = `SENTINEL-${randomBytes(12).toString('hex')}`

  afterAll(() => tmp.cleanup())

  it('keeps message contents out of both nodes’ stores, databases and logs', async () => {
    const alice = await startNode(`${tmp.dir}/alice`, { label: 'alice' })
    const bank = await startNode(`${tmp.dir}/bank`, { label: 'bank' })
    try {
      const { inviteeConnection, inviterConnection } = await connect(alice, bank)
      await sendBasicMessage(alice, inviterConnection.id, bank, `to bank: ${sentinel}`)
      await sendBasicMessage(bank, inviteeConnection.id, alice, `to alice: ${sentinel}`)
      expect(filesContaining(tmp.dir, sentinel)).toEqual([])
    } finally {
      await alice.close()
      await bank.close()
    }
    expect(filesContaining(tmp.dir, sentinel)).toEqual([])
  })
})
