import { DifPresentationExchangeService, type AgentContext } from '@credo-ts/core'
import {
  DidCommAutoAcceptCredential,
  DidCommAutoAcceptProof,
  DidCommJsonLdCredentialFormatService,
  DidCommCredentialV2Protocol,
  DidCommProofV2Protocol,
  type DidCommDifPresentationExchangeProofFormat,
  type DifPresentationExchangeRequest,
  type DidCommProofFormatAcceptRequestOptions,
  type DidCommModuleConfigOptions,
} from '@credo-ts/didcomm'

import { SdJwtVcCredentialFormatService } from '../../../electron/node/credentials'
import { offlineW3cCredentialsModule } from '../../../electron/node/jsonld'
import { CustosPresentationExchangeFormatService } from '../../../electron/node/requests'

/**
 * Credo's own auto-answer: with no credentials named, it picks them as Credo does (getCredentialsForRequest,
 * selectCredentialsForRequest). The format is the one the lender speaks, because Credo 0.5.19's own PE format
 * refuses SD-JWT VCs; a JSON-LD answer goes through Credo's code unchanged.
 */
class AutoSelectingPresentationExchange extends CustosPresentationExchangeFormatService {
  override async acceptRequest(
    agentContext: AgentContext,
    options: DidCommProofFormatAcceptRequestOptions<DidCommDifPresentationExchangeProofFormat>,
  ) {
    if (options.proofFormats?.presentationExchange?.credentials) return super.acceptRequest(agentContext, options)
    const exchange = agentContext.dependencyManager.resolve(DifPresentationExchangeService)
    const request = options.requestAttachment.getDataAsJson<DifPresentationExchangeRequest>()
    const found = await exchange.getCredentialsForRequest(agentContext, request.presentation_definition)
    const selected = exchange.selectCredentialsForRequest(found)
    // Credo's pick of SD-JWT claims (the whole address, the birth date for age_over_18, vct/iss/cnf) is
    // not a choice the node's format takes: it refuses it as one that does not answer the request. Without
    // it the format discloses the asked claims, as the node does: the same request, the same bytes.
    const credentials = Object.fromEntries(
      Object.entries(selected).map(([id, entries]) => [
        id,
        entries.map((entry) => {
          if (!('disclosedPayload' in entry)) return entry
          const { disclosedPayload, ...rest } = entry
          void disclosedPayload
          return rest
        }),
      ]),
    ) as typeof selected
    return super.acceptRequest(agentContext, { ...options, proofFormats: { presentationExchange: { credentials } } })
  }
}

// The baseline holder: no policy engine, no history, no minimisation; Credo answers every request itself.
export function baselineDidComm() {
  return {
    credentials: {
      autoAcceptCredentials: DidCommAutoAcceptCredential.Never,
      credentialProtocols: [
        new DidCommCredentialV2Protocol({
          credentialFormats: [new DidCommJsonLdCredentialFormatService(), new SdJwtVcCredentialFormatService()],
        }),
      ],
    },
    proofs: {
      autoAcceptProofs: DidCommAutoAcceptProof.Always,
      proofProtocols: [new DidCommProofV2Protocol({ proofFormats: [new AutoSelectingPresentationExchange()] })],
    },
  } satisfies DidCommModuleConfigOptions
}

export function baselineModules() {
  return { w3cCredentials: offlineW3cCredentialsModule() }
}
