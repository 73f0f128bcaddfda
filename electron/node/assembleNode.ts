import { DidCommHttpOutboundTransport, DidCommWsOutboundTransport } from '@credo-ts/didcomm'

import { createAgent, type CustosAgent } from './agent'
import type { CustosNodeOptions } from './CustosNodeOptions'
import { DEFAULT_MAX_DOCUMENT_BYTES, messageBytesForDocument } from './credentials'
import { checkPgQueueSchema } from './mediation'
import type { DataDirLayout, FileLogger } from './platform'
import { instanceIdIn, type PostgresConnection } from './postgres'
import {
  CustosInboundTransport,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_SPOOL_QUOTA,
  INBOUND_SPOOL,
  INBOUND_TRANSPORT,
  InboundQueue,
  QueueAttachment,
} from './transports'
import { Vault } from './vault'

/**
 * The parts of one node and how they plug together: the inbound transport and its spool, and the vault
 * with the factory that builds an agent (every module, the transports) for each unlock.
 */
export function assembleNode(
  options: CustosNodeOptions,
  postgres: PostgresConnection | undefined,
  layout: DataDirLayout,
  logger: FileLogger,
): { vault: Vault<CustosAgent>; inbound?: CustosInboundTransport } {
  // Unless set, the message limit follows the document limit: a statement PDF must be able to arrive.
  const documentLimit = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES
  const messageLimit = Math.max(DEFAULT_MAX_MESSAGE_BYTES, messageBytesForDocument(documentLimit))
  const inboundQueue = new InboundQueue(layout.spoolDir, options.inbound?.spoolQuota ?? DEFAULT_SPOOL_QUOTA, logger)
  const inbound = options.inbound
    ? new CustosInboundTransport(
        { ...options.inbound, maxMessageBytes: options.inbound.maxMessageBytes ?? messageLimit },
        logger,
        inboundQueue,
      )
    : undefined
  const kdf = options.kdf ?? 'argon2i-mod'
  const queue = postgres
    ? { postgres: { connection: postgres, instanceId: options.postgres?.instanceId ?? instanceIdIn(layout.root) } }
    : undefined
  const vault = new Vault<CustosAgent>(layout, logger, {
    kdf,
    postgres,
    deviceKeys: options.deviceKeys,
    checkPostgres: postgres ? () => checkPgQueueSchema(postgres) : undefined,
    // No endpoints here: the inbound transport sets them when it starts, once the port is known.
    newAgent: (store) =>
      createAgent({
        store,
        label: options.label ?? 'Custos',
        layout,
        logger,
        mediation: { mediator: options.mediator, pollingIntervalMs: options.mediatorPollingIntervalMs, queue },
        documents: { maxDocumentBytes: options.maxDocumentBytes, issuerHosts: options.issuerHosts },
      }),
    prepareAgent: (agent) => {
      agent.didcomm.registerOutboundTransport(new DidCommHttpOutboundTransport())
      agent.didcomm.registerOutboundTransport(new DidCommWsOutboundTransport())
      // The endpoint first: Credo starts them in this order, and the queue's first drain may answer.
      if (inbound) {
        agent.didcomm.registerInboundTransport(inbound)
        agent.dependencyManager.registerInstance(INBOUND_TRANSPORT, inbound)
      }
      agent.didcomm.registerInboundTransport(new QueueAttachment(inboundQueue))
      agent.dependencyManager.registerInstance(INBOUND_SPOOL, inboundQueue.spool)
      agent.dependencyManager.registerInstance(InboundQueue, inboundQueue)
    },
  })
  return { vault, inbound }
}
