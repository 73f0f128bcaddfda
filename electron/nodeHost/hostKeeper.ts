import type { DeviceKeyKeeper } from '../node/vault'
import type { FromHost, KeychainState } from './protocol'

/**
 * The node's keeper of the device key, in the node host: it asks main, over the host's private channel,
 * to keep the key in the OS keychain or forget it, and waits for the answer. The key goes to main only,
 * never into a reply that main relays to a window.
 */
export class HostKeyKeeper implements DeviceKeyKeeper {
  readonly available: boolean
  holdsKey: boolean
  private nextId = 1
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>()

  constructor(
    state: KeychainState,
    private readonly send: (message: FromHost) => void,
  ) {
    this.available = state !== 'unavailable'
    this.holdsKey = state === 'holds'
  }

  async keep(rawKey: string): Promise<void> {
    await this.ask(rawKey)
    this.holdsKey = true
  }

  async forget(): Promise<void> {
    await this.ask(null)
    this.holdsKey = false
  }

  /** Main's answer to one request. */
  settle(id: number, error?: string): void {
    const waiting = this.pending.get(id)
    this.pending.delete(id)
    if (error === undefined) waiting?.resolve()
    else waiting?.reject(new Error(error))
  }

  private ask(key: string | null): Promise<void> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.send({ kind: 'keepDeviceKey', id, key })
    })
  }
}
