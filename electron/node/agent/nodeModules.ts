import { AskarModule } from '@credo-ts/askar'

import { askar } from '../askar'
import { connectionsModules } from '../connections'
import { ConsentModule } from '../consent'
import { credentialsModules, type DocumentsOptions } from '../credentials'
import { DisclosuresModule } from '../disclosures'
import { InboxModule } from '../inbox'
import { mediationModules, type MediationOptions } from '../mediation'
import { requestsModules } from '../requests'
import { SelfDeclaredModule } from '../selfDeclared'
import { TrustListsModule } from '../trustLists'

export interface NodeModulesOptions {
  mediation?: MediationOptions
  documents?: DocumentsOptions
}

/**
 * Every capability of a Custos node, as the Credo modules its agent is built from. A new capability
 * adds its module here, one line; its part of the API contract is then served without further wiring.
 */
export function nodeModules(options: NodeModulesOptions = {}) {
  return {
    askar: new AskarModule({ ariesAskar: askar }),
    ...connectionsModules(),
    ...mediationModules(options.mediation),
    selfDeclared: new SelfDeclaredModule(),
    inbox: new InboxModule(),
    ...credentialsModules(options.documents),
    ...requestsModules(),
    trustLists: new TrustListsModule(),
    consent: new ConsentModule(),
    disclosures: new DisclosuresModule(),
  }
}
