// A Custos node in its own process, driven by a test over IPC. Run with `node --import tsx`.
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../../electron/node/askar/register'

import {
  DidCommBasicMessageEventTypes,
  DidCommBasicMessageRole,
  DidCommHandshakeProtocol,
  type DidCommBasicMessageStateChangedEvent,
} from '@credo-ts/didcomm'

import { createApi, CustosNode } from '../../../electron/node'
import { type StorageMessagePickupRepository, PICKUP_QUEUE } from '../../../electron/node/mediation'
import { crashAtAnswerStep } from './answerCrash'
import type { Command, NodeEvent, NodeProcessConfig, Reply, Request } from './protocol'

const config = JSON.parse(process.env.CUSTOS_NODE_CONFIG ?? '{}') as NodeProcessConfig
// A slow exchange under load is not what the tests check; a lost message still fails (a recipient here
// polls its mediator every 10 minutes at most).
const CONNECT_MS = 60_000
const received: string[] = []

function send(message: Reply | NodeEvent, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.())
}

async function main(): Promise<void> {
  const node = CustosNode.open({
    dataDir: config.dataDir,
    label: config.label,
    kdf: 'argon2i-int',
    inbound: config.port === undefined ? undefined : { port: config.port, publicUrl: config.publicUrl },
    mediator: config.mediator,
    postgres: config.postgres,
    mediatorPollingIntervalMs: config.pollingIntervalMs,
  })
  if (node.status().state === 'no-store') await node.createStore(config.passphrase)
  else if (config.postgres)
    await node.unlock(config.passphrase).catch(async (error: unknown) => {
      // On PostgreSQL the first instance makes the shared store; the others open it.
      if ((error as { code?: unknown }).code !== 'StoreNotFound') throw error
      await node.createStore(config.passphrase)
    })
  else await node.unlock(config.passphrase)
  const agent = node.agent
  if (config.crashAt) crashAtAnswerStep(agent, config.crashAt)
  agent.events.on<DidCommBasicMessageStateChangedEvent>(
    DidCommBasicMessageEventTypes.DidCommBasicMessageStateChanged,
    ({ payload }) => {
      if (payload.basicMessageRecord.role !== DidCommBasicMessageRole.Receiver) return
      received.push(payload.message.content)
      send({ event: 'basicMessage', content: payload.message.content, at: Date.now() })
    },
  )
  const { dispatch } = createApi(node)

  async function handle(command: Command): Promise<unknown> {
    switch (command.cmd) {
      case 'api':
        return dispatch(command.method, command.input)
      case 'createInvitation': {
        const record = await agent.didcomm.oob.createInvitation({
          multiUseInvitation: command.multiUse ?? false,
          handshakeProtocols: [DidCommHandshakeProtocol.DidExchange],
        })
        const domain =
          agent.didcomm.config.endpoints.find((e) => e.startsWith('http')) ?? 'https://custos.invalid/invite'
        return record.outOfBandInvitation.toUrl({ domain })
      }
      case 'acceptInvitation': {
        const { connectionRecord } = await agent.didcomm.oob.receiveInvitationFromUrl(command.url, {
          label: config.label,
        })
        if (!connectionRecord) throw new Error('no connection from invitation')
        const connection = await agent.didcomm.connections
          .returnWhenIsConnected(connectionRecord.id, { timeoutMs: CONNECT_MS })
          .catch(async (error: unknown) => {
            // Credo says only "Timeout has occurred"; the state tells which leg of the exchange never came.
            const record = await agent.didcomm.connections.findById(connectionRecord.id)
            const why = error instanceof Error ? error.message : String(error)
            throw new Error(
              `acceptInvitation: ${why}, connection ${record?.state ?? 'gone'} after ${CONNECT_MS / 1000} s`,
            )
          })
        return connection.id
      }
      case 'sendNumbered': {
        // One after the other by default, each returning on the receiver's answer; with `concurrency`,
        // that many senders take the next number in turn (order at the receiver is then not promised).
        let next = command.from
        const sender = async () => {
          while (next <= command.to) await agent.didcomm.basicMessages.sendMessage(command.connectionId, `${next++}`)
        }
        await Promise.all(Array.from({ length: command.concurrency ?? 1 }, sender))
        return command.to - command.from + 1
      }
      case 'received': {
        // Events give arrival order; stored records show whether anything came in twice or before we listened.
        const stored = await agent.didcomm.basicMessages.findAllByQuery({ role: DidCommBasicMessageRole.Receiver })
        return { events: received, stored: stored.map((record) => record.content) }
      }
      case 'queuedRecordCount':
        return agent.dependencyManager.resolve<StorageMessagePickupRepository>(PICKUP_QUEUE).countHeld()
      case 'connections':
        return (await agent.didcomm.connections.getAll()).map((c) => ({
          id: c.id,
          state: c.state,
          theirLabel: c.theirLabel,
        }))
      case 'invitationLabels':
        return (await agent.didcomm.oob.getAll()).map((record) => record.outOfBandInvitation.label)
      case 'endpoints':
        return agent.didcomm.config.endpoints
      case 'stop':
        await node.close()
        return true
    }
  }

  process.on('message', (request: Request) => {
    handle(request).then(
      (result) =>
        send({ id: request.id, ok: true, result }, request.cmd === 'stop' ? () => process.exit(0) : undefined),
      (error: unknown) => {
        const e = error as Error & { code?: string }
        send({ id: request.id, ok: false, error: { name: e.name, code: e.code, message: e.message } })
      },
    )
  })
  send({ event: 'ready', endpoints: agent.didcomm.config.endpoints })
}

main().catch((error: unknown) => {
  // With its causes: Credo wraps a module's failure to initialize, and the wrapper alone says not which.
  const lines: string[] = []
  for (let e: unknown = error; e !== undefined && lines.length < 5; e = (e as { cause?: unknown }).cause) {
    lines.push(e instanceof Error ? (e.stack ?? e.message) : String(e))
  }
  send({ event: 'fatal', message: lines.join('\ncaused by: ') }, () => process.exit(1))
})
