import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { makeTmpDir } from '../../helpers/tmpDir'
import { freePort } from '../../helpers/freePort'
import { PASS, apiOf, startNode } from '../../helpers/nodes'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const SERVE = ['--import', 'tsx', 'electron/node/headless/serve.ts']

function serve(args: string[], env: Record<string, string> = { CUSTOS_PASSPHRASE: PASS }) {
  return spawn(process.execPath, [...SERVE, ...args], { cwd: ROOT, env: { ...process.env, ...env } })
}

/** Resolves with the `invitation:` line the headless node prints once it is ready. */
function invitationOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`no invitation within 60 s: ${err}`)), 60_000)
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split('\n').find((candidate) => candidate.startsWith('invitation: '))
      if (!line) return
      clearTimeout(timer)
      resolve(line.slice('invitation: '.length))
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)))
  })
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

describe('npm run serve: the headless node', () => {
  const tmp = makeTmpDir()
  afterAll(() => tmp.cleanup())

  it('creates its store, prints an invitation another node connects with, stops cleanly on SIGTERM, and reuses it', async () => {
    const dataDir = `${tmp.dir}/home-node`
    const port = await freePort()
    const first = serve(['--data-dir', dataDir, '--port', String(port), '--label', 'home'])
    const url = await invitationOf(first)
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}\\?oob=`))

    const bank = await startNode(`${tmp.dir}/bank`, { label: 'bank' })
    const accepted = await apiOf(bank)['connections.acceptInvitation']({ url })
    const connected = await bank.agent.didcomm.connections.returnWhenIsConnected(accepted.id, { timeoutMs: 20_000 })
    expect(connected.theirLabel).toBe('home')
    await bank.close()

    first.kill('SIGTERM')
    expect(await exitOf(first)).toBe(0)
    expect(fs.existsSync(path.join(dataDir, 'custos.lock'))).toBe(false)

    const second = serve(['--data-dir', dataDir, '--port', String(port), '--label', 'home'])
    expect(await invitationOf(second)).toBe(url)
    second.kill('SIGINT')
    expect(await exitOf(second)).toBe(0)
  })

  it('refuses a passphrase on the command line, a missing one, and a wrong one', () => {
    const run = (args: string[], env: Record<string, string>) =>
      spawnSync(process.execPath, [...SERVE, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' })
    const onArgv = run(['--data-dir', `${tmp.dir}/x`, '--passphrase', PASS], {})
    expect(onArgv.status).toBe(2)
    expect(onArgv.stderr).toContain('never taken from the command line')
    const missing = run(['--data-dir', `${tmp.dir}/x`], { CUSTOS_PASSPHRASE: '' })
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('CUSTOS_PASSPHRASE')
    const wrong = run(['--data-dir', `${tmp.dir}/home-node`, '--passphrase-env', 'OTHER'], {
      OTHER: 'not the passphrase',
    })
    expect(wrong.status).toBe(1)
    expect(wrong.stderr).toContain('passphrase is not correct')
  })

  it('creates no store with a passphrase shorter than the app allows', () => {
    const dataDir = `${tmp.dir}/short`
    const short = spawnSync(process.execPath, [...SERVE, '--data-dir', dataDir], {
      cwd: ROOT,
      env: { ...process.env, CUSTOS_PASSPHRASE: 'short' },
      encoding: 'utf8',
    })
    expect(short.status).toBe(1)
    expect(short.stderr).toContain('at least 8 characters')
    expect(fs.existsSync(path.join(dataDir, 'vault', 'askar.sqlite'))).toBe(false)
  })
})
