import fs from 'node:fs'

/**
 * Locks the store after a stretch without the person using the app (no API call but status reads).
 * The chosen time is a preference, not a secret: it sits in a small file beside the store, so it holds
 * while the store is locked and after a restart.
 */
export class AutoLock {
  private minutes: number | null
  private timer?: NodeJS.Timeout

  constructor(
    private readonly settingsFile: string,
    private readonly lock: () => Promise<void>,
    private readonly unitMs = 60_000,
  ) {
    this.minutes = readMinutes(settingsFile)
  }

  get afterMinutes(): number | null {
    return this.minutes
  }

  set(minutes: number | null): void {
    fs.writeFileSync(this.settingsFile, JSON.stringify({ autoLockMinutes: minutes }), { mode: 0o600 })
    this.minutes = minutes
  }

  /** The person did something: the idle time starts again. Call while unlocked; `stop` when locked. */
  touch(): void {
    clearTimeout(this.timer)
    if (this.minutes === null) return
    this.timer = setTimeout(() => void this.lock(), this.minutes * this.unitMs)
    // An idle timer never keeps a closing process alive.
    this.timer.unref()
  }

  stop(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }
}

function readMinutes(file: string): number | null {
  try {
    const value = (JSON.parse(fs.readFileSync(file, 'utf8')) as { autoLockMinutes?: unknown }).autoLockMinutes
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null
  } catch {
    // No file yet (or one damaged by hand): no auto-lock until the person sets one.
    return null
  }
}
