import { JsonEncoder, type AgentContext } from '@credo-ts/core'
import {
  DidCommAttachmentData,
  DidCommDifPresentationExchangeProofFormatService,
  DidCommJsonLdCredentialFormatService,
  type DidCommAttachment,
  type DidCommCredentialFormatCreateReturn,
} from '@credo-ts/didcomm'

import { SdJwtVcCredentialFormatService } from '../../electron/node/credentials'

type Json = Record<string, unknown>

function rewrite(attachment: DidCommAttachment, change: (json: Json) => Json): void {
  attachment.data = new DidCommAttachmentData({
    base64: JsonEncoder.toBase64(change(attachment.getDataAsJson<Json>())),
  })
}

export type IssuerMisbehaviour = 'none' | 'broken-signature' | 'malformed-offer'

/** An issuer's JSON-LD format that breaks what it sends after Credo built it (Credo's own checks passed). */
export class MisbehavingJsonLdFormatService extends DidCommJsonLdCredentialFormatService {
  mode: IssuerMisbehaviour = 'none'

  override async createOffer(...args: Parameters<DidCommJsonLdCredentialFormatService['createOffer']>) {
    const created = await super.createOffer(...args)
    // A credential detail without options or a valid issuance date: not an RFC 0593 offer.
    if (this.mode === 'malformed-offer') {
      rewrite(created.attachment, (json) => ({ credential: { ...(json.credential as Json), issuanceDate: 'soon' } }))
    }
    return created
  }

  override async acceptRequest(...args: Parameters<DidCommJsonLdCredentialFormatService['acceptRequest']>) {
    const issued = await super.acceptRequest(...args)
    if (this.mode === 'broken-signature') {
      rewrite(issued.attachment, (json) => {
        const proof = json.proof as { jws: string }
        const [header, , signature] = proof.jws.split('.')
        const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1)
        return { ...json, proof: { ...proof, jws: `${header}..${flipped}` } }
      })
    }
    return issued
  }
}

/** A verifier's DIF PE format that sends a presentation definition without input descriptors. */
export class MalformedRequestFormatService extends DidCommDifPresentationExchangeProofFormatService {
  malformed = false

  override async createRequest(...args: Parameters<DidCommDifPresentationExchangeProofFormatService['createRequest']>) {
    const created = await super.createRequest(...args)
    if (this.malformed) {
      rewrite(created.attachment, (json) => {
        const { input_descriptors: _dropped, ...definition } = json.presentation_definition as Json
        return { ...json, presentation_definition: definition }
      })
    }
    return created
  }
}

/** Signs SD-JWT VCs properly, then breaks the issuer's signature (one changed character). */
export class BrokenSignatureSdJwtVcFormatService extends SdJwtVcCredentialFormatService {
  override async acceptRequest(
    agentContext: AgentContext,
    options: Parameters<SdJwtVcCredentialFormatService['acceptRequest']>[1],
  ): Promise<DidCommCredentialFormatCreateReturn> {
    const issued = await super.acceptRequest(agentContext, options)
    const { compact } = issued.attachment.getDataAsJson<{ compact: string }>()
    const [jwt, ...disclosures] = compact.split('~')
    const [header, payload, signature] = jwt.split('.')
    const changed = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`
    const broken = [[header, payload, changed].join('.'), ...disclosures].join('~')
    issued.attachment.data = new DidCommAttachmentData({ base64: JsonEncoder.toBase64({ compact: broken }) })
    return issued
  }
}
