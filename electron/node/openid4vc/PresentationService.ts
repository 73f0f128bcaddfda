import { randomUUID } from 'node:crypto'

import { injectable, type AgentContext } from '@credo-ts/core'
import { OpenId4VcHolderApi, type OpenId4VpResolvedAuthorizationRequest } from '@credo-ts/openid4vc'

import type { PresentationAnswer, PresentationChoice, PresentationRequestSummary } from '../../../shared/api'
import { CustosError, InvalidInputError } from '../../../shared/errors'
import { dpvPurposes, takeDecision } from '../consent'
import { appDatabaseOf } from '../db'
import { DisclosuresService } from '../disclosures'
import { announce, consentFacts, toSummary } from './consentFacts'
import { chooseForDcql } from './dcqlChoice'
import { markAnswered, wasAnswered } from './answeredNonces'
import { notSatisfiable } from './dcqlMissing'
import { beyondQuery, proposalFor, proposeForDcql } from './dcqlProposal'
import { answerOptions } from './pexAnswer'
import { chooseForPex } from './pexChoice'
import { proposeForPex } from './pexProposal'
import { describeDisclosure } from './describeDisclosure'
import { instancePerVerifier } from './instancePerVerifier'
import { checkEndpoint, requestLink } from './links'
import { PendingRequests, type PendingRequest } from './pendingRequests'
import { withPeer } from './peerFailures'
import { responseUriOf, sendAccessDenied, untrustedCertificate } from './verifierResponse'
import { termsOf } from './requestTerms'
import { namesUsedUpBatch } from './usedUpBatches'
import { trustedCertificatesFor } from './verifierCertificates'
import { verifierIdentity } from './verifierIdentity'

const VERIFIER = 'the verifier'

/**
 * OpenID4VP 1.0 as the holder, with DCQL: a request is read and checked by Credo (signature, client id
 * binding), matched, and evaluated once by the same consent rules as a DIDComm request. A policy may
 * answer it only when the verifier's identity is proved; otherwise it waits for the person.
 */
@injectable()
export class PresentationService {
  async resolve(agentContext: AgentContext, input: string): Promise<PresentationRequestSummary> {
    const link = requestLink(input)
    const resolved = await withPeer(VERIFIER, 'The presentation request cannot be used', () =>
      agentContext
        .resolve(OpenId4VcHolderApi)
        .resolveOpenId4VpAuthorizationRequest(link, { trustedCertificates: trustedCertificatesFor(agentContext) }),
    ).catch((error: unknown) => {
      throw untrustedCertificate(error) ?? error
    })
    // DCQL (OpenID4VP 1.0) or Presentation Exchange (verifiers still on the drafts), through the same path.
    const definition = resolved.presentationExchange?.definition
    if (!resolved.dcql && !definition) {
      throw new InvalidInputError(
        'The request asks neither in DCQL nor in Presentation Exchange; Custos cannot read it.',
      )
    }
    checkEndpoint('address the answer would go to', responseUriOf(resolved.authorizationRequestPayload))
    refuseReplay(agentContext, resolved)
    const base = {
      id: randomUUID(),
      resolved,
      verifier: await verifierIdentity(agentContext, resolved),
      proposal: resolved.dcql
        ? proposeForDcql(agentContext, resolved.dcql.queryResult)
        : await proposeForPex(agentContext, definition!),
      terms: termsOf(resolved.authorizationRequestPayload),
      receivedAt: new Date().toISOString(),
    }
    const evaluation = takeDecision(appDatabaseOf(agentContext), base.id, consentFacts(base), dpvPurposes())
    const pending: PendingRequest = { ...base, evaluation }
    agentContext.resolve(PendingRequests).put(pending)
    const summary = await toSummary(agentContext, pending)
    // A policy answers only a request whose verifier is proved and whose answer satisfies the query, and
    // never with a used-up batch (the send would be refused): that waits for the person, with the warning.
    const answerable = pending.proposal.satisfiable && !namesUsedUpBatch(summary.warnings)
    if (evaluation?.outcome === 'share' && pending.verifier.proved && answerable) {
      const answer = await this.approve(agentContext, pending.id)
      announce(agentContext, evaluation, 'shared')
      return { ...summary, state: 'answered', disclosureId: answer.disclosureId }
    }
    if (evaluation?.outcome === 'refuse') {
      await this.decline(agentContext, pending.id)
      announce(agentContext, evaluation, 'refused')
      return { ...summary, state: 'refused' }
    }
    return summary
  }

  async list(agentContext: AgentContext): Promise<PresentationRequestSummary[]> {
    const pending = agentContext.resolve(PendingRequests).all()
    return Promise.all(pending.map((request) => toSummary(agentContext, request)))
  }

  async approve(agentContext: AgentContext, id: string, choice: PresentationChoice = {}): Promise<PresentationAnswer> {
    const open = agentContext.resolve(PendingRequests).open(id)
    if (open.proposal.unsupportedFormats) {
      const formats = open.proposal.unsupportedFormats.join(', ')
      throw new CustosError(
        'RequestNotSatisfiable',
        `Custos cannot answer with a credential in the format ${formats} yet; nothing was sent.`,
      )
    }
    if (!open.proposal.satisfiable || !(open.proposal.selection ?? open.proposal.pexSelection)) {
      throw notSatisfiable(open.proposal.missing, open.proposal.absent)
    }
    // The person's choice replaces Credo's pick only where they chose; it is checked against the query first.
    const chose = Boolean(choice.choose || choice.claimSets || choice.omit?.length)
    const queryResult = open.resolved.dcql?.queryResult
    const definition = open.resolved.presentationExchange?.definition
    const chosen = !chose
      ? open.proposal
      : queryResult
        ? proposalFor(agentContext, queryResult, chooseForDcql(queryResult, open.proposal.selection, choice))
        : chooseForPex(agentContext, definition!, open.proposal, choice)
    const pending = { ...open, proposal: chosen }
    const { proposal } = pending
    if (!proposal.satisfiable || !(proposal.selection ?? proposal.pexSelection)) {
      throw notSatisfiable(proposal.missing, proposal.absent)
    }
    const extra = beyondQuery(proposal)
    if (extra.length > 0) {
      throw new CustosError(
        'Internal',
        `The answer would carry claims the request does not ask (${extra.join(', ')}); nothing was sent.`,
      )
    }
    refuseReplay(agentContext, pending.resolved)
    // A batch credential answers with this verifier's own instance (refused before anything is recorded).
    // (A Presentation Exchange answer names no DCQL selection; its batch instances are Credo's pick.)
    const selection = proposal.selection
      ? await instancePerVerifier(agentContext, pending.verifier.clientId, proposal.selection)
      : undefined
    // The answer path: the history entry first, then the answer, then the entry says whether it left.
    const history = agentContext.resolve(DisclosuresService)
    const disclosure = history.beginDisclosure(agentContext, describeDisclosure(pending))
    const holder = agentContext.resolve(OpenId4VcHolderApi)
    let result
    try {
      result = await withPeer(VERIFIER, 'The answer could not be sent', () =>
        holder.acceptOpenId4VpAuthorizationRequest(
          answerOptions(pending.resolved.authorizationRequestPayload, { ...proposal, selection }),
        ),
      )
    } catch (error) {
      history.settleDelivery(agentContext, disclosure.id, 'not-sent', (error as Error).message)
      throw error
    }
    agentContext.resolve(PendingRequests).take(id)
    markAnswered(agentContext, pending.verifier.clientId, String(pending.resolved.authorizationRequestPayload.nonce))
    // Once sent, it left: the history says so whatever the verifier answered.
    history.settleDelivery(agentContext, disclosure.id, 'sent')
    // The verifier's reply is read up to the limit only (boundedFetch); Credo then takes it as empty.
    const status = result.serverResponse?.status
    if (status !== undefined && status >= 400) {
      throw new InvalidInputError(`The verifier refused the answer (HTTP ${status}); what was sent is in your history.`)
    }
    return { requestId: id, state: 'answered', disclosureId: disclosure.id }
  }

  /** Tells the verifier `access_denied` where it named an address for answers; nothing about the person leaves. */
  async decline(agentContext: AgentContext, id: string): Promise<PresentationAnswer> {
    const pending = agentContext.resolve(PendingRequests).open(id)
    agentContext.resolve(PendingRequests).take(id)
    await sendAccessDenied(agentContext, pending.resolved.authorizationRequestPayload)
    return { requestId: id, state: 'declined' }
  }
}

/** A request whose nonce this node answered already is a replay (of a link, or of a captured request). */
function refuseReplay(agentContext: AgentContext, resolved: OpenId4VpResolvedAuthorizationRequest): void {
  const clientId = String(resolved.verifier.effectiveClientId)
  const nonce = String(resolved.authorizationRequestPayload.nonce)
  if (wasAnswered(agentContext, clientId, nonce)) {
    throw new InvalidInputError(
      'This request was answered already; a company that asks again sends a new link. Nothing was sent.',
    )
  }
}
