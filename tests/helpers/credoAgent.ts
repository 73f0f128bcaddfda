import fs from 'node:fs'
import path from 'node:path'

import { AskarModule } from '@credo-ts/askar'
import type { Askar } from '@openwallet-foundation/askar-shared'
import { Agent, KeyDerivationMethod, type ModulesMap, type FileSystem } from '@credo-ts/core'
import { DidCommConnectionsModule, DidCommHttpOutboundTransport, DidCommWsOutboundTransport } from '@credo-ts/didcomm'
import { agentDependencies, HttpInboundTransport, WsInboundTransport } from '@credo-ts/node'
import { WebSocketServer } from 'ws'

import { askar } from '../../electron/node/askar'
import { freePort } from './freePort'

export type CredoScheme = 'http' | 'ws'

export interface CredoAgentOptions<M extends ModulesMap> {
  /** Folder for the agent's own Askar store and Credo's files. */
  dir: string
  label: string
  /** Extra or replaced modules (a mediator, a recipient that does no pickup, ...). */
  modules?: M
  /** Inbound endpoints, in the order advertised; none makes an agent that only sends. */
  inbound?: CredoScheme[]
  /** Fixed ports, so an agent restarted on the same folder keeps its DID documents valid. */
  ports?: Partial<Record<CredoScheme, number>>
  /** The Askar binding (default: the node's koffi one); the benchmark's baseline passes npm's ffi-napi wrapper. */
  askarBinding?: Askar
}

export type CredoAgent<M extends ModulesMap> = Agent<M & { askar: AskarModule; connections: DidCommConnectionsModule }>

// Credo's NodeFileSystem takes base paths; reached through agentDependencies as createAgent does.
const NodeFileSystem = agentDependencies.FileSystem as new (options: {
  baseDataPath?: string
  baseCachePath?: string
  baseTempPath?: string
}) => FileSystem

/**
 * A plain Credo 0.5.19 agent, not a Custos node: its own Askar store (through the node's koffi binding),
 * Credo's own inbound transports on 127.0.0.1, and whatever modules a test gives it. It stands in for
 * the other agents a node meets.
 */
export async function startCredoAgent<M extends ModulesMap = Record<string, never>>(
  options: CredoAgentOptions<M>,
): Promise<CredoAgent<M>> {
  fs.mkdirSync(options.dir, { recursive: true })
  const base = options.dir
  class DirFileSystem extends NodeFileSystem {
    constructor() {
      super({ baseDataPath: base, baseCachePath: base, baseTempPath: base })
    }
  }
  const schemes = options.inbound ?? []
  const ports: Partial<Record<CredoScheme, number>> = {}
  for (const scheme of schemes) ports[scheme] = options.ports?.[scheme] ?? (await freePort())
  const agent = new Agent({
    config: {
      label: options.label,
      walletConfig: {
        id: options.label,
        key: 'plain credo agent',
        keyDerivationMethod: KeyDerivationMethod.Argon2IInt,
        storage: { type: 'sqlite', config: { path: path.join(options.dir, 'askar.sqlite') } },
      },
      endpoints: schemes.map((scheme) => `${scheme}://127.0.0.1:${ports[scheme]}`),
    },
    dependencies: { ...agentDependencies, FileSystem: DirFileSystem },
    modules: {
      askar: new AskarModule({ ariesAskar: options.askarBinding ?? askar }),
      connections: new DidCommConnectionsModule({ autoAcceptConnections: true }),
      ...(options.modules ?? ({} as M)),
    },
  })
  agent.registerOutboundTransport(new DidCommHttpOutboundTransport())
  agent.registerOutboundTransport(new DidCommWsOutboundTransport())
  if (ports.http !== undefined) agent.registerInboundTransport(new HttpInboundTransport({ port: ports.http }))
  if (ports.ws !== undefined) {
    // Our own server, so that stopping can drop the sockets clients keep open (ws waits for them otherwise).
    const server = new WebSocketServer({ host: '127.0.0.1', port: ports.ws })
    await new Promise((resolve) => server.once('listening', resolve))
    wsServers.set(agent, server)
    agent.registerInboundTransport(new WsInboundTransport({ server }))
  }
  await agent.initialize()
  return agent as CredoAgent<M>
}

const wsServers = new WeakMap<Agent, WebSocketServer>()

/** Shuts the agent down (its open sockets dropped, as a restart would) and closes its store. */
export async function stopCredoAgent(agent: Agent | undefined): Promise<void> {
  if (!agent) return
  for (const socket of wsServers.get(agent)?.clients ?? []) socket.terminate()
  await agent.shutdown().catch(() => undefined)
}
