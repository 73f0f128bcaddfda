import type { OpenId4VciResolvedCredentialOffer } from '@credo-ts/openid4vc'

import type { CredentialOfferSummary, OfferedCredential } from '../../../shared/api'
import { credentialDisplay, localizedNames } from './issuerDisplay'

/** The formats the node keeps as held credentials today; the others are refused before a token is asked. */
export const SUPPORTED_FORMATS = new Set(['dc+sd-jwt', 'vc+sd-jwt', 'jwt_vc_json', 'mso_mdoc'])

interface Display {
  name?: string
  locale?: string
  logo?: { uri?: string }
}

/** The English entry, else one without a locale, else the first: what the person reads. */
function pick(displays: Display[] | undefined): Display | undefined {
  if (!displays?.length) return undefined
  return (
    displays.find((display) => display.locale?.startsWith('en')) ??
    displays.find((display) => !display.locale) ??
    displays[0]
  )
}

/** Only inline images: a logo on another host would be fetched by the screen, telling that host the offer was opened. */
function inlineLogo(display: Display | undefined): string | undefined {
  const uri = display?.logo?.uri
  return uri?.startsWith('data:image/') && uri.length < 200_000 ? uri : undefined
}

export function toOfferSummary(resolved: OpenId4VciResolvedCredentialOffer, offer: string): CredentialOfferSummary {
  const issuerMetadata = resolved.metadata.credentialIssuer
  const issuerDisplay = pick(issuerMetadata.display as Display[] | undefined)
  const credentials = Object.entries(resolved.offeredCredentialConfigurations).map(
    ([configurationId, configuration]): OfferedCredential => {
      const config = configuration as {
        format: string
        vct?: string
        doctype?: string
        credential_definition?: { type?: string[] }
        credential_metadata?: { display?: Display[]; claims?: unknown }
        display?: Display[]
        claims?: unknown
        proof_types_supported?: { jwt?: { key_attestations_required?: unknown } }
      }
      return {
        configurationId,
        format: config.format,
        name: pick(config.credential_metadata?.display ?? config.display)?.name,
        display: credentialDisplay(config, issuerMetadata.display),
        // A W3C VC names its most specific type last.
        type: config.vct ?? config.doctype ?? config.credential_definition?.type?.at(-1),
        ...supportOf(config),
      }
    },
  )
  const grants = resolved.credentialOfferPayload.grants ?? {}
  const preAuthorized = grants['urn:ietf:params:oauth:grant-type:pre-authorized_code']
  const txCode = preAuthorized?.tx_code
  return {
    issuer: {
      url: issuerMetadata.credential_issuer,
      name: issuerDisplay?.name,
      names: localizedNames(issuerMetadata.display),
      logo: inlineLogo(issuerDisplay),
    },
    credentials,
    txCode: txCode
      ? {
          description: txCode.description?.slice(0, 300),
          length: txCode.length,
          inputMode: txCode.input_mode === 'text' ? 'text' : 'numeric',
        }
      : undefined,
    grant: preAuthorized ? 'pre-authorized_code' : 'authorization_code',
    offer,
  }
}

/** The resolved offer by value, so accepting does not fetch a by-reference offer a second time. */
export function offerByValue(resolved: OpenId4VciResolvedCredentialOffer): string {
  return `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(resolved.credentialOfferPayload))}`
}

// Told on the offer, before the person asks for it: the same two refusals acceptOffer gives in words.
function supportOf(config: {
  format: string
  proof_types_supported?: { jwt?: { key_attestations_required?: unknown } }
}): Pick<OfferedCredential, 'supported' | 'unsupportedBecause'> {
  if (!SUPPORTED_FORMATS.has(config.format)) return { supported: false, unsupportedBecause: 'format' }
  if (config.proof_types_supported?.jwt?.key_attestations_required !== undefined) {
    return { supported: false, unsupportedBecause: 'attestation' }
  }
  return { supported: true }
}
