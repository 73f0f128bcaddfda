import { EventEmitter } from 'node:events'

import { utilityProcess, type UtilityProcess } from 'electron'

import type { IpcReply } from '../../shared/ipc'
import { HOST_V8_FLAGS, hostArgs, type FromHost, type NodeHostArgs, type ToHost } from '../nodeHost/protocol'
import { keepOrForget, type HostKeychain } from './deviceKey'

const NOT_RUNNING: IpcReply = {
  ok: false,
  error: { code: 'Internal', message: 'The Custos node stopped unexpectedly and is starting again. Try again.' },
}
// More crashes than this in a minute is a fault a restart will not fix; the window says so instead.
const MAX_RESTARTS_PER_MINUTE = 3

export interface NodeHostEvents {
  live: [topic: string, data: object | undefined]
  /** The node died and was started again (its store is locked now), or could not be. */
  crashed: [restarting: boolean]
}

/**
 * Main's side of the node host: starts it in a utilityProcess, relays each API call over its port and
 * matches the reply, and starts it again when it dies (every pending call is answered, not left hanging).
 */
export class NodeHostClient extends EventEmitter<NodeHostEvents> {
  private child?: UtilityProcess
  private nextId = 1
  private readonly pending = new Map<number, (reply: IpcReply) => void>()
  private closing = false
  private restarts: number[] = []

  constructor(
    private readonly entry: string,
    private readonly args: NodeHostArgs,
    private readonly keychain?: HostKeychain,
  ) {
    super()
  }

  /** Resolves once the node is open on its data directory; rejects with the reason it could not be. */
  start(): Promise<void> {
    // The keychain's state now, not at the first start: a restarted host must not count on a dropped key.
    const args = hostArgs({ ...this.args, keychain: this.keychain?.state })
    const child = utilityProcess.fork(this.entry, args, {
      serviceName: 'Custos node',
      stdio: 'inherit',
      execArgv: HOST_V8_FLAGS,
    })
    this.child = child
    return new Promise((resolve, reject) => {
      child.on('message', (message: FromHost) => {
        if (message.kind === 'ready') resolve()
        else if (message.kind === 'fatal') reject(new Error(message.message))
        else if (message.kind === 'reply') this.settle(message.id, message.reply)
        else if (message.kind === 'live') this.emit('live', message.topic, message.data)
        else if (message.kind === 'keepDeviceKey') {
          // The node asks to keep or forget the store's key: done here, in main, answered on the same line.
          const error = keepOrForget(this.keychain, message.key)
          child.postMessage({ kind: 'deviceKeyKept', id: message.id, error } satisfies ToHost)
        }
      })
      child.once('exit', (code) => {
        reject(new Error(`The Custos node exited before it was ready (code ${code}).`))
        this.onExit(child)
      })
    })
  }

  call(method: unknown, input: unknown): Promise<IpcReply> {
    if (typeof method !== 'string') return Promise.resolve(NOT_RUNNING)
    return this.request((id) => ({ kind: 'call', id, method, input }))
  }

  /** Main's own call, never a window's: open the store with the key the keychain kept. */
  openWithDeviceKey(key: string): Promise<IpcReply> {
    return this.request((id) => ({ kind: 'openWithDeviceKey', id, key }))
  }

  private request(message: (id: number) => ToHost): Promise<IpcReply> {
    const child = this.child
    if (!child) return Promise.resolve(NOT_RUNNING)
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      child.postMessage(message(id))
    })
  }

  /** Asks the node to lock its store and give the data directory back, then waits for it to exit. */
  async close(timeoutMs = 15_000): Promise<void> {
    this.closing = true
    const child = this.child
    if (!child) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.postMessage({ kind: 'close' } satisfies ToHost)
    const timer = setTimeout(() => child.kill(), timeoutMs)
    await exited
    clearTimeout(timer)
  }

  private settle(id: number, reply: IpcReply): void {
    this.pending.get(id)?.(reply)
    this.pending.delete(id)
  }

  private onExit(child: UtilityProcess): void {
    if (this.child !== child) return
    this.child = undefined
    for (const id of [...this.pending.keys()]) this.settle(id, NOT_RUNNING)
    if (this.closing) return
    const now = Date.now()
    this.restarts = [...this.restarts.filter((at) => now - at < 60_000), now]
    const restarting = this.restarts.length <= MAX_RESTARTS_PER_MINUTE
    this.emit('crashed', restarting)
    if (restarting) void this.start().catch(() => this.emit('crashed', false))
  }
}
