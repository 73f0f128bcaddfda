import { createApi, type CustosNode } from '../../electron/node'
import { LENDER_ASKS, type OpenId4VcBank, type OpenId4VcLender, type SamplePerson } from '../companies'
import type { Say } from './say'

const WAIT_FOR_PERSON_MS = 24 * 60 * 60 * 1000
const WHO = 'Person (node)'
const BANK = 'OpenID4VC Bank'
const LENDER = 'OpenID4VC Lender'

/** The person at the demo node, through the app's own API: takes the offer, answers the request as proposed. */
export function openId4VcPerson(node: CustosNode, say: Say) {
  const { api } = createApi(node)
  return {
    takeOffer: async (link: string) => {
      const offer = await api['openid4vc.resolveOffer']({ offer: link })
      say(WHO, `takes the offer of ${offer.credentials.map((credential) => credential.name).join(', ')}`)
      const held = await api['openid4vc.acceptOffer']({ offer: offer.offer })
      say(WHO, `stored ${held.length} credential(s) over OpenID4VCI, signature ${held[0]?.provenance.signature.result}`)
    },
    answer: async (link: string) => {
      const request = await api['openid4vc.resolveRequest']({ request: link })
      say(WHO, `request from ${request.verifier.statedName ?? request.verifier.clientId}: ${request.purpose}`)
      for (const item of request.items) say(WHO, `  ${JSON.stringify(item.claimsLeaving)} would leave`)
      if (request.state === 'waiting') await api['openid4vc.approveRequest']({ id: request.id })
      say(WHO, 'approved and sent')
    },
  }
}

/**
 * The OpenID4VC family beside DIDComm: the bank prints an offer link (and serves fresh ones), the person
 * takes it; then the lender prints a request link for two of the account's claims and says what it
 * verified. Without a demo node, the links are pasted into the app's "Open a link from a company".
 */
export async function runOpenId4VcFlow(
  bank: OpenId4VcBank,
  lender: OpenId4VcLender,
  person: SamplePerson,
  say: Say,
  atNode?: ReturnType<typeof openId4VcPerson>,
): Promise<void> {
  bank.person = person
  const offer = await bank.offer()
  say(BANK, `offer link: ${offer.link}`)
  say(BANK, `a fresh offer link: ${bank.baseUrl}/demo/offer`)
  say(LENDER, `a fresh request link, once the account is taken: ${lender.baseUrl}/demo/request`)
  await atNode?.takeOffer(offer.link)
  await bank.issued(offer.sessionId, WAIT_FOR_PERSON_MS)
  say(BANK, 'issued the account credential (dc+sd-jwt)')

  const request = await lender.request()
  say(LENDER, `request link: ${request.link}`)
  say(LENDER, `asks for ${LENDER_ASKS.join(' and ')} of the account, for a mortgage offer, kept 1 year`)
  await atNode?.answer(request.link)
  const outcome = await lender.outcome(request.sessionId, WAIT_FOR_PERSON_MS)
  if (outcome.state !== 'verified') {
    say(LENDER, `${outcome.state}: ${outcome.reason}`)
    return
  }
  say(LENDER, `verified over OpenID4VP: ${JSON.stringify(outcome.claims)}`)
  say(LENDER, 'mortgage application (OpenID4VC): verified')
}
