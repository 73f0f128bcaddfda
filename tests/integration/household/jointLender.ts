import { randomUUID } from 'node:crypto'

import type { DifPresentationExchangeDefinitionV2 } from '@credo-ts/core'
import { DidCommAutoAcceptProof, DidCommDidExchangeState, DidCommProofState } from '@credo-ts/didcomm'

import { JOINT_GOAL_CODE } from '../../../electron/node/jointApplications'
import { REQUEST_TERMS_PREFIX } from '../../../electron/node/requests'
import {
  type DisclosedCredential,
  judgePresentation,
  type Lender,
  mortgageDefinition,
  mortgageTerms,
} from '../../../scripts/companies'
import { recipientKeyOf } from '../../../scripts/companies/didKeyRouting'
import type { RequestTerms } from '../../../electron/node/requests'

type Definition = DifPresentationExchangeDefinitionV2

export interface VerifiedPart {
  /** The lender's proof exchange record of this part. */
  proofId: string
  connectionId: string
  names: string[]
  /** What the part disclosed, credential by credential. */
  credentials: DisclosedCredential[]
}

/** What the company asks each applicant, under which terms, and the goal its invitation states. */
export interface JointRequestKind {
  definition: Definition
  terms: RequestTerms
  /** The invitation's goal; its words must include the application id. */
  goal: (applicationId: string) => string
}

export const jointMortgage: JointRequestKind = {
  definition: mortgageDefinition,
  terms: mortgageTerms,
  goal: (applicationId) => `Joint mortgage application ${applicationId}`,
}

export interface JointApplication {
  id: string
  /** The lender's invitation for the second applicant, and its out-of-band record. */
  invitationUrl: string
  outOfBandId: string
  firstRequestId: string
}

/**
 * The lender's side of a joint application, on a plain Credo agent (the sample Lender): an out-of-band
 * invitation made for the application, the first request with `pthid` = application id and the terms
 * naming the application and that invitation, then the second request on the connection that invitation
 * led to. It knows the second connection belongs to the application by the invitation, not by what the
 * second node says.
 */
export class JointLender {
  constructor(
    readonly lender: Lender,
    readonly kind: JointRequestKind = jointMortgage,
  ) {}

  async invitationFor(applicationId: string, goalCode = JOINT_GOAL_CODE) {
    const agent = this.lender.agent
    const record = await agent.didcomm.oob.createInvitation({
      label: this.lender.name,
      goalCode,
      goal: this.kind.goal(applicationId),
      // Under the lender's own did:key, so a trust list that names the lender names whoever uses this
      // invitation; reusable at the DIDComm level because Credo answers a single-use one with a DID under
      // that same key, which it allows once per key (the lender's connection to Anna has it). The lender
      // itself takes one connection from it: askSecond asks the first that comes.
      multiUseInvitation: true,
      routing: {
        endpoints: [this.lender.endpoint],
        recipientKey: await recipientKeyOf(agent, this.lender.did),
        routingKeys: [],
      },
    })
    return { url: record.outOfBandInvitation.toUrl({ domain: this.lender.endpoint }), outOfBandId: record.id }
  }

  /** Asks the first applicant; `invitation` overrides what the terms carry (for refusal tests). */
  async askFirst(
    connectionId: string,
    options: { invitation?: { url: string; outOfBandId: string }; definition?: Definition } = {},
  ) {
    const id = randomUUID()
    const invitation = options.invitation ?? (await this.invitationFor(id))
    const firstRequestId = await this.request(connectionId, id, 'first', options.definition, invitation.url)
    return { id, invitationUrl: invitation.url, outOfBandId: invitation.outOfBandId, firstRequestId }
  }

  /** Waits for the connection the invitation leads to, then asks the second applicant on it. */
  async askSecond(application: JointApplication, timeoutMs = 60_000, definition?: Definition): Promise<string> {
    const connectionId = await this.lender.connectionFor(application.outOfBandId, timeoutMs)
    // Ready on the lender's side once its response is sent; the member's node knows the lender's new DID
    // only once that response arrived, which its complete message says. A request before it could be lost.
    const deadline = Date.now() + timeoutMs
    const connections = this.lender.agent.didcomm.connections
    while ((await connections.getById(connectionId)).state !== DidCommDidExchangeState.Completed) {
      if (Date.now() > deadline) throw new Error('the second applicant did not complete the connection')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return this.request(connectionId, application.id, 'second', definition)
  }

  /**
   * Both presentations of the application, grouped by their parent thread, once both are verified and
   * acknowledged: the connection each came over and the names of the people its credentials are about.
   */
  async bothVerified(applicationId: string, timeoutMs = 60_000): Promise<VerifiedPart[]> {
    const proofs = this.lender.agent.didcomm.proofs
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const records = await proofs.findAllByQuery({ parentThreadId: applicationId })
      const failed = records.find(
        (r) => r.state === DidCommProofState.Abandoned || r.state === DidCommProofState.Declined,
      )
      if (failed) throw new Error(`a part of the application was not answered: ${failed.errorMessage ?? failed.state}`)
      const done = records.filter((r) => r.state === DidCommProofState.Done && r.isVerified)
      if (records.length === 2 && done.length === 2) return Promise.all(done.map((record) => this.part(record.id)))
      if (Date.now() > deadline) throw new Error(`the application has ${done.length} of 2 verified answers`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  /** The verified parts of the application so far, grouped by their parent thread. */
  async verifiedParts(applicationId: string): Promise<VerifiedPart[]> {
    const records = await this.lender.agent.didcomm.proofs.findAllByQuery({ parentThreadId: applicationId })
    const done = records.filter((r) => r.state === DidCommProofState.Done && r.isVerified)
    return Promise.all(done.map((record) => this.part(record.id)))
  }

  private async part(proofId: string): Promise<VerifiedPart> {
    const proofs = this.lender.agent.didcomm.proofs
    const record = await proofs.getById(proofId)
    const data = await proofs.getFormatData(proofId)
    const decode = (compact: string) => this.lender.agent.sdJwtVc.fromCompact(compact).prettyClaims
    const judged = judgePresentation(data.presentation?.presentationExchange, new Map(), decode)
    const credentials = judged.state === 'refused' ? [] : judged.credentials
    const names = credentials.map((credential) => credential.claims.name)
    const strings = names.filter((name): name is string => typeof name === 'string')
    return { proofId, connectionId: record.connectionId!, names: [...new Set(strings)], credentials }
  }

  private async request(
    connectionId: string,
    applicationId: string,
    role: 'first' | 'second',
    definition: Definition = this.kind.definition,
    invitationUrl?: string,
  ) {
    const terms = {
      ...this.kind.terms,
      application: { id: applicationId, applicants: 2, role },
      ...(invitationUrl ? { secondApplicantInvitation: invitationUrl } : {}),
    }
    const record = await this.lender.agent.didcomm.proofs.requestProof({
      connectionId,
      protocolVersion: 'v2',
      parentThreadId: applicationId,
      autoAcceptProof: DidCommAutoAcceptProof.ContentApproved,
      proofFormats: {
        presentationExchange: { presentationDefinition: definition, options: { domain: this.lender.endpoint } },
      },
      comment: `${REQUEST_TERMS_PREFIX}${JSON.stringify(terms)}`,
    } as Parameters<Lender['agent']['didcomm']['proofs']['requestProof']>[0])
    return record.id
  }
}
