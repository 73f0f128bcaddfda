import { InjectionSymbols, type AgentContext } from '@credo-ts/core'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import type { Subject } from 'rxjs'

import { describePostgres, postgresError, type PostgresConnection } from '../../../../postgres'
import { deliverOnNotice } from './deliverOnNotice'
import { migratePgQueue } from './migratePgQueue'
import { releaseLeasesOf } from './pgQueueQueries'
import { listenForQueued } from './queueListener'

/** The opened queue database of one instance; registered under PG_QUEUE while the agent runs. */
export interface PgQueue {
  db: NodePgDatabase
  instanceId: string
}

export const PG_QUEUE = Symbol('CustosPgMediationQueue')

/**
 * Opens the pool, brings the tables up to date, and starts listening for messages other instances queue;
 * all of it closes when the agent shuts down. Every failure is the one-line typed error for it.
 */
export async function openPgQueue(
  agentContext: AgentContext,
  connection: PostgresConnection,
  instanceId: string,
): Promise<PgQueue> {
  const logger = agentContext.config.logger
  const pool = new pg.Pool({ connectionString: connection.url, connectionTimeoutMillis: 10_000, max: 10 })
  // An idle client that loses its server emits on the pool; without a listener that would end the process.
  pool.on('error', (error) => logger.warn('mediator queue pool lost a connection', { error }))
  let listener: Awaited<ReturnType<typeof listenForQueued>> | undefined
  try {
    const client = await pool.connect()
    try {
      await migratePgQueue(client, describePostgres(connection))
    } finally {
      client.release()
    }
    listener = await listenForQueued(connection.url, instanceId, logger, deliverOnNotice(agentContext))
    // What this instance had handed out before it restarted went with its sockets; other instances' stay.
    await releaseLeasesOf(drizzle(pool), instanceId)
  } catch (error) {
    await pool.end().catch(() => undefined)
    throw postgresError(connection, error)
  }
  const stop$ = agentContext.dependencyManager.resolve<Subject<boolean>>(InjectionSymbols.Stop$)
  const subscription = stop$.subscribe(() => {
    subscription.unsubscribe()
    void listener?.close().finally(() => pool.end().catch(() => undefined))
  })
  return { db: drizzle(pool), instanceId }
}
