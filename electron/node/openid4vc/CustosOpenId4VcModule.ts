import { AgentConfig, DifPresentationExchangeService, type DependencyManager } from '@credo-ts/core'
import { OpenId4VcModule } from '@credo-ts/openid4vc'
import { setGlobalConfig } from '@openid4vc/oauth2'

import { openid4vcContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { boundedFetch } from './boundedFetch'
import { CustosOpenId4VcApi } from './CustosOpenId4VcApi'
import { OfferService } from './OfferService'
import { PendingRequests } from './pendingRequests'
import { CustosPresentationExchangeService } from './presentationExchangeService'
import { PresentationService } from './PresentationService'
import { SignInService } from './SignInService'

/** OpenID4VCI 1.0 and OpenID4VP 1.0 as the holder, beside DIDComm, under the same consent and history. */
export class CustosOpenId4VcModule implements ContractModule<typeof openid4vcContract> {
  readonly api = CustosOpenId4VcApi
  readonly contract = openid4vcContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(OfferService)
    dependencyManager.registerSingleton(PresentationService)
    dependencyManager.registerSingleton(SignInService)
    dependencyManager.registerInstance(PendingRequests, new PendingRequests())
    // Presentation Exchange that also reads `dc+sd-jwt` (presentationExchangeService), on top of the requests
    // capability's; registered after Credo's default modules and after the requests module (nodeModules),
    // so it is the one every PE user (OpenID4VP and DIDComm) resolves.
    dependencyManager.registerSingleton(DifPresentationExchangeService, CustosPresentationExchangeService)
    // The library's https rule is all or nothing; links.checkEndpoint draws the line instead (https, or
    // http to this machine only) for every address a counterparty names before it is used.
    setGlobalConfig({ allowInsecureUrls: true })
    // Answers from issuers and verifiers are read up to a limit (boundedFetch); only inside an OpenID4VC
    // exchange, so DIDComm's transports fetch as before.
    const { agentDependencies } = dependencyManager.resolve(AgentConfig)
    if (!('custosBounded' in agentDependencies.fetch)) agentDependencies.fetch = boundedFetch(agentDependencies.fetch)
  }
}

/** Credo's OpenID4VC module (its holder only: the node issues and verifies nothing) and ours. */
export function openid4vcModules() {
  return { openid4vc: new OpenId4VcModule(), custosOpenId4Vc: new CustosOpenId4VcModule() }
}
