import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { parseServeArgs } from '../../../electron/node/headless/serveArgs'
import { makeTmpDir } from '../../helpers/tmpDir'

/** `npm run serve` with these arguments until it exits: its code and stderr. */
function serve(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/node/headless/serve.ts', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    }),
  )
}

// --issuer-ca lets a node started by command read an issuer's did:web over HTTPS with a demo or test CA.
describe('serve --issuer-ca', () => {
  const tmp = makeTmpDir()
  afterAll(() => tmp.cleanup())

  it('takes any number of CA files, and none by default', () => {
    expect(parseServeArgs(['--data-dir', 'd']).issuerCaFiles).toEqual([])
    const args = parseServeArgs(['--data-dir', 'd', '--issuer-ca', 'a.pem', '--issuer-ca', 'b.pem'])
    expect(args.issuerCaFiles).toEqual(['a.pem', 'b.pem'])
  })

  it('stops before opening anything, with a sentence, for a file that holds no certificate', async () => {
    const dataDir = path.join(tmp.dir, 'node')
    const notPem = path.join(tmp.dir, 'not.pem')
    fs.writeFileSync(notPem, 'hello')
    const wrong = await serve(['--data-dir', dataDir, '--ui', '--issuer-ca', notPem])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/--issuer-ca .*not\.pem holds no PEM certificate\./)
    expect(fs.existsSync(dataDir)).toBe(false)
  }, 120_000)
})
