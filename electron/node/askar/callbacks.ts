import koffi from 'koffi'
import type { AskarError } from '@openwallet-foundation/askar-shared'

import { type CallbackKind, ffiTypes } from './ffi-types'

export type AsyncCall = {
  kind: CallbackKind
  /** Starts the native call with the registered callback and its id; returns the immediate ErrorCode. */
  start: (callback: bigint, callbackId: number) => number
}

/** Turns the library's cb(cb_id, err, result) convention into promises. */
export class AsyncCalls {
  private nextId = 1
  private pending = 0
  private keepAlive: ReturnType<typeof setInterval> | undefined

  constructor(private readonly errorFor: (code: number) => AskarError) {}

  /**
   * convert turns a successful raw result into the value; release frees a raw result that will not
   * be used (an error, or a callback after the promise was already settled).
   */
  run<T>(call: AsyncCall, convert: (raw: unknown) => T, release?: (raw: unknown) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false
      let registered: bigint | undefined
      const settle = () => {
        settled = true
        this.release()
        const pointer = registered
        // Unregister once the native side has returned from the trampoline, never from inside it.
        if (pointer !== undefined) setImmediate(() => koffi.unregister(pointer))
      }
      const callback = (_id: unknown, err: unknown, raw?: unknown) => {
        if (settled) {
          release?.(raw)
          return
        }
        settle()
        const code = Number(err)
        if (code !== 0) {
          release?.(raw)
          reject(this.errorFor(code))
          return
        }
        try {
          resolve(convert(raw))
        } catch (error) {
          reject(error)
        }
      }
      try {
        registered = koffi.register(callback, koffi.pointer(ffiTypes()[call.kind]))
        this.retain()
        const code = call.start(registered, this.nextId++)
        // A non-zero code means the library will not call back (unless it already did, synchronously).
        if (code !== 0 && !settled) {
          settle()
          reject(this.errorFor(code))
        }
      } catch (error) {
        if (!settled && registered !== undefined) settle()
        reject(error)
      }
    })
  }

  // Koffi does not keep the event loop alive for registered callbacks; an idle loop would let Node
  // exit (and abort) while the library still has a result to deliver.
  private retain() {
    if (this.pending++ === 0) this.keepAlive = setInterval(() => undefined, 1 << 30)
  }

  private release() {
    if (--this.pending === 0 && this.keepAlive) {
      clearInterval(this.keepAlive)
      this.keepAlive = undefined
    }
  }
}
