import koffi from 'koffi'
import { AskarError, LocalKeyHandle } from '@openwallet-foundation/askar-shared'
import type {
  AskarErrorObject,
  NativeLogCallback,
  SetCustomLoggerOptions,
  SetMaxLogLevelOptions,
} from '@openwallet-foundation/askar-shared'

import { AsyncCalls, type AsyncCall } from './callbacks'
import { ffiTypes, type RawBuffer } from './ffi-types'
import { loadNativeAskar, type NativeAskar } from './library'
import { takeBuffer, takeString, unexpected } from './memory'

// The library keeps one logger per process (a OnceLock), so the trampoline handed to it is
// registered once and never unregistered; clearing only swaps what it forwards to.
let logTarget: NativeLogCallback | undefined
let logTrampoline: bigint | undefined

/** Library loading, error retrieval, logging and the out-parameter patterns every area uses. */
export class KoffiAskarBase {
  private loaded: NativeAskar | undefined
  protected readonly calls = new AsyncCalls((code) => this.getAskarError(code))

  constructor(private readonly libraryFile?: string) {}

  /** Loaded on first use, so that importing the binding never throws. */
  protected get native(): NativeAskar {
    this.loaded ??= loadNativeAskar(this.libraryFile)
    return this.loaded
  }

  // Same as the reference: the library keeps only the last error, so a code that does not match it
  // means another call has overwritten the details.
  protected getAskarError(code: number): AskarError {
    const error = this.getCurrentError()
    if (error.code !== code) {
      return new AskarError({
        code,
        message:
          'Error details have already been overwritten on the native side, unable to retrieve error message for the error',
      })
    }
    return new AskarError(error)
  }

  protected handleError(code: number): void {
    if (code !== 0) throw this.getAskarError(code)
  }

  protected async<T>(call: AsyncCall, convert: (raw: unknown) => T, release?: (raw: unknown) => void): Promise<T> {
    return this.calls.run(call, convert, release)
  }

  /** Calls fn with a pointer out-slot; the pointer is null when the library wrote NULL. */
  protected outPointer(fn: (out: [unknown]) => number): unknown {
    const out: [unknown] = [null]
    this.handleError(fn(out))
    return out[0]
  }

  protected outNumber(fn: (out: [number]) => number): number {
    const out: [number] = [0]
    this.handleError(fn(out))
    return Number(out[0])
  }

  protected outString(fn: (out: [unknown]) => number): string | null {
    return takeString(this.native, this.outPointer(fn))
  }

  protected outRequiredString(fn: (out: [unknown]) => number): string {
    const value = this.outString(fn)
    if (value === null) throw unexpected('string result')
    return value
  }

  protected outBuffer(fn: (out: Partial<RawBuffer>) => number): Uint8Array {
    const out: Partial<RawBuffer> = {}
    this.handleError(fn(out))
    return takeBuffer(this.native, { len: out.len ?? 0, data: out.data ?? null })
  }

  protected outLocalKey(fn: (out: [unknown]) => number): LocalKeyHandle {
    const pointer = this.outPointer(fn)
    if (pointer === null || pointer === undefined) throw unexpected('key handle')
    return new LocalKeyHandle(String(pointer))
  }

  version(): string {
    const version = takeString(this.native, this.native.askar_version())
    if (version === null) throw unexpected('version')
    return version
  }

  getCurrentError(): AskarErrorObject {
    const out: [unknown] = [null]
    this.native.askar_get_current_error(out)
    const json = takeString(this.native, out[0])
    if (json === null) throw unexpected('current error')
    return JSON.parse(json) as AskarErrorObject
  }

  clearCustomLogger(): void {
    this.native.askar_clear_custom_logger()
    logTarget = undefined
  }

  // enabled/flush are not callbacks in the JS interface; the reference passes them as integers
  // where the library expects function pointers, so a true value would crash it. NULL is the safe
  // reading of "not given".
  setCustomLogger({ logLevel, logger }: SetCustomLoggerOptions): void {
    logTrampoline ??= koffi.register(
      (...args: Parameters<NativeLogCallback>) => logTarget?.(...args),
      koffi.pointer(ffiTypes().logCallback),
    )
    // Set before the call: the library logs its own initialisation through the new logger.
    const previous = logTarget
    logTarget = logger
    try {
      this.handleError(this.native.askar_set_custom_logger(null, logTrampoline, null, null, logLevel))
    } catch (error) {
      logTarget = previous
      throw error
    }
  }

  setDefaultLogger(): void {
    this.handleError(this.native.askar_set_default_logger())
  }

  setMaxLogLevel({ logLevel }: SetMaxLogLevelOptions): void {
    this.handleError(this.native.askar_set_max_log_level(logLevel))
  }
}
