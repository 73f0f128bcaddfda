import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { undecryptableEnvelope } from '../../../scripts/bench/inbound-flood/hostileEnvelope'
import { post, tally } from '../../../scripts/bench/inbound-flood/post'
import { serveNode, type ServedNode } from '../../../scripts/bench/inbound-flood/servedNode'
import { makeTmpDir } from '../../helpers/tmpDir'

const PASS = 'a passphrase only the file knows 7q'
const ROOT = path.resolve(import.meta.dirname, '../../..')

describe('`npm run serve` as an attacker on the same machine meets it', () => {
  const tmp = makeTmpDir('custos-served-')
  let node: ServedNode
  beforeAll(async () => {
    node = await serveNode(path.join(tmp.dir, 'node'), PASS)
  }, 120_000)
  afterAll(async () => {
    await node?.stop()
    tmp.cleanup()
  })

  it('keeps the passphrase out of its environment when it came from a 0600 file', () => {
    const environ = fs.readFileSync(`/proc/${node.child.pid}/environ`)
    expect(environ.includes(Buffer.from(PASS))).toBe(false)
    expect(environ.includes(Buffer.from('CUSTOS_PASSPHRASE=a passphrase'))).toBe(false)
  })

  it('holds its size while 64 envelopes of 30 MB arrive at once, and answers each', async () => {
    // The same 64 requests small first: what the node loads on its first requests is not the flood's cost.
    const small = undecryptableEnvelope(1024)
    await Promise.all(Array.from({ length: 64 }, () => post(node.endpoint, small)))
    const before = node.rss().now
    const body = undecryptableEnvelope(30 * 1024 * 1024)
    const statuses = await Promise.all(Array.from({ length: 64 }, () => post(node.endpoint, body)))
    expect(
      statuses.every((status) => [202, 422, 429, 503].includes(status)),
      JSON.stringify(tally(statuses)),
    ).toBe(true)
    // 1.9 GB arrive; the node grows by about 220 MB while they do (sockets and buffers read and thrown
    // away; bounding the discard did not change it), from about 285 MB: 500 MB at the peak, on stop 36's
    // tree as well, so the old absolute bound of 500 MB failed about one run in two. What is held must stay
    // far below what is sent; the node's own size is issue 26's figure in `npm run bench`.
    const { peak } = node.rss()
    console.log(`served node under the flood: ${before} MB before, ${peak} MB at the peak`)
    expect(peak - before).toBeLessThan(320)
  }, 180_000)

  it('refuses a passphrase file others can read, and warns when the passphrase comes from the environment', () => {
    const open = path.join(tmp.dir, 'open-passphrase')
    fs.writeFileSync(open, PASS, { mode: 0o644 })
    fs.chmodSync(open, 0o644)
    const serve = (args: string[], env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'electron/node/headless/serve.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        encoding: 'utf8',
        timeout: 60_000,
      })
    const refused = serve(['--data-dir', path.join(tmp.dir, 'other'), '--passphrase-file', open], {
      CUSTOS_PASSPHRASE: '',
    })
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('chmod 600')
    expect(fs.existsSync(path.join(tmp.dir, 'other', 'vault'))).toBe(false)
    // A short passphrase ends the start-up right after it was read: the warning is all that is needed.
    const fromEnv = serve(['--data-dir', path.join(tmp.dir, 'third')], { CUSTOS_PASSPHRASE: 'short' })
    expect(fromEnv.stderr).toContain('/proc/<pid>/environ')
  }, 120_000)
})
