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
    this.fd = fs.openSync(file, 'a')
  }

  private write(level: LogLevel, name: string, message: string, data?: Record<string, unknown>): void {
    // Credo work still in flight when the node closes may log; those lines are dropped, not thrown.
    if (this.closed || !this.isEnabled(level)) return
    const error = data?.error instanceof Error ? ` (${data.error.name}: ${data.error.message})` : ''
    const line = `${new Date().toISOString()} ${name} ${message}${error}\n`
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
