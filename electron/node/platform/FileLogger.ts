import fs from 'node:fs'
import path from 'node:path'

import { BaseLogger, LogLevel } from '@credo-ts/core'

import { capLogText, LogFloodGuard } from './logFlood'

// Credo's log calls carry message payloads in `data`; those can hold personal data, and the log
// file is plaintext on disk. So only the message line and the name/message of an error are kept.
export interface LogRotation {
  /** Size at which the log moves to node.log.1 and a new one starts. */
  maxBytes: number
  /** How many older files (node.log.1 … node.log.N) are kept. */
  keep: number
}

const DEFAULT_ROTATION: LogRotation = { maxBytes: 5 * 1024 * 1024, keep: 3 }

export class FileLogger extends BaseLogger {
  private fd: number
  private size: number
  private closed = false

  constructor(
    private readonly file: string,
    logLevel: LogLevel = LogLevel.info,
    private readonly echo = process.env.CUSTOS_LOG_STDERR === '1',
    private readonly rotation: LogRotation = DEFAULT_ROTATION,
    private readonly flood = new LogFloodGuard(),
  ) {
    super(logLevel)
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    this.fd = fs.openSync(file, 'a', 0o600)
    this.size = fs.fstatSync(this.fd).size
  }

  // A node left running for months must not fill the disk with its log.
  private rotate(): void {
    fs.closeSync(this.fd)
    fs.rmSync(`${this.file}.${this.rotation.keep}`, { force: true })
    for (let n = this.rotation.keep - 1; n >= 1; n--) {
      if (fs.existsSync(`${this.file}.${n}`)) fs.renameSync(`${this.file}.${n}`, `${this.file}.${n + 1}`)
    }
    if (this.rotation.keep > 0) fs.renameSync(this.file, `${this.file}.1`)
    else fs.rmSync(this.file, { force: true })
    this.fd = fs.openSync(this.file, 'a', 0o600)
    this.size = 0
  }

  private write(level: LogLevel, name: string, message: string, data?: Record<string, unknown>): void {
    // Credo work still in flight when the node closes may log; those lines are dropped, not thrown.
    if (this.closed || !this.isEnabled(level)) return
    const error = data?.error instanceof Error ? ` (${data.error.name}: ${data.error.message})` : ''
    // A message can quote text another agent chose; escaping control characters keeps it on one line,
    // so it cannot forge a line of its own, and capping it keeps one sender from filling the log.
    const text = capLogText(escapeControl(message + error))
    const { summaries, write } = this.flood.admit(text)
    for (const summary of summaries) this.append('WARN', summary)
    if (write) this.append(name, text)
  }

  private append(name: string, text: string): void {
    const line = `${new Date().toISOString()} ${name} ${text}\n`
    const bytes = Buffer.byteLength(line)
    if (this.size > 0 && this.size + bytes > this.rotation.maxBytes) this.rotate()
    fs.writeSync(this.fd, line)
    this.size += bytes
    if (this.echo) process.stderr.write(line)
  }

  close(): void {
    if (this.closed) return
    for (const summary of this.flood.endWindow()) this.append('WARN', summary)
    this.closed = true
    fs.closeSync(this.fd)
  }

  test = (message: string, data?: Record<string, unknown>) => this.write(LogLevel.test, 'TEST', message, data)
  trace = (message: string, data?: Record<string, unknown>) => this.write(LogLevel.trace, 'TRACE', message, data)
  debug = (message: string, data?: Record<string, unknown>) => this.write(LogLevel.debug, 'DEBUG', message, data)
  info = (message: string, data?: Record<string, unknown>) => this.write(LogLevel.info, 'INFO', message, data)
  warn = (message: string, data?: Record<string, unknown>) => this.write(LogLevel.warn, 'WARN', message, data)
  error = (message: string, data?: Record<string, unknown>) => this.write(LogLevel.error, 'ERROR', message, data)
  fatal = (message: string, data?: Record<string, unknown>) => this.write(LogLevel.fatal, 'FATAL', message, data)
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/g

function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
