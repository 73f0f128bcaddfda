import { randomUUID } from 'node:crypto'

import { inject, injectable, type AgentContext } from '@credo-ts/core'

import type { AgreementTerms, DataAgreement } from '../../../shared/api'
import { AgreementRefusedError } from '../../../shared/errors'
import { AgreementsService, findAgreement, saveOffer, TMF644_CHANNEL } from '../agreements'
import { appDatabaseOf } from '../db'
import { dpvPurposes } from '../vocabulary'
import { partyPrivacyAgreement, partyPrivacyProfile } from './postedResources'
import { readSpecification, type ReadSpecification } from './readSpecification'
import { companyBase, tmfRequest } from './tmf644Http'
import { agreementState, counterThroughTmf, outcomeOf } from './tmfOutcome'

/** Agreements read through TMF644 keep the company's base address where a DIDComm one keeps its connection. */

/** The thread of such an agreement is the person's party id at that company, posted as agreedByParty. */
const partyOf = (threadId: string) => threadId.slice(TMF644_CHANNEL.length)

/**
 * Data agreements with a company that speaks TMF644 Privacy Management: its specification read into the
 * same table as the DIDComm ones, and the person's answer posted back. Nothing is stored before the
 * company's answer has been read whole and holds; a company that cannot be reached changes nothing.
 */
@injectable()
export class Tmf644Service {
  constructor(@inject(AgreementsService) private readonly agreements: AgreementsService) {}

  async fetchSpecification(agentContext: AgentContext, baseUrl: string): Promise<DataAgreement> {
    const base = companyBase(baseUrl)
    const { terms } = await this.read(base)
    const db = appDatabaseOf(agentContext)
    const earlier = findAgreement(db, terms.id)
    if (earlier && earlier.connectionId !== TMF644_CHANNEL + base) {
      throw new AgreementRefusedError('another company’s agreement has the same name')
    }
    if (earlier && !['offered', 'rejected'].includes(earlier.state)) {
      throw new AgreementRefusedError(`the agreement on this data list is ${earlier.state} already`)
    }
    const threadId = earlier?.threadId ?? TMF644_CHANNEL + randomUUID()
    saveOffer(db, { connectionId: TMF644_CHANNEL + base, threadId, terms }, new Date().toISOString())
    this.agreements.announce(agentContext, terms.id, 'offered')
    return this.agreements.get(agentContext, terms.id)
  }

  /**
   * Posts the offer as it stands, or the counter-offer, as a PartyPrivacyProfile and a PartyPrivacyAgreement.
   * The specification is read again first: if the company changed it, the person answers the new one.
   */
  async agree(agentContext: AgentContext, id: string, counter: boolean): Promise<DataAgreement> {
    const agreement = await this.offered(agentContext, id)
    const base = agreement.connectionId.slice(TMF644_CHANNEL.length)
    const read = await this.read(base)
    if (JSON.stringify(read.terms) !== JSON.stringify(agreement.offered)) {
      throw new AgreementRefusedError('the company changed its data list since it was read; read it again')
    }
    const terms = counter ? this.counterOf(read, agreement) : agreement.offered
    const partyId = partyOf(findAgreement(appDatabaseOf(agentContext), id)!.threadId)
    const at = new Date().toISOString()
    const profile = outcomeOf(
      await tmfRequest(`${base}/partyPrivacyProfile`, partyPrivacyProfile(read, terms, partyId, at)),
      'privacy profile',
    )
    if (profile.kind === 'refused') return this.end(agentContext, id, terms, profile.reason)
    const answer = outcomeOf(
      await tmfRequest(`${base}/partyPrivacyAgreement`, partyPrivacyAgreement(read, terms, partyId, profile, at)),
      'privacy agreement',
    )
    if (answer.kind === 'refused') return this.end(agentContext, id, terms, answer.reason)
    const state = agreementState(answer.status)
    if (state === 'rejected') return this.end(agentContext, id, terms, 'The company rejected the privacy agreement.')
    return this.agreements.save(agentContext, id, state, { current: JSON.stringify(terms) })
  }

  /** Declined here only: TMF644 has no refusal to post, and a profile of refusals would be a profile. */
  async reject(agentContext: AgentContext, id: string, reason?: string): Promise<DataAgreement> {
    await this.offered(agentContext, id)
    return this.agreements.save(agentContext, id, 'rejected', { endedBy: 'holder', reason: reason ?? null })
  }

  private async offered(agentContext: AgentContext, id: string): Promise<DataAgreement> {
    const agreement = await this.agreements.get(agentContext, id)
    if (!agreement.connectionId.startsWith(TMF644_CHANNEL)) {
      throw new AgreementRefusedError('it was offered over DIDComm; answer it there')
    }
    if (agreement.state !== 'offered') throw new AgreementRefusedError(`the agreement is ${agreement.state}`)
    return agreement
  }

  private async read(base: string): Promise<ReadSpecification> {
    const answer = await tmfRequest(`${base}/partyPrivacyProfileSpecification`)
    if (answer.status !== 200)
      throw new AgreementRefusedError(`the company answered ${answer.status} for its data list`)
    return readSpecification(answer.body, base, dpvPurposes(), new Date())
  }

  private counterOf(read: ReadSpecification, agreement: DataAgreement): AgreementTerms {
    const { position, offered } = agreement
    if (position.fits) throw new AgreementRefusedError('the offer fits your privacy terms already; accept it instead')
    if (!position.reachable) throw new AgreementRefusedError('nothing of the offer fits your privacy terms; reject it')
    return counterThroughTmf(read, offered, position)
  }

  private end(agentContext: AgentContext, id: string, terms: AgreementTerms, reason: string) {
    return this.agreements.save(agentContext, id, 'rejected', {
      current: JSON.stringify(terms),
      endedBy: 'company',
      reason,
    })
  }
}
