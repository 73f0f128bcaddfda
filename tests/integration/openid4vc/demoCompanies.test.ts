import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { accountClaims, OpenId4VcBank, OpenId4VcLender, samplePerson } from '../../../scripts/companies'
import { openId4VcPerson, runOpenId4VcFlow } from '../../../scripts/demo/openid4vcFlow'
import { freePort } from '../../helpers/freePort'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

/**
 * The demo's OpenID4VC bank and lender (Credo 0.6.3's own issuer and verifier modules on 127.0.0.1) with
 * a node playing the person through the app's API: the offer is taken, the lender verifies exactly the
 * two claims it asks, and the links the demo serves are fresh offers and requests a person can paste.
 */
describe('the demo’s OpenID4VC bank and lender', () => {
  const tmp = makeTmpDir('custos-oid4vc-demo-')
  let bank: OpenId4VcBank
  let lender: OpenId4VcLender
  let node: CustosNode

  beforeAll(async () => {
    bank = await OpenId4VcBank.start({ name: 'OpenID4VC Bank', dataDir: `${tmp.dir}/bank`, port: await freePort() })
    lender = await OpenId4VcLender.start({
      name: 'OpenID4VC Lender',
      dataDir: `${tmp.dir}/lender`,
      port: await freePort(),
    })
    node = await startNode(`${tmp.dir}/node`)
  })

  afterAll(async () => {
    await node?.close()
    await bank?.stop()
    await lender?.stop()
    tmp.cleanup()
  })

  it('issues the account and verifies the two claims the lender asks, answered at the node', async () => {
    const person = samplePerson(7)
    const said: string[] = []
    const say = (who: string, what: string) => said.push(`${who}: ${what}`)
    await runOpenId4VcFlow(bank, lender, person, say, openId4VcPerson(node, say))
    const claims = accountClaims(person)
    // The order of disclosed claims is the SD-JWT's, which shuffles its disclosures: compared as JSON.
    const prefix = 'OpenID4VC Lender: verified over OpenID4VP: '
    const verified = said.find((line) => line.startsWith(prefix))
    expect(JSON.parse(verified!.slice(prefix.length))).toEqual({
      family_name: claims.family_name,
      monthly_income: claims.monthly_income,
    })
    expect(said.at(-1)).toBe('OpenID4VC Lender: mortgage application (OpenID4VC): verified')
    // The bank's names in three languages came with the credential.
    const [held] = await apiOf(node)['credentials.list'](undefined)
    expect(held.display?.names.map((name) => name.name)).toEqual([
      'Kontonachweis',
      'Proof of account',
      'Rekeningbewijs',
    ])
    expect(held.display?.claims.monthly_income[0]).toEqual({ name: 'Monatlicher Eingang', locale: 'de' })
  })

  it('serves fresh offer and request links on its own address', async () => {
    const offer = await (await fetch(`${bank.baseUrl}/demo/offer`)).text()
    expect(offer).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=http%3A%2F%2F127\.0\.0\.1/)
    const request = await (await fetch(`${lender.baseUrl}/demo/request`)).text()
    expect(request).toMatch(/^openid4vp:\/\/\?client_id=decentralized_identifier%3Adid%3Akey%3A/)
    const summary = await apiOf(node)['openid4vc.resolveOffer']({ offer: offer.trim() })
    expect(summary.issuer.name).toBe('OpenID4VC Bank')
  })
})
