import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api'
import { isReply, type Command, type NodeEvent, type NodeProcessConfig, type Reply } from './protocol'

const SCRIPT = fileURLToPath(new URL('./nodeMain.ts', import.meta.url))

export class NodeProcessError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message)
    this.name = code ? `${code}Error` : 'NodeProcessError'
  }
}

/** The test's handle on a node in a child process: requests, events, stop and kill. */
export class NodeProcess {
  readonly events: NodeEvent[] = []
  private readonly pending = new Map<number, (reply: Reply) => void>()
  private readonly listeners = new Set<() => void>()
  private readonly exited: Promise<number | null>
  private nextId = 1
  private stderr = ''

  private constructor(
    readonly config: NodeProcessConfig,
    private readonly child: ChildProcess,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-20_000)))
    child.on('message', (message: unknown) => {
      if (isReply(message)) {
        this.pending.get(message.id)?.(message)
        this.pending.delete(message.id)
        return
      }
      this.events.push(message as NodeEvent)
      for (const listener of this.listeners) listener()
    })
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
    void this.exited.then(() => {
      for (const [id, resolve] of this.pending) {
        resolve({ id, ok: false, error: { name: 'Exited', message: `process exited; stderr: ${this.stderr}` } })
      }
      this.pending.clear()
      for (const listener of this.listeners) listener()
    })
  }

  // Three processes starting at once on two cores each load Credo 0.6 (ES modules) and open a store: a slow
  // start under load is not what any test here checks.
  static async start(config: NodeProcessConfig, timeoutMs = 90_000): Promise<NodeProcess> {
    const child = fork(SCRIPT, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, CUSTOS_NODE_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    const node = new NodeProcess(config, child)
    try {
      const first = await node.waitForEvent((e) => e.event === 'ready' || e.event === 'fatal', timeoutMs)
      if (first.event === 'fatal') throw new Error(`${config.label} failed to start: ${first.message}`)
    } catch (error) {
      // Not left running on the data directory: whoever tries again must be able to take it.
      await node.kill()
      throw error
    }
    return node
  }

  request<T>(command: Command, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`${this.config.label}: ${command.cmd} timed out after ${timeoutMs} ms`))
      }, timeoutMs)
      this.pending.set(id, (reply) => {
        clearTimeout(timer)
        if (reply.ok) resolve(reply.result as T)
        else reject(new NodeProcessError(reply.error.code, `${this.config.label}: ${reply.error.message}`))
      })
      this.child.send({ ...command, id })
    })
  }

  api<M extends ApiMethod>(method: M, input?: ApiInput<M>): Promise<ApiOutput<M>> {
    return this.request({ cmd: 'api', method, input })
  }

  /** Resolves with the first event (already seen or still to come) that matches. */
  waitForEvent(match: (event: NodeEvent) => boolean, timeoutMs = 30_000): Promise<NodeEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.find(match)
        if (found) return done(() => resolve(found))
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          done(() => reject(new Error(`${this.config.label} exited; stderr: ${this.stderr}`)))
        }
      }
      const timer = setTimeout(
        () => done(() => reject(new Error(`${this.config.label}: no matching event in ${timeoutMs} ms`))),
        timeoutMs,
      )
      const done = (settle: () => void) => {
        clearTimeout(timer)
        this.listeners.delete(check)
        settle()
      }
      this.listeners.add(check)
      check()
    })
  }

  basicMessages(): string[] {
    return this.events.flatMap((e) => (e.event === 'basicMessage' ? [e.content] : []))
  }

  /** Closes the node (store locked, data directory released) and waits for the process to end. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    await this.request({ cmd: 'stop' }).catch(() => undefined)
    await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
    if (this.child.exitCode === null && this.child.signalCode === null) await this.kill()
  }

  /** Resolves when the process ended, whoever ended it; with its exit code (null after a signal). */
  waitForExit(): Promise<number | null> {
    return this.exited
  }

  /** Ends the process at once, as a crash or power cut would. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    this.child.kill('SIGKILL')
    await this.exited
  }
}
