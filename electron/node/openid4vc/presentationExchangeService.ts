import {
  DifPresentationExchangeService,
  inject,
  injectable,
  W3cCredentialService,
  type AgentContext,
  type DifPresentationExchangeDefinition,
} from '@credo-ts/core'

import { InvalidInputError } from '../../../shared/errors'
import { CustosDifPresentationExchangeService } from '../requests'
import { namesFinalSdJwt, readAsDraftSdJwt } from './pexDefinition'

type CreateOptions = Parameters<DifPresentationExchangeService['createPresentation']>[1]

/**
 * The node's Presentation Exchange service (the requests capability's, which also finds W3C credentials by
 * their schema id), reading a definition that names SD-JWT VCs `dc+sd-jwt` (the
 * final OpenID4VP name, which verifiers on the drafts already send) as `vc+sd-jwt`, the only name its PE
 * library knows; without this it refuses such a request before anything could be shown. The credential,
 * its signature and key binding are the same; the submission names the format as the verifier did.
 * Every other definition (DIDComm's included) goes through unchanged.
 */
@injectable()
export class CustosPresentationExchangeService extends CustosDifPresentationExchangeService {
  constructor(@inject(W3cCredentialService) w3cCredentialService: W3cCredentialService) {
    super(w3cCredentialService)
  }

  override validatePresentationDefinition(definition: DifPresentationExchangeDefinition): void {
    // Credo's matching cannot read nested requirements and fails deep inside with a message of its own.
    const requirements = (definition as { submission_requirements?: { from_nested?: unknown }[] })
      .submission_requirements
    if (requirements?.some((requirement) => requirement.from_nested)) {
      throw new InvalidInputError(
        'The request asks in a form of Presentation Exchange Custos cannot answer (nested submission requirements); nothing was sent.',
      )
    }
    super.validatePresentationDefinition(readAsDraftSdJwt(definition))
  }

  override getCredentialsForRequest(agentContext: AgentContext, definition: DifPresentationExchangeDefinition) {
    return super.getCredentialsForRequest(agentContext, readAsDraftSdJwt(definition))
  }

  override async createPresentation(agentContext: AgentContext, options: CreateOptions) {
    const asked = options.presentationDefinition
    const created = await super.createPresentation(agentContext, {
      ...options,
      presentationDefinition: readAsDraftSdJwt(asked),
    })
    if (!namesFinalSdJwt(asked)) return created
    const descriptorMap = created.presentationSubmission.descriptor_map.map((descriptor) =>
      descriptor.format === 'vc+sd-jwt' ? { ...descriptor, format: 'dc+sd-jwt' } : descriptor,
    )
    return { ...created, presentationSubmission: { ...created.presentationSubmission, descriptor_map: descriptorMap } }
  }
}
