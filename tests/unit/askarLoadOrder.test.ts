import { execFileSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

// Each order runs in a fresh Node process: what Credo's askar module sees is fixed at the first ES import
// of askar-shared, so it cannot be tried twice in one process.
function run(script: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
  }).trim()
}

// What @credo-ts/askar reads: the `askar` of askar-shared's ES view, and a key operation through Credo's KMS path.
const PROBE = `
const { askar } = await import('@openwallet-foundation/askar-shared')
await import('@credo-ts/askar')
let seen
try { seen = typeof askar?.version === 'function' ? askar.version() : 'none' } catch (e) { seen = 'error: ' + e.message }
console.log(seen)
`

describe('start-up order of the Askar binding', () => {
  it('the node host entry and the tests register it before Credo reads it', () => {
    const seen = run(
      `await import('./electron/node/askar/register.ts'); await import('./electron/node/askar/index.ts'); ${PROBE}`,
    )
    expect(seen).toMatch(/^0\.4\.\d+/)
  })

  it('registered after the first import, Credo never sees it (what the order guards against)', () => {
    const seen = run(
      `${PROBE.replace("await import('@credo-ts/askar')", "await import('@credo-ts/askar'); await import('./electron/node/askar/index.ts')")}`,
    )
    expect(seen).toBe('none')
  })
})
