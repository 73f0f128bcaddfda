import type { IDisclosureFrame, SdJwtVcHolderDidBinding } from '@credo-ts/core'
import type { DidCommCredentialFormat } from '@credo-ts/didcomm'

/**
 * Attachment formats of SD-JWT VCs over issue-credential v2. They follow the message pattern of the
 * pending Aries RFC 0881 (itself after RFC 0809): the offer states what would be signed, the request
 * names the holder's binding key, the credential is the compact SD-JWT. They differ in what is
 * carried: RFC 0881 wraps a W3C VCDM 2.0 credential (`vc+sd-jwt` in VC-JOSE-COSE), while Credo's
 * SdJwtVcModule signs IETF SD-JWT VCs (a `vct`, claims at the top level), hence identifiers of our own.
 */
export const SD_JWT_VC_OFFER = 'custos/sd-jwt-vc-offer@v0.1'
export const SD_JWT_VC_REQUEST = 'custos/sd-jwt-vc-request@v0.1'
export const SD_JWT_VC_CREDENTIAL = 'custos/sd-jwt-vc@v0.1'

export type SdJwtVcClaims = Record<string, unknown>

export interface SdJwtVcOfferData {
  vct: string
  /** The issuer's did:key; the credential is signed with its key. */
  issuer: string
  claims: SdJwtVcClaims
  /** Which claims are selectively disclosable (Credo's disclosure frame). */
  disclosureFrame: IDisclosureFrame
  /** Seconds since the epoch; absent when it does not expire. */
  expiresAt?: number
}

export interface SdJwtVcRequestData {
  holder: SdJwtVcHolderDidBinding
}

export interface SdJwtVcCredentialData {
  compact: string
}

export interface SdJwtVcCredentialFormat extends DidCommCredentialFormat {
  formatKey: 'sdJwtVc'
  credentialRecordType: 'sd-jwt-vc'
  credentialFormats: {
    createProposal: never
    acceptProposal: never
    createOffer: SdJwtVcOfferData
    acceptOffer: { holder?: SdJwtVcHolderDidBinding }
    createRequest: never
    acceptRequest: Record<string, never>
  }
  formatData: {
    proposal: never
    offer: SdJwtVcOfferData
    request: SdJwtVcRequestData
    credential: SdJwtVcCredentialData
  }
}
