import fs from 'node:fs'
import path from 'node:path'

import { BaseLogger, LogLevel } from '@credo-ts/core'

// Credo's log calls carry message payloads in `data`; those can hold personal data, and the log
// file is plaintext on disk. So only the message line and the name/message of an error are kept.
export class FileLogger extends BaseLogger {
  private readonly fd: number
  private closed = false

  constructor(
    file: string,
    logLevel: LogLevel = LogLevel.info,
    private readonly echo = process.env.CUSTOS_LOG_STDERR === '1',
  ) {
    super(logLevel)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    this.fd = fs.openSync(file, 'a', 0o600)
  }

  private write(level: LogLevel, name: string, message: string, data?: Record<string, unknown>): void {
    // Credo work still in flight when the node closes may log; those lines are dropped, not thrown.
    if (this.closed || !this.isEnabled(level)) return
    const error = data?.error instanceof Error ? ` (${data.error.name}: ${data.error.message})` : ''
    // A message can quote text another agent chose; escaping control characters keeps it on one line,
    // so it cannot forge a line of its own.
    const line = `${new Date().toISOString()} ${name} ${escapeControl(message + error)}\n`
    fs.writeSync(this.fd, line)
    if (this.echo) process.stderr.write(line)
  }

  close(): void {
    if (this.closed) return
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
