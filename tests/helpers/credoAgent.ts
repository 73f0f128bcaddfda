import fs from 'node:fs'
import path from 'node:path'

import { AskarModule } from '@credo-ts/askar'
import type { Askar } from '@openwallet-foundation/askar-shared'
import { Agent, type ModulesMap } from '@credo-ts/core'
import {
  DidCommHttpOutboundTransport,
  DidCommModule,
  DidCommWsOutboundTransport,
  type DidCommInboundTransport,
  type DidCommModuleConfigOptions,
} from '@credo-ts/didcomm'
import { WebSocketServer } from 'ws'

import { nodeDependencies } from '../../electron/node/agent/nodeDependencies'
import { askar } from '../../electron/node/askar'
import { LoopbackHttpInbound } from '../../scripts/companies/loopbackInbound'
import { LoopbackWsInbound } from '../../scripts/companies/loopbackWsInbound'
import { freePort } from './freePort'

export type CredoScheme = 'http' | 'ws'

export interface CredoAgentOptions<M extends ModulesMap> {
  /** Folder for the agent's own Askar store and Credo's files. */
  dir: string
  label: string
  /** Extra or replaced modules beside DIDComm. */
  modules?: M
  /** DidCommModule's options beyond connections and transports (a mediator, a recipient that does no pickup, ...). */
  didcomm?: DidCommModuleConfigOptions
  /** Inbound endpoints, in the order advertised; none makes an agent that only sends. */
  inbound?: CredoScheme[]
  /** Fixed ports, so an agent restarted on the same folder keeps its DID documents valid. */
  ports?: Partial<Record<CredoScheme, number>>
  /** The Askar binding (default: the node's koffi one); the benchmark's baseline passes npm's ffi-napi wrapper. */
  askarBinding?: Askar
}

export type CredoAgent<M extends ModulesMap = ModulesMap> = Agent<
  M & { askar: AskarModule; didcomm: DidCommModule<DidCommModuleConfigOptions> }
>

/**
 * A plain Credo 0.6.3 agent, not a Custos node: its own Askar store (through the node's koffi binding),
 * inbound HTTP/WS on 127.0.0.1, and whatever modules a test gives it. It stands in for the other agents
 * a node meets. Its label (Credo 0.6 asks for one per invitation) is `agent.label` via `labelOf`.
 */
export async function startCredoAgent<M extends ModulesMap = Record<string, never>>(
  options: CredoAgentOptions<M>,
): Promise<CredoAgent<M>> {
  fs.mkdirSync(options.dir, { recursive: true })
  const schemes = options.inbound ?? []
  const ports: Partial<Record<CredoScheme, number>> = {}
  for (const scheme of schemes) ports[scheme] = options.ports?.[scheme] ?? (await freePort())
  const inbound: DidCommInboundTransport[] = []
  if (ports.http !== undefined) inbound.push(new LoopbackHttpInbound(ports.http, { inboundQueue: true }))
  let server: WebSocketServer | undefined
  if (ports.ws !== undefined) {
    // Our own server, so that stopping can drop the sockets clients keep open (ws waits for them otherwise).
    server = new WebSocketServer({ host: '127.0.0.1', port: ports.ws })
    await new Promise((resolve) => server?.once('listening', resolve))
    inbound.push(new LoopbackWsInbound(server))
  }
  const agent = new Agent({
    config: {},
    dependencies: nodeDependencies(options.dir),
    modules: {
      askar: new AskarModule({
        askar: options.askarBinding ?? askar,
        store: {
          id: options.label,
          key: 'plain credo agent',
          keyDerivationMethod: 'kdf:argon2i:int',
          database: { type: 'sqlite', config: { path: path.join(options.dir, 'askar.sqlite') } },
        },
      }),
      didcomm: new DidCommModule({
        endpoints: schemes.map((scheme) => `${scheme}://127.0.0.1:${ports[scheme]}`),
        transports: { inbound, outbound: [new DidCommHttpOutboundTransport(), new DidCommWsOutboundTransport()] },
        connections: { autoAcceptConnections: true },
        ...options.didcomm,
      }),
      ...(options.modules ?? ({} as M)),
    },
  })
  labels.set(agent, options.label)
  if (server) wsServers.set(agent, server)
  await agent.initialize()
  return agent as unknown as CredoAgent<M>
}

const labels = new WeakMap<Agent, string>()

/** The label a plain agent was started with, for its invitations and its answers to ours. */
export function labelOf(agent: Agent): string {
  return labels.get(agent) ?? 'Credo agent'
}

const wsServers = new WeakMap<Agent, WebSocketServer>()

/** Shuts the agent down (its open sockets dropped, as a restart would) and closes its store. */
export async function stopCredoAgent(agent: Agent | undefined): Promise<void> {
  if (!agent) return
  for (const socket of wsServers.get(agent)?.clients ?? []) socket.terminate()
  await agent.shutdown().catch(() => undefined)
}
