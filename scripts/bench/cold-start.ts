// Figures, not a test: launch to ready of the node host (the process the desktop app runs in Electron's
// utilityProcess; forked here as the tests do), with the store opened by the passphrase through
// Argon2i-mod and by the raw key the OS keychain gives a device that remembers it; then the host's
// resident memory, idle after the unlock. Uses the built host (out/main/nodeHost.js), as the app does.
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../electron/node/askar/register'

import { execFileSync, fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { HOST_V8_FLAGS, type FromHost, type ToHost } from '../../electron/nodeHost/protocol'
import { CustosNode } from '../../electron/node'
import type { DeviceKeyKeeper } from '../../electron/node/vault'
import { quick, record, summarize } from './results'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const hostEntry = path.join(root, 'out', 'main', 'nodeHost.js')
const PASS = 'a passphrase for benchmarking'
const rounds = quick ? 2 : 7
const idleMs = quick ? 2_000 : 8_000

// A store made the way the app makes one; remembered, it is keyed by a raw key this keeper catches.
async function prepare(remember: boolean): Promise<{ dir: string; key?: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-'))
  let key: string | undefined
  const keeper: DeviceKeyKeeper = {
    available: true,
    holdsKey: false,
    keep: async (raw) => void (key = raw),
    forget: async () => void (key = undefined),
  }
  const node = CustosNode.open({ dataDir: dir, kdf: 'argon2i-mod', deviceKeys: keeper })
  await node.createStore(PASS)
  if (remember) await node.setRemembered(PASS, true)
  await node.close()
  return { dir, key }
}

function next(child: ChildProcess, wanted: (message: FromHost) => boolean): Promise<FromHost> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromHost) => {
      if (!wanted(message)) return
      child.off('message', onMessage)
      resolve(message)
    }
    child.on('message', onMessage)
    child.once('exit', (code) => reject(new Error(`the node host exited (${code})`)))
  })
}

async function ask(child: ChildProcess, message: ToHost & { id: number }): Promise<void> {
  const reply = next(child, (m) => m.kind === 'reply' && m.id === message.id)
  child.send(message)
  const answer = await reply
  if (answer.kind === 'reply' && !answer.reply.ok) throw new Error(answer.reply.error.message)
}

// Linux's /proc first (no extra process while measuring); ps elsewhere.
function rssMiB(pid: number): number {
  const status = `/proc/${pid}/status`
  const kib = fs.existsSync(status)
    ? Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(status, 'utf8'))?.[1])
    : Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim())
  return Math.round((kib / 1024) * 10) / 10
}

/** From the spawn to the first answer of the unlocked node; then its memory after `idleMs`. */
async function launch(dir: string, key?: string): Promise<{ ms: number; readyMs: number; rss: number }> {
  const started = performance.now()
  const keychain = key ? 'holds' : 'empty'
  // The app's V8 flags only: fork would hand the host this script's `--import tsx`, loading a TypeScript
  // compiler into it that Electron's utilityProcess never has (it cost about 130 MiB and a second here).
  const child = fork(hostEntry, ['--data-dir', dir, '--keychain', keychain], {
    execArgv: HOST_V8_FLAGS,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  await next(child, (m) => m.kind === 'ready')
  const readyMs = performance.now() - started
  if (key) await ask(child, { kind: 'openWithDeviceKey', id: 1, key })
  else await ask(child, { kind: 'call', id: 1, method: 'vault.unlock', input: { passphrase: PASS } })
  await ask(child, { kind: 'call', id: 2, method: 'vault.status', input: undefined })
  const ms = performance.now() - started
  await new Promise((resolve) => setTimeout(resolve, idleMs))
  const rss = rssMiB(child.pid ?? 0)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.send({ kind: 'close' } satisfies ToHost)
  await exited
  return { ms, readyMs, rss }
}

if (!fs.existsSync(hostEntry)) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' })
const argon = await prepare(false)
const remembered = await prepare(true)
const samples = { argon: [] as number[], raw: [] as number[], rss: [] as number[], ready: [] as number[] }
try {
  // Alternated, so a noisy neighbour on the machine weighs on both alike.
  for (let i = 0; i < rounds; i++) {
    const a = await launch(argon.dir)
    const r = await launch(remembered.dir, remembered.key)
    samples.argon.push(a.ms)
    samples.raw.push(r.ms)
    samples.rss.push(a.rss, r.rss)
    samples.ready.push(a.readyMs, r.readyMs)
  }
} finally {
  for (const dir of [argon.dir, remembered.dir]) fs.rmSync(dir, { recursive: true, force: true })
}
// The host's own start (loading the node's modules and Askar) apart, so the unlock's share shows.
record({ name: 'coldStart.hostReady', unit: 'ms', ...summarize(samples.ready) })
record({ name: 'coldStart.launch.argon2i-mod', unit: 'ms', ...summarize(samples.argon) })
record({ name: 'coldStart.launch.raw-key', unit: 'ms', ...summarize(samples.raw) })
record({ name: 'coldStart.rss.idle', unit: 'MiB', ...summarize(samples.rss) })
