/**
 * What other agents choose can reach the log (a message type, an id, an error text), and so can their
 * number: every line is capped, and a flood of similar lines is written as one summary per interval.
 */
export const MAX_TOKEN_CHARS = 200
// Bytes, so a line with its time stamp and level stays under 1 KiB whatever the characters.
export const MAX_LINE_BYTES = 900

/** Cuts every run of more than MAX_TOKEN_CHARS non-space characters, and the whole text, saying how much went. */
export function capLogText(text: string): string {
  const tokensCut = text.replace(
    new RegExp(`\\S{${MAX_TOKEN_CHARS + 1},}`, 'g'),
    (token) => `${token.slice(0, MAX_TOKEN_CHARS)}…[+${token.length - MAX_TOKEN_CHARS} chars]`,
  )
  if (Buffer.byteLength(tokensCut) <= MAX_LINE_BYTES) return tokensCut
  let kept = MAX_LINE_BYTES - 40
  while (Buffer.byteLength(tokensCut.slice(0, kept)) > MAX_LINE_BYTES - 40) kept = Math.floor(kept * 0.9)
  return `${tokensCut.slice(0, kept)}…[+${tokensCut.length - kept} chars]`
}

/**
 * Lets through `perWindow` lines of one shape (the line with its numbers blanked, its start) per window;
 * the rest are counted, and the count is written as one line when the window ends.
 */
export class LogFloodGuard {
  private windowStart = 0
  private readonly written = new Map<string, number>()
  private readonly dropped = new Map<string, number>()

  constructor(
    private readonly perWindow = 20,
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Summaries of the window that just ended (to write first), and whether this line is written. */
  admit(line: string): { summaries: string[]; write: boolean } {
    const summaries = this.now() - this.windowStart >= this.windowMs ? this.endWindow() : []
    const shape = line.replace(/\d+/g, '#').slice(0, 48)
    const count = (this.written.get(shape) ?? 0) + 1
    this.written.set(shape, count)
    if (count <= this.perWindow) return { summaries, write: true }
    this.dropped.set(shape, (this.dropped.get(shape) ?? 0) + 1)
    return { summaries, write: false }
  }

  /** Lines for what was left out since the window began; starts a new window. */
  endWindow(): string[] {
    const seconds = Math.round(this.windowMs / 1000)
    const summaries = [...this.dropped].map(
      ([shape, count]) => `log: ${count} more lines like "${shape}…" in ${seconds} s were not written`,
    )
    this.written.clear()
    this.dropped.clear()
    this.windowStart = this.now()
    return summaries
  }
}
