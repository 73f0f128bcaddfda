import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../../..')

export interface ServedUi {
  url: string
  child: ChildProcess
  /** A new one-time sign-in link, as a person gets one: SIGUSR1 to the serve process. */
  freshUrl(): Promise<string>
  /** SIGTERM, then the exit code (0 when the node closed cleanly). */
  stop(): Promise<number | null>
}

/** `serve --ui` in a child process, as a person starts it; resolves with the printed ui: address. */
export function serveUi(dataDir: string, extraArgs: string[] = []): Promise<ServedUi> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/node/headless/serve.ts', '--data-dir', dataDir, '--ui', ...extraArgs],
    // No passphrase in the environment: in web mode it is typed in the page.
    { cwd: ROOT, env: { ...process.env, CUSTOS_PASSPHRASE: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    return exited
  }
  // Every ui: line the process printed, in order, and who waits for the next one.
  const links: string[] = []
  const waiting: ((url: string) => void)[] = []
  const freshUrl = () =>
    new Promise<string>((resolve) => {
      waiting.push(resolve)
      child.kill('SIGUSR1')
    })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`serve --ui printed no ui: line in 60 s. stderr: ${err}`)), 60_000)
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const lines = out.split('\n')
      out = lines.pop() ?? ''
      for (const line of lines.filter((candidate) => candidate.startsWith('ui: '))) {
        const url = line.slice('ui: '.length).trim()
        links.push(url)
        if (links.length === 1) {
          clearTimeout(timer)
          resolve({ url, child, freshUrl, stop })
        } else waiting.shift()?.(url)
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`serve --ui exited with ${code}. stderr: ${err}`))
    })
  })
}
