import type {
  AgentContext,
  DifPexInputDescriptorToCredentials,
  DifPresentationExchangeDefinition,
} from '@credo-ts/core'

import type { PresentationChoice, QueryChoice } from '../../../shared/api'
import { CustosError, InvalidInputError } from '../../../shared/errors'
import type { DcqlProposal } from './dcqlProposal'
import { pexProposalFor } from './pexProposal'

const entriesOf = (proposal: DcqlProposal) =>
  (proposal.pexForRequest?.requirements ?? []).flatMap((requirement) => requirement.submissionEntry)

/**
 * What a Presentation Exchange request lets the person choose: per input descriptor, which of the matching
 * credentials answers it. PE has no claim sets, and every descriptor the definition asks must be answered
 * (Credo reads submission requirements into its pick), so nothing is left out.
 */
export function pexChoices(proposal: DcqlProposal): QueryChoice[] {
  return proposal.items.map((item) => ({
    queryId: item.descriptorId,
    candidates: item.candidates,
    claimSets: [],
    omittable: false,
    proposed: item.credentialId !== undefined,
  }))
}

/**
 * The answer with the credentials the person chose, from Credo's match only (each candidate as Credo
 * would present it under the minimised definition). A choice PE does not offer is refused in words
 * before anything is sent.
 */
export function chooseForPex(
  agentContext: AgentContext,
  definition: DifPresentationExchangeDefinition,
  proposal: DcqlProposal,
  choice: PresentationChoice,
): DcqlProposal {
  const { choose = {}, claimSets = {}, omit = [] } = choice
  const ids = new Set(proposal.asked.map((item) => item.descriptorId))
  const unknown = [...Object.keys(choose), ...Object.keys(claimSets), ...omit].filter((id) => !ids.has(id))
  if (unknown.length > 0) throw new InvalidInputError(`The request asks nothing called ${unknown.join(', ')}.`)
  if (Object.keys(claimSets).length > 0) {
    throw new InvalidInputError('This request (Presentation Exchange) has no choice of statements; nothing was sent.')
  }
  if (omit.length > 0) {
    throw new CustosError(
      'SubsetNotAllowed',
      'Without what you left out the request cannot be answered; the verifier would refuse it; nothing was sent.',
    )
  }
  if (!proposal.pexSelection) return proposal
  const selection: DifPexInputDescriptorToCredentials = { ...proposal.pexSelection }
  for (const [id, credentialId] of Object.entries(choose)) {
    const match = entriesOf(proposal)
      .filter((entry) => entry.inputDescriptorId === id)
      .flatMap((entry) => entry.verifiableCredentials)
      .find((credential) => credential.credentialRecord.id === credentialId)
    if (!match) {
      throw new CustosError(
        'RequestNotSatisfiable',
        `That credential does not answer what the verifier asks in ${id}; nothing was sent.`,
      )
    }
    selection[id] = [match]
  }
  return pexProposalFor(agentContext, definition, proposal.pexForRequest!, selection)
}
