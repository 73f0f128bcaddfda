import type { DifPresentationExchangeDefinition } from '@credo-ts/core'
import type { OpenId4VpResolvedAuthorizationRequest } from '@credo-ts/openid4vc'

import type { DcqlProposal } from './dcqlProposal'
import { minimised } from './pexDefinition'

type Payload = OpenId4VpResolvedAuthorizationRequest['authorizationRequestPayload']

/**
 * What Credo's holder is told to send: the DCQL selection, or for a Presentation Exchange request the PE
 * selection under the definition as the node answers it (`minimised`: Credo's PE presentation discloses
 * what the definition limits it to, not what the selection says). The verifier checks the answer against
 * the definition it signed; nonce, audience and response address are the request's own.
 */
export function answerOptions(authorizationRequestPayload: Payload, proposal: DcqlProposal) {
  const definition = (authorizationRequestPayload as { presentation_definition?: DifPresentationExchangeDefinition })
    .presentation_definition
  if (!definition || !proposal.pexSelection) {
    return { authorizationRequestPayload, dcql: { credentials: proposal.selection! } }
  }
  return {
    authorizationRequestPayload: { ...authorizationRequestPayload, presentation_definition: minimised(definition) },
    presentationExchange: { credentials: proposal.pexSelection },
  }
}
