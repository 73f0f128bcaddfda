import { spawn } from 'node:child_process'

import { afterEach, describe, expect, it } from 'vitest'

import { makeTmpDir } from '../../helpers/tmpDir'

/** Resolves with everything printed so far once `pattern` appears in it. */
function waitForOutput(read: () => string, pattern: RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (pattern.test(read())) resolve(read())
      else if (Date.now() > deadline) reject(new Error(`no ${pattern} in:\n${read()}`))
      else setTimeout(poll, 100)
    }
    poll()
  })
}

describe('npm run demo', () => {
  const tmp = makeTmpDir()
  afterEach(() => tmp.cleanup())

  it('runs the whole flow between the companies and a node, printing it, and stops cleanly on SIGINT', async () => {
    // The same command as the package.json script line, without npm in between to relay the signal.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo/run.ts', '--data-dir', tmp.dir], {
      env: { ...process.env, CUSTOS_PASSPHRASE: 'demo test passphrase' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      const printed = await waitForOutput(() => output, /mortgage application: verified/, 120_000)
      expect(printed).toMatch(/Population Registry +invitation: http:\/\/127\.0\.0\.1:\d+\?oob=/)
      expect(printed).toMatch(/Lender +invitation: /)
      expect(printed).toMatch(/Person \(node\) +stored IdentityCredential/)
      // The registry as the field issues: citizenship v1 from its own did:web over HTTPS (the demo CA).
      expect(printed).toMatch(
        /Person \(node\) +stored PermanentResidentCard, issued by did:web:127\.0\.0\.1%3A\d+, delivered by Population Registry, signature valid/,
      )
      expect(printed).toMatch(/Lender +verified IdentityCredential \(vc\+sd-jwt\)/)
      // Issue 23: the insurer's home-insurance policy, issued beside the other samples.
      expect(printed).toMatch(/Person \(node\) +stored HomeInsurancePolicyCredential/)
      expect(printed.match(/Lender +verified PDF statement-\d{4}-\d{2}\.pdf/g)).toHaveLength(3)
      // Issue 32: a counter-offer accepted by the lender (countersigned), refused by the insurer, and the
      // deletion after the agreement ended acknowledged, signed.
      const agreements = await waitForOutput(() => output, /Lender +confirmed the deletion/, 60_000)
      expect(agreements).toMatch(
        /Lender +accepted the counter-offer \(agreement agreed, signed by z6Mk\w+ and z6Mk\w+\)/,
      )
      expect(agreements).toMatch(/Insurer +refused the counter-offer: We keep policy records for seven years/)
      expect(agreements).toMatch(/Lender +confirmed the deletion, signed \(terminated\)/)
      // Issue 23: the joint mortgage application, the second applicant on a node of his own.
      const joint = await waitForOutput(() => output, /joint mortgage application: both applicants verified/, 90_000)
      expect(joint).toMatch(/Ben \(node\) +the demo person asks him to join the joint application: joins/)
      expect(joint.match(/Lender +verified the part of [A-Z][a-z]+ [A-Z][a-z]+ \(application /g)).toHaveLength(2)
      // ... then the insurer's home-insurance renewal, each owner's part from their own node.
      const renewal = await waitForOutput(() => output, /home insurance renewal: both owners verified/, 90_000)
      expect(
        renewal.match(/Insurer +verified the part of [A-Z][a-z]+ [A-Z][a-z]+: address and 1 property record/g),
      ).toHaveLength(2)
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(0)
    expect(output).toMatch(/Demo +stopped/)
  }, 240_000)
})
