import { AskarModule, type AskarModuleConfigStoreOptions } from '@credo-ts/askar'
import { DidCommModule } from '@credo-ts/didcomm'

import { AgreementsModule } from '../agreements'
import { askar } from '../askar'
import { connectionsDidComm, connectionsModules } from '../connections'
import { ConsentModule } from '../consent'
import { ConsentRecordsModule } from '../consentRecords'
import { credentialsDidComm, credentialsModules, type CredentialsOptions } from '../credentials'
import { DisclosuresModule } from '../disclosures'
import { HouseholdModule } from '../household'
import { InboxModule } from '../inbox'
import { JointApplicationsModule } from '../jointApplications'
import { MandatesModule } from '../mandates'
import { mediationDidComm, mediationModules, type MediationOptions } from '../mediation'
import { openid4vcModules } from '../openid4vc'
import { PrivacyProfileModule } from '../privacyProfile'
import { requestsDidComm, requestsModules } from '../requests'
import { SelfDeclaredModule } from '../selfDeclared'
import { Tmf644Module } from '../tmf644'
import { TrustListsModule } from '../trustLists'

export interface NodeModulesOptions {
  /** The name other agents see in this node's invitations. */
  label: string
  store: AskarModuleConfigStoreOptions
  mediation?: MediationOptions
  documents?: CredentialsOptions
}

/**
 * Every capability of a Custos node, as the Credo modules its agent is built from. A new capability
 * adds its module here, one line; its part of the API contract is then served without further wiring.
 * Credo 0.6 configures every DIDComm protocol in one DidCommModule (`agent.didcomm.*`): each capability
 * gives its part of that configuration beside its own modules.
 */
export function nodeModules(options: NodeModulesOptions) {
  return {
    askar: new AskarModule({ askar, store: options.store }),
    didcomm: new DidCommModule({
      ...connectionsDidComm(),
      ...mediationDidComm(options.mediation),
      ...credentialsDidComm(),
      ...requestsDidComm(),
    }),
    ...connectionsModules(options.label),
    ...mediationModules(options.mediation),
    household: new HouseholdModule(),
    jointApplications: new JointApplicationsModule(),
    mandates: new MandatesModule(),
    selfDeclared: new SelfDeclaredModule(),
    inbox: new InboxModule(),
    ...credentialsModules(options.documents),
    ...requestsModules(),
    trustLists: new TrustListsModule(),
    privacyProfile: new PrivacyProfileModule(),
    agreements: new AgreementsModule(),
    tmf644: new Tmf644Module(),
    consent: new ConsentModule(),
    disclosures: new DisclosuresModule(),
    consentRecords: new ConsentRecordsModule(),
    ...openid4vcModules(),
  }
}
