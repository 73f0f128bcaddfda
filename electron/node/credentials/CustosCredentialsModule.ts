import {
  DidsModule,
  JwkDidResolver,
  KeyDidResolver,
  PeerDidResolver,
  type AgentContext,
  type DependencyManager,
} from '@credo-ts/core'
import { DidCommAutoAcceptCredential, type DidCommModuleConfigOptions } from '@credo-ts/didcomm'

import { credentialsContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { offlineW3cCredentialsModule } from '../jsonld'
import { CredentialsService } from './CredentialsService'
import { CustosCredentialsApi } from './CustosCredentialsApi'
import { CustosJsonLdCredentialFormatService } from './CustosJsonLdCredentialFormatService'
import {
  CustosV2CredentialProtocol,
  DocumentsConfig,
  DocumentsService,
  InboundDocuments,
  type DocumentsOptions,
} from './documents'
import { HeldIndexService, keepHeldIndexInStep } from './heldIndex'
import { CustosWebDidResolver, IssuerHostsConfig, type IssuerHostsOptions } from './issuerHosts'
import { HolderDidLock, HolderDidService, newHolderDidLock } from './HolderDidService'
import { CustosSdJwtVcCredentialFormatService } from './sdJwt'

/** Offers and held credentials as the person manages them, on top of Credo's issue-credential v2. */
export class CustosCredentialsModule implements ContractModule<typeof credentialsContract> {
  readonly api = CustosCredentialsApi
  readonly contract = credentialsContract

  constructor(private readonly options: CredentialsOptions = {}) {}

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(CredentialsService)
    dependencyManager.registerSingleton(DocumentsService)
    dependencyManager.registerInstance(DocumentsConfig, new DocumentsConfig(this.options))
    dependencyManager.registerInstance(IssuerHostsConfig, new IssuerHostsConfig(this.options.issuerHosts))
    dependencyManager.registerInstance(InboundDocuments, new InboundDocuments())
    dependencyManager.registerSingleton(HolderDidService)
    dependencyManager.registerInstance(HolderDidLock, newHolderDidLock())
    dependencyManager.registerSingleton(HeldIndexService)
  }

  async initialize(agentContext: AgentContext): Promise<void> {
    await keepHeldIndexInStep(agentContext)
  }
}

/** Credo's issue-credential v2 with our format services (a part of DidCommModule's options). */
export function credentialsDidComm() {
  return {
    // Offers wait for the person (no automatic acceptance). Once they accepted, a credential that is
    // what they requested is acknowledged without asking again (ContentApproved).
    credentials: {
      autoAcceptCredentials: DidCommAutoAcceptCredential.ContentApproved,
      credentialProtocols: [
        new CustosV2CredentialProtocol({
          credentialFormats: [new CustosJsonLdCredentialFormatService(), new CustosSdJwtVcCredentialFormatService()],
        }),
      ],
    },
  } satisfies DidCommModuleConfigOptions
}

/** What a node is told about credentials: the document limit and how issuers' hosts are reached. */
export interface CredentialsOptions extends DocumentsOptions {
  issuerHosts?: IssuerHostsOptions
}

/** Offers and held credentials as the person manages them, and the offline JSON-LD checks. */
export function credentialsModules(options: CredentialsOptions = {}) {
  return {
    // Credo's resolvers, with did:web read from the DID's own host under the node's TLS rules.
    dids: new DidsModule({
      resolvers: [
        new CustosWebDidResolver(options.issuerHosts),
        new KeyDidResolver(),
        new PeerDidResolver(),
        new JwkDidResolver(),
      ],
    }),
    // JSON-LD with the bundled contexts only; nothing is fetched to check a signature.
    w3cCredentials: offlineW3cCredentialsModule(),
    custosCredentials: new CustosCredentialsModule(options),
  }
}
