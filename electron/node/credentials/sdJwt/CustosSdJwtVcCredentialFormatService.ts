import { DidKey, EventEmitter, SdJwtVcRepository, type AgentContext } from '@credo-ts/core'
import {
  type DidCommCredentialFormatAcceptOfferOptions,
  type DidCommCredentialFormatCreateReturn,
  type DidCommCredentialFormatProcessCredentialOptions,
  type DidCommCredentialFormatProcessOptions,
} from '@credo-ts/didcomm'

import { keysOfConnection } from '../connectionKeys'
import { CredentialRefusal } from '../CredentialRefusal'
import { CustosCredentialEventTypes, type CredentialStoredEvent } from '../CredentialsEvents'
import { HolderDidService } from '../HolderDidService'
import { setArrival, setSignatureCheck } from '../provenance'
import { refuseAndTell } from '../refuseAndTell'
import { toHeldSdJwtVc } from './heldSdJwtVc'
import { didUrlOf } from './sdJwtVcChecks'
import type { SdJwtVcCredentialFormat, SdJwtVcOfferData } from './sdJwtVcFormat'
import { SdJwtVcCredentialFormatService } from './SdJwtVcCredentialFormatService'

async function checkIssuerOfConnection(agentContext: AgentContext, issuer: string, connectionId?: string) {
  if (!connectionId) throw new CredentialRefusal('Credentials are accepted over a connection only.')
  if (!(await keysOfConnection(agentContext, connectionId)).has(DidKey.fromDid(issuer).publicJwk.fingerprint)) {
    throw new CredentialRefusal(`Issuer ${issuer} is not the party of this connection.`, 'issuer-mismatch')
  }
}

/**
 * The SD-JWT VC format as the node holds: the issuer must be the party of the connection (on the offer
 * and on the credential), the credential is bound to the node's holder did:key, and it is kept with its
 * provenance as tags of Credo's SdJwtVcRecord. A refusal is a problem report; nothing is stored.
 */
export class CustosSdJwtVcCredentialFormatService extends SdJwtVcCredentialFormatService {
  override async processOffer(
    agentContext: AgentContext,
    options: DidCommCredentialFormatProcessOptions,
  ): Promise<void> {
    const { credentialExchangeRecord: credentialRecord } = options
    await refuseAndTell(agentContext, credentialRecord, 'The offer was refused', async () => {
      await super.processOffer(agentContext, options)
      const offer = options.attachment.getDataAsJson<SdJwtVcOfferData>()
      await checkIssuerOfConnection(agentContext, offer.issuer, credentialRecord.connectionId)
    })
  }

  override async acceptOffer(
    agentContext: AgentContext,
    options: DidCommCredentialFormatAcceptOfferOptions<SdJwtVcCredentialFormat>,
  ): Promise<DidCommCredentialFormatCreateReturn> {
    const holder = await agentContext.dependencyManager.resolve(HolderDidService).holderDid(agentContext)
    return super.acceptOffer(agentContext, {
      ...options,
      credentialFormats: { sdJwtVc: { holder: { method: 'did', didUrl: didUrlOf(holder) } } },
    })
  }

  override async processCredential(
    agentContext: AgentContext,
    options: DidCommCredentialFormatProcessCredentialOptions,
  ): Promise<void> {
    const { credentialExchangeRecord: credentialRecord } = options
    await refuseAndTell(agentContext, credentialRecord, 'The credential was refused', async () => {
      const offer = options.offerAttachment.getDataAsJson<SdJwtVcOfferData>()
      await checkIssuerOfConnection(agentContext, offer.issuer, credentialRecord.connectionId)
      await super.processCredential(agentContext, options)
    })
    const stored = credentialRecord.credentials.at(-1)
    if (!stored) return
    const repository = agentContext.dependencyManager.resolve(SdJwtVcRepository)
    const record = await repository.getById(agentContext, stored.credentialRecordId)
    setArrival(record, { connectionId: credentialRecord.connectionId, exchangeId: credentialRecord.id })
    setSignatureCheck(record, { result: 'valid', checkedAt: new Date().toISOString() })
    await repository.update(agentContext, record)
    agentContext.dependencyManager.resolve(EventEmitter).emit<CredentialStoredEvent>(agentContext, {
      type: CustosCredentialEventTypes.CredentialStored,
      payload: { exchangeId: credentialRecord.id, credential: toHeldSdJwtVc(agentContext, record) },
    })
  }
}
