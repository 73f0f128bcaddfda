import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../../..')

export interface ServedNode {
  child: ChildProcess
  endpoint: string
  /** The resident set of the node's process now, and its peak since it started, in MB. */
  rss(): { now: number; peak: number }
  stop(): Promise<void>
}

/**
 * `npm run serve` as a person starts it, in its own process, so its memory is the node's alone. The
 * passphrase goes in a 0600 file (`--passphrase-file`), or in the environment where that flag is unknown.
 */
export async function serveNode(dataDir: string, passphrase: string, viaFile = true): Promise<ServedNode> {
  const passFile = path.join(path.dirname(dataDir), 'passphrase')
  fs.writeFileSync(passFile, passphrase, { mode: 0o600 })
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/node/headless/serve.ts',
      '--data-dir',
      dataDir,
      ...(viaFile ? ['--passphrase-file', passFile] : []),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, CUSTOS_PASSPHRASE: viaFile ? '' : passphrase },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = ''
    let err = ''
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /endpoints: (http:\/\/\S+)/.exec(out)
      if (match) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)))
  })
  const status = (field: string) => {
    const text = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? NaN)
    return Math.round(kb / 1024)
  }
  return {
    child,
    endpoint,
    rss: () => ({ now: status('VmRSS'), peak: status('VmHWM') }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
