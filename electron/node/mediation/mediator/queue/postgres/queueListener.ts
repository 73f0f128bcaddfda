import type { Logger } from '@credo-ts/core'
import pg from 'pg'

import { CustosError } from '../../../../../../shared/errors'
import { LOCK_NAMESPACE, NOTIFY_CHANNEL } from './pgQueueQueries'

export interface QueuedNotice {
  /** The instance that queued it. */
  instance: string
  connectionId: string
  recipientDids: string[]
}

export interface QueueListener {
  close(): Promise<void>
}

const RETRY_MS = 1_000

/**
 * One session per instance that LISTENs for messages queued by the other instances, and holds this
 * instance's advisory lock: while it lasts, the instance's leases are its own; when the process dies,
 * PostgreSQL ends the session and the lock with it, and the other instances may hand its leased messages
 * out again. Lost sessions are reopened; a notice sent meanwhile is missed, and the message then waits
 * for the recipient's next pickup rather than being pushed.
 */
export async function listenForQueued(
  url: string,
  instanceId: string,
  logger: Logger,
  onNotice: (notice: QueuedNotice) => void,
): Promise<QueueListener> {
  let closed = false
  let client: pg.Client | undefined

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
    next.on('notification', ({ payload }) => {
      const notice = parseNotice(payload)
      if (notice && notice.instance !== instanceId) onNotice(notice)
    })
    next.on('error', (error) => logger.warn('mediator queue listener lost its session', { error }))
    next.on('end', () => {
      if (closed || client !== next) return
      client = undefined
      setTimeout(reconnect, RETRY_MS)
    })
    await next.connect()
    const { rows } = await next.query<{ locked: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as locked', [
      LOCK_NAMESPACE,
      instanceId,
    ])
    if (!rows[0]?.locked) {
      await next.end()
      throw new CustosError('StoreBusy', `Another mediator instance with the id ${instanceId} is running.`)
    }
    await next.query(`LISTEN ${NOTIFY_CHANNEL}`)
    client = next
  }
  const reconnect = (): void => {
    if (closed) return
    connect().catch((error: unknown) => {
      logger.warn('mediator queue listener could not reconnect', { error })
      setTimeout(reconnect, RETRY_MS)
    })
  }

  await connect()
  return {
    close: async () => {
      closed = true
      await client?.end().catch(() => undefined)
    },
  }
}

export function noticeText(notice: QueuedNotice): string {
  return JSON.stringify(notice)
}

function parseNotice(payload: string | undefined): QueuedNotice | undefined {
  try {
    const value = JSON.parse(payload ?? '') as Partial<QueuedNotice>
    if (typeof value.instance !== 'string' || typeof value.connectionId !== 'string') return undefined
    const dids = Array.isArray(value.recipientDids) ? value.recipientDids.filter((d) => typeof d === 'string') : []
    return { instance: value.instance, connectionId: value.connectionId, recipientDids: dids }
  } catch {
    return undefined
  }
}
