import { describe, expect, it } from 'vitest'

import { appLinkIn } from '../../electron/main/deepLinks'
import { recipientName } from '../../renderer/src/screens/history/recipientName'
import { linkKind } from '../../renderer/src/screens/openid4vc/linkKind'

// The routing the "Open a link from a company" card does before it asks the node, and the History row's
// split of an OpenID4VP recipient into the name shown and the identifier folded away.
describe('the OpenID4VC screens without a browser', () => {
  it('tells an offer from a request by scheme or by what an https link carries, and neither from anything else', () => {
    const offer = encodeURIComponent(JSON.stringify({ credential_issuer: 'https://bank.example' }))
    expect(linkKind(`openid-credential-offer://?credential_offer=${offer}`)).toBe('offer')
    expect(linkKind('haip-vci://?credential_offer_uri=https%3A%2F%2Fbank.example%2Fo%2F1')).toBe('offer')
    expect(linkKind(`https://wallet.example/offer?credential_offer=${offer}`)).toBe('offer')
    expect(linkKind('{"credential_issuer":"https://bank.example","grants":{}}')).toBe('offer')
    expect(linkKind('openid4vp://?client_id=x&request_uri=https%3A%2F%2Flender.example%2Fr%2F1')).toBe('request')
    expect(linkKind('haip-vp://?client_id=x&request_uri=https%3A%2F%2Flender.example%2Fr%2F1')).toBe('request')
    expect(linkKind('https://wallet.example/?client_id=x&request_uri=https%3A%2F%2Flender.example')).toBe('request')
    expect(linkKind('  openid4vp://?client_id=x&request=ey  ')).toBe('request')
    for (const other of [
      '',
      'hello',
      'https://bank.example/',
      'custos://invite?oob=e30',
      '{"foo":1}',
      'mailto:a@b.c',
    ]) {
      expect(linkKind(other), other).toBeUndefined()
    }
  })

  it('shows a recipient by name and folds away the client id its request proved; a label with brackets stays whole', () => {
    expect(recipientName('Example Lender (decentralized_identifier:did:key:z6Mkabc)')).toEqual({
      name: 'Example Lender',
      technicalId: 'decentralized_identifier:did:key:z6Mkabc',
    })
    expect(recipientName('Bank (Berlin)')).toEqual({ name: 'Bank (Berlin)' })
    expect(recipientName('Lender')).toEqual({ name: 'Lender' })
    expect(recipientName('x509_san_dns:lender.example')).toEqual({ name: 'x509_san_dns:lender.example' })
  })

  it('hands a wallet link the desktop app was opened with to Requests, an invitation to Connections, nothing else', () => {
    const argv = (...links: string[]) => ['/usr/bin/custos', '--flag', ...links]
    const request = 'openid4vp://?client_id=x&request_uri=https%3A%2F%2Flender.example%2Fr%2F1'
    expect(appLinkIn(argv(request))).toEqual({ url: request, topic: 'walletLink' })
    expect(appLinkIn(argv('OPENID-CREDENTIAL-OFFER://?credential_offer_uri=x'))?.topic).toBe('walletLink')
    expect(appLinkIn(argv('haip-vp://?request_uri=x'))?.topic).toBe('walletLink')
    expect(appLinkIn(argv('custos://invite?oob=abc', request))).toEqual({
      url: 'custos://invite?oob=abc',
      topic: 'invitation',
    })
    expect(appLinkIn(argv('https://lender.example/?client_id=x', 'openid4vpx://y', 'custos://other'))).toBeUndefined()
  })
})
