import fs from 'node:fs'
import path from 'node:path'

import { AskarModule } from '@credo-ts/askar'
import { Agent, ConsoleLogger, LogLevel } from '@credo-ts/core'
import {
  DidCommAutoAcceptCredential,
  DidCommAutoAcceptProof,
  type DidCommDifPresentationExchangeProofFormatService,
  DidCommHttpOutboundTransport,
  DidCommJsonLdCredentialFormatService,
  DidCommModule,
  DidCommProofV2Protocol,
} from '@credo-ts/didcomm'

import { nodeDependencies } from '../../electron/node/agent/nodeDependencies'
import { askar } from '../../electron/node/askar'
import { SdJwtVcCredentialFormatService } from '../../electron/node/credentials'
import { offlineW3cCredentialsModule } from '../../electron/node/jsonld'
import { CustosPresentationExchangeFormatService } from '../../electron/node/requests'
import { DocumentAttachingCredentialProtocol } from './DocumentAttachingCredentialProtocol'
import { LoopbackHttpInbound } from './loopbackInbound'

export interface CompanyAgentOptions {
  /** The label the company shows in its invitations. */
  name: string
  /** Folder for this company's own Askar store. */
  dataDir: string
  port: number
  /** Replace Credo's format services; tests use these to make a company misbehave. */
  jsonLdFormat?: DidCommJsonLdCredentialFormatService
  presentationExchangeFormat?: DidCommDifPresentationExchangeProofFormatService
  sdJwtVcFormat?: SdJwtVcCredentialFormatService
  /** Sees the raw bytes of every inbound message. */
  tap?: (body: Buffer) => void
}

/**
 * Every company of the toolkit is this agent: DID exchange, issue-credential v2 with JSON-LD and SD-JWT VC,
 * present-proof v2 with DIF PE. The SD-JWT VC format services are the node's: they are what any Credo
 * 0.6 agent would register through the same extension points to speak them.
 */
function companyModules(options: CompanyAgentOptions, inbound: LoopbackHttpInbound) {
  return {
    askar: new AskarModule({
      askar,
      store: {
        id: options.name,
        // Sample companies hold sample data; a fixed key with the quick KDF keeps tests and the demo fast.
        key: `${options.name} sample company`,
        keyDerivationMethod: 'kdf:argon2i:int',
        database: { type: 'sqlite', config: { path: path.join(options.dataDir, 'askar.sqlite') } },
      },
    }),
    w3cCredentials: offlineW3cCredentialsModule(),
    didcomm: new DidCommModule({
      endpoints: [`http://127.0.0.1:${options.port}`],
      transports: { inbound: [inbound], outbound: [new DidCommHttpOutboundTransport()] },
      connections: { autoAcceptConnections: true },
      mediator: false,
      mediationRecipient: false,
      messagePickup: false,
      // Issuers decide on each request themselves (see Issuer), so nothing is accepted automatically.
      credentials: {
        autoAcceptCredentials: DidCommAutoAcceptCredential.Never,
        credentialProtocols: [
          new DocumentAttachingCredentialProtocol({
            credentialFormats: [
              options.jsonLdFormat ?? new DidCommJsonLdCredentialFormatService(),
              options.sdJwtVcFormat ?? new SdJwtVcCredentialFormatService(),
            ],
          }),
        ],
      },
      // A verifier acknowledges a presentation once Credo has verified it against the request.
      proofs: {
        autoAcceptProofs: DidCommAutoAcceptProof.ContentApproved,
        proofProtocols: [
          new DidCommProofV2Protocol({
            // Credo's PE format with the SD-JWT VC answers it refuses (see CustosPresentationExchangeFormatService).
            proofFormats: [options.presentationExchangeFormat ?? new CustosPresentationExchangeFormatService()],
          }),
        ],
      },
    }),
  }
}

export type CompanyAgent = Agent<ReturnType<typeof companyModules>>

export interface StartedCompanyAgent {
  agent: CompanyAgent
  endpoint: string
  stop(): Promise<void>
}

export async function startCompanyAgent(options: CompanyAgentOptions): Promise<StartedCompanyAgent> {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const endpoint = `http://127.0.0.1:${options.port}`
  const inbound = new LoopbackHttpInbound(options.port, { tap: options.tap })
  const agent: CompanyAgent = new Agent({
    config: { logger: new ConsoleLogger(process.env.CUSTOS_COMPANY_LOG ? LogLevel.debug : LogLevel.off) },
    dependencies: nodeDependencies(options.dataDir),
    modules: companyModules(options, inbound),
  })
  await agent.initialize()
  return {
    agent,
    endpoint,
    stop: async () => {
      await agent.shutdown()
    },
  }
}
