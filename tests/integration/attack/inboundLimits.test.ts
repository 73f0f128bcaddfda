import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { Kms, utils } from '@credo-ts/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { undecryptableEnvelope } from '../../../scripts/bench/inbound-flood/hostileEnvelope'
import { post, tally } from '../../../scripts/bench/inbound-flood/post'
import { pack } from '../../helpers/envelopes'
import { apiOf, PASS, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { postEnvelope, rawRequest } from '../transports/rawClient'

/** Resolves once nothing waits in the spool any more. */
async function drained(spoolDir: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (fs.readdirSync(spoolDir).some((name) => /^\d+\.json$/.test(name))) {
    if (Date.now() > until) throw new Error('the spool did not drain')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

function folder(dir: string): { names: string[]; bytes: number } {
  const names = fs.readdirSync(dir)
  return { names, bytes: names.reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0) }
}

describe('the DIDComm endpoint under attack', () => {
  const tmp = makeTmpDir('custos-attack-')
  let node: CustosNode
  let sender: CustosNode
  let endpoint: string
  beforeAll(async () => {
    node = await startNode(path.join(tmp.dir, 'node'), { label: 'Target' })
    sender = await startNode(path.join(tmp.dir, 'sender'), { label: 'Sender', inbound: undefined })
    endpoint = node.endpoints!.find((e) => e.startsWith('http'))!
  })
  afterAll(async () => {
    await sender.close()
    await node.close()
    tmp.cleanup()
  })

  it('refuses a browser (a foreign Origin) and a foreign Host with 403 before reading the body', async () => {
    const envelope = undecryptableEnvelope(4096)
    const fromPage = await postEnvelope(endpoint, envelope, { headers: { Origin: 'http://evil.example' } })
    expect(fromPage.status).toBe(403)
    const { port } = new URL(endpoint)
    const rebound = await postEnvelope(endpoint, envelope, { headers: { Host: `evil.example:${port}` } })
    expect(rebound.status).toBe(403)
    // Announces 30 MB and sends a few bytes: the answer comes without waiting for the rest.
    const unread = await rawRequest(endpoint, {
      headers: { 'Content-Type': 'application/didcomm-envelope-enc', 'Content-Length': 30_000_000, Origin: 'null' },
      body: '{"protected":',
      timeoutMs: 5000,
    })
    expect(unread.status).toBe(403)
    // An agent's own request (no Origin, its Host) still gets through to the decryptor.
    expect((await postEnvelope(endpoint, envelope)).status).toBe(422)
  })

  it('keeps 8 x 64 x 4 MB undecryptable envelopes within the dead-letter bound, lists them paged, deletes them', async () => {
    // Locked, the node accepts (202) and keeps what looks valid until it can try it: the dead letters' way in.
    await node.lock()
    const body = undecryptableEnvelope(4 * 1024 * 1024)
    const statuses: number[] = []
    for (let round = 0; round < 8; round++)
      statuses.push(...(await Promise.all(Array.from({ length: 64 }, () => post(endpoint, body)))))
    // The sender's quota (500 MiB) took what fit; the rest was refused.
    expect(statuses.filter((status) => status === 202).length).toBeLessThanOrEqual(125)
    expect(statuses).toContain(429)
    await node.unlock(PASS)
    const spoolDir = path.join(tmp.dir, 'node', 'spool')
    await drained(spoolDir)
    const dead = folder(path.join(spoolDir, 'dead'))
    // No body of an envelope for nobody is kept: only small metadata files, at most the bound's count.
    expect(dead.names.filter((name) => name.endsWith('.body'))).toEqual([])
    expect(dead.names.length).toBeLessThanOrEqual(1000)
    expect(dead.bytes).toBeLessThan(1024 * 1024)
    expect(
      statuses.every((status) => [202, 422, 429, 503].includes(status)),
      JSON.stringify(tally(statuses)),
    ).toBe(true)

    const api = apiOf(node)
    const first = await api['inbox.listDeadLetters']({ limit: 10 })
    expect(first.total).toBe(dead.names.length)
    expect(first.total).toBeGreaterThan(0)
    expect(first.letters.length).toBe(Math.min(10, first.total))
    expect(first.letters[0]).toMatchObject({ reason: 'cannot decrypt', kept: false, bytes: body.length })
    expect(JSON.stringify(first)).not.toContain(body.subarray(200, 260).toString())
    if (first.total > 10) {
      const second = await api['inbox.listDeadLetters']({ limit: 10, before: first.next })
      expect(second.letters[0].sequence).toBeLessThan(first.letters[9].sequence)
    }
    const one = first.letters[0].sequence
    expect(await api['inbox.deleteDeadLetters']({ sequences: [one] })).toEqual({ deleted: 1 })
    expect(await api['inbox.deleteDeadLetters']({ all: true })).toEqual({ deleted: first.total - 1 })
    expect(fs.readdirSync(path.join(spoolDir, 'dead'))).toEqual([])
    expect((await api['inbox.listDeadLetters'](undefined)).total).toBe(0)

    // The log took the flood as a bounded number of lines.
    const log = fs.readFileSync(path.join(tmp.dir, 'node', 'logs', 'node.log'), 'utf8')
    expect(log.split('\n').length).toBeLessThan(400)
  }, 600_000)

  it('logs messages with a 1 MB @type in lines of at most 1 KB, and says how much was cut', async () => {
    if (node.status().state !== 'unlocked') await node.unlock(PASS)
    const [oob] = await node.agent.didcomm.oob.getAll()
    const invitationKey = oob ?? (await node.agent.didcomm.oob.createInvitation())
    const fingerprint = invitationKey.getTags().recipientKeyFingerprints?.[0]
    expect(fingerprint).toBeDefined()
    const recipientKey = Kms.PublicJwk.fromFingerprint(fingerprint!) as Kms.PublicJwk<Kms.Ed25519PublicJwk>
    const longType = `https://didcomm.org/${'x'.repeat(1024 * 1024)}/1.0/message`
    for (let i = 0; i < 4; i++) {
      const packed = await pack(sender.agent.context, { '@type': longType, '@id': utils.uuid() }, [recipientKey], null)
      await postEnvelope(endpoint, JSON.stringify(packed))
    }
    const logFile = path.join(tmp.dir, 'node', 'logs', 'node.log')
    const lines = fs.readFileSync(logFile, 'utf8').split('\n')
    const longest = Math.max(...lines.map((line) => Buffer.byteLength(line)))
    expect(longest).toBeLessThanOrEqual(1024)
    expect(lines.some((line) => line.includes('xxxxxxxx…[+'))).toBe(true)
    expect(fs.statSync(logFile).size).toBeLessThan(256 * 1024)
  })

  it('closes a connection that sends its headers too slowly (slowloris) within the header timeout', async () => {
    const { port } = new URL(endpoint)
    const socket = net.connect(Number(port), '127.0.0.1')
    socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 1000)
    socket.on('error', () => undefined)
    // Node's defaults would hold it for a minute and more, past this test's own timeout.
    const closed = await new Promise<boolean>((resolve) => socket.once('close', () => resolve(true)))
    clearInterval(drip)
    expect(closed).toBe(true)
  }, 25_000)
})
