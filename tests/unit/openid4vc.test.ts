import { describe, expect, it } from 'vitest'

import { checkEndpoint, offerLink, requestLink } from '../../electron/node/openid4vc'
import { claimNameFor } from '../../electron/node/openid4vc/dcqlPresented'
import { beyondQuery, claimName, type DcqlProposal } from '../../electron/node/openid4vc/dcqlProposal'

describe('OpenID4VC links and addresses', () => {
  it('allows https anywhere and plain http only to this machine', () => {
    expect(() => checkEndpoint('issuer', 'https://bank.example/oid4vci')).not.toThrow()
    expect(() => checkEndpoint('issuer', 'http://127.0.0.1:4000/oid4vci')).not.toThrow()
    expect(() => checkEndpoint('issuer', 'http://localhost:4000')).not.toThrow()
    expect(() => checkEndpoint('issuer', 'http://bank.example/oid4vci')).toThrow(/not an https address/)
    expect(() => checkEndpoint('issuer', 'ftp://127.0.0.1/x')).toThrow(/not an https address/)
    expect(() => checkEndpoint('issuer', 'not a url')).toThrow(/not a web address/)
  })

  it('reads offers by value, by reference and as JSON, and refuses the rest in words', () => {
    expect(offerLink('openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fbank.example%2Fo%2F1')).toContain(
      'credential_offer_uri',
    )
    expect(offerLink('{"credential_issuer":"https://bank.example"}')).toMatch(
      /^openid-credential-offer:\/\/\?credential_offer=/,
    )
    expect(() => offerLink('openid-credential-offer://?foo=bar')).toThrow(/no credential offer/)
    expect(() => offerLink('{"credential_issuer":"http://bank.example"}')).toThrow(/not an https address/)
    expect(() => offerLink('openid-credential-offer://?credential_offer=%7Bnope')).toThrow(/not readable/)
    expect(() => offerLink('hello')).toThrow(/not a credential offer link/)
    expect(() => offerLink('openid-credential-offer://?credential_offer_uri=http%3A%2F%2Fbank.example%2Fo')).toThrow(
      /not an https address/,
    )
  })

  it('refuses a request link that names no asker, holds no request, or answers to plain http elsewhere', () => {
    expect(() => requestLink('openid4vp://?request_uri=https%3A%2F%2Fl.example%2Fr')).toThrow(/who asks/)
    expect(() => requestLink('openid4vp://?client_id=x')).toThrow(/no presentation request/)
    expect(() =>
      requestLink('openid4vp://?client_id=redirect_uri%3Ax&dcql_query=%7B%7D&response_uri=http%3A%2F%2Fl.example%2Fa'),
    ).toThrow(/not an https address/)
    expect(requestLink('openid4vp://?client_id=x&request_uri=https%3A%2F%2Fl.example%2Fr')).toContain('request_uri')
  })
})

describe('minimisation of a DCQL answer', () => {
  const proposal = (claims: string[], leaving: Record<string, unknown>): DcqlProposal => ({
    asked: [{ descriptorId: 'account', types: ['T'], claims, optional: false }],
    items: [
      {
        descriptorId: 'account',
        candidates: ['c'],
        credentialId: 'c',
        claimsLeaving: leaving,
        claimsAsked: [],
        optional: false,
      },
    ],
    missing: [],
    satisfiable: true,
  })

  it('names each claim that would leave beyond the query, and none when the query asks the whole credential', () => {
    expect(beyondQuery(proposal(['family_name'], { family_name: 'M' }))).toEqual([])
    expect(beyondQuery(proposal(['family_name'], { family_name: 'M', iban: 'DE' }))).toEqual(['account.iban'])
    expect(beyondQuery(proposal(['address.city'], { address: { city: 'X' } }))).toEqual([])
    expect(beyondQuery(proposal([], { family_name: 'M', iban: 'DE' }))).toEqual([])
    // A credential signed whole (a W3C JWT VC) cannot leave in part; the person's card warns of the rest.
    const whole = { ...proposal(['employer'], { employer: 'E', employedSince: '2019' }), whole: ['account'] }
    expect(beyondQuery(whole)).toEqual([])
  })

  it('names an mdoc claim by its data element and a W3C VC claim under its subject, as My data does', () => {
    expect(claimNameFor('mso_mdoc', ['org.iso.18013.5.1', 'family_name'])).toBe('family_name')
    expect(claimNameFor('jwt_vc_json', ['credentialSubject', 'address', 'city'])).toBe('address.city')
    expect(claimNameFor('jwt_vc_json', ['issuer'])).toBe('issuer')
    expect(claimNameFor('dc+sd-jwt', ['address', 'city'])).toBe('address.city')
  })

  it('reads claim paths as dotted names, array steps naming no claim', () => {
    expect(claimName(['address', 'city'])).toBe('address.city')
    expect(claimName(['degrees', null, 'type'])).toBe('degrees.type')
    expect(claimName(['nationalities', 0])).toBe('nationalities')
  })
})
