import { CredoError } from '@credo-ts/core'

/**
 * The steps of a credential format that starts with the issuer's offer: no proposals, no request without
 * an offer, nothing answered automatically but a credential after the person accepted its offer.
 */
export abstract class OfferOnlyFormatSteps {
  async createProposal(): Promise<never> {
    throw new CredoError('SD-JWT VC proposals are not supported; the issuer offers.')
  }

  async processProposal(): Promise<void> {
    throw new CredoError('SD-JWT VC proposals are not supported; the issuer offers.')
  }

  async acceptProposal(): Promise<never> {
    throw new CredoError('SD-JWT VC proposals are not supported; the issuer offers.')
  }

  async createRequest(): Promise<never> {
    throw new CredoError('SD-JWT VC requests answer an offer.')
  }

  async shouldAutoRespondToProposal(): Promise<boolean> {
    return false
  }

  async shouldAutoRespondToOffer(): Promise<boolean> {
    return false
  }

  async shouldAutoRespondToRequest(): Promise<boolean> {
    return false
  }

  /** Once the person accepted, a credential that is what was offered needs no second answer. */
  async shouldAutoRespondToCredential(): Promise<boolean> {
    return true
  }
}
