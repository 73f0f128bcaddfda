// The node under a flood of hostile envelopes (issue 28), in its own `npm run serve` process:
//  - memory: 64 envelopes of 30 MB posted at once; the node's peak resident set (VmHWM) is the figure.
//  - dead letters: 8 rounds of 64 x 4 MB envelopes no one can decrypt; what stays in spool/dead.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { DEFAULT_MAX_DOCUMENT_BYTES, messageBytesForDocument } from '../../electron/node/credentials/documents'
import { record } from './results'
import { undecryptableEnvelope } from './inbound-flood/hostileEnvelope'
import { post, tally } from './inbound-flood/post'
import { serveNode } from './inbound-flood/servedNode'

const PASS = 'correct horse battery staple'
const viaFile = !process.argv.includes('--passphrase-env')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-flood-'))
const dataDir = path.join(tmp, 'node')

function folderBytes(dir: string): { files: number; bytes: number } {
  if (!fs.existsSync(dir)) return { files: 0, bytes: 0 }
  const names = fs.readdirSync(dir).filter((name) => fs.statSync(path.join(dir, name)).isFile())
  return { files: names.length, bytes: names.reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0) }
}

async function settled(dir: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until && fs.readdirSync(dir).some((name) => /^\d+\.json$/.test(name)))
    await new Promise((resolve) => setTimeout(resolve, 250))
}

async function main() {
  const node = await serveNode(dataDir, PASS, viaFile)
  const spool = path.join(dataDir, 'spool')
  try {
    const before = node.rss()
    let sampledPeak = before.now
    const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, node.rss().now)), 50)
    const big = undecryptableEnvelope(30 * 1024 * 1024)
    const started = Date.now()
    const statuses = await Promise.all(Array.from({ length: 64 }, () => post(node.endpoint, big)))
    const answeredMs = Date.now() - started
    await settled(spool, 120_000)
    clearInterval(sampler)
    const peak = Math.max(node.rss().peak, sampledPeak)
    console.log(
      `64 x 30 MB: rss ${before.now} MB -> peak ${peak} MB, ${node.rss().now} MB after; answers ${JSON.stringify(tally(statuses))} in ${answeredMs} ms`,
    )
    record({ name: 'inbound.flood.peakRss', unit: 'MB', median: peak, p95: peak, runs: 1 })

    // The largest message taken: one of exactly the limit reaches the decryptor, one byte more is refused
    // (413 before its body is read; a sender still writing may see the connection reset instead).
    const limit = messageBytesForDocument(DEFAULT_MAX_DOCUMENT_BYTES)
    const atLimit = await post(node.endpoint, undecryptableEnvelope(limit).subarray(0, limit))
    const overLimit = await post(node.endpoint, Buffer.alloc(limit + 1, 0x20))
    console.log(`largest message: ${limit} bytes -> ${atLimit}; ${limit + 1} bytes -> ${overLimit}`)
    if (atLimit !== 413 && (overLimit === 413 || overLimit === 0))
      record({ name: 'inbound.maxMessageBytes', unit: 'bytes', median: limit, p95: limit, runs: 1 })

    const small = undecryptableEnvelope(4 * 1024 * 1024)
    const floodStarted = Date.now()
    const floodStatuses: number[] = []
    for (let round = 0; round < 8; round++)
      floodStatuses.push(...(await Promise.all(Array.from({ length: 64 }, () => post(node.endpoint, small)))))
    await settled(spool, 120_000)
    const dead = folderBytes(path.join(spool, 'dead'))
    console.log(
      `8 x 64 x 4 MB: ${dead.files} dead letters, ${(dead.bytes / 2 ** 20).toFixed(1)} MB in ${Date.now() - floodStarted} ms; answers ${JSON.stringify(tally(floodStatuses))}`,
    )
    const deadMb = Math.round((dead.bytes / 2 ** 20) * 100) / 100
    record({ name: 'inbound.flood.deadLetterMB', unit: 'MB', median: deadMb, p95: deadMb, runs: 1 })
  } finally {
    await node.stop()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

await main()
