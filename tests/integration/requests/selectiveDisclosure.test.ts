import path from 'node:path'

import { DidCommEnvelopeService, type DidCommEncryptedMessage } from '@credo-ts/didcomm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { eitherPath, identityClaims, identityRequest, Issuer, Lender, samplePerson } from '../../../scripts/companies'
import { verifyMixedPresentation, type MixedPresentation } from '../../../electron/node/requests'
import { connectToCompany, eventually } from '../../helpers/companies'
import { BrokenSignatureSdJwtVcFormatService } from '../../helpers/misbehaving'
import { freePort } from '../../helpers/freePort'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const DISCLOSABLE = ['name', 'dateOfBirth', 'age_over_18', 'address.street', 'address.postcode', 'address.city']

/** Every text the lender could read in what it received: the decrypted messages and all they encode. */
async function readable(lender: Lender, bodies: Buffer[]): Promise<string> {
  const texts: string[] = []
  for (const body of bodies) {
    const { plaintextMessage } = await lender.agent.dependencyManager
      .resolve(DidCommEnvelopeService)
      .unpackMessage(lender.agent.context, JSON.parse(body.toString()) as DidCommEncryptedMessage)
    const plaintext = JSON.stringify(plaintextMessage)
    texts.push(plaintext)
    // Attachments are base64; SD-JWT parts are base64url separated by '.' and '~'.
    for (const encoded of plaintext.match(/[A-Za-z0-9+/_=-]{16,}/g) ?? []) {
      const decoded = Buffer.from(encoded, 'base64').toString('utf8')
      texts.push(decoded)
      for (const part of decoded.split(/[.~]/)) texts.push(Buffer.from(part, 'base64url').toString('utf8'))
    }
  }
  return texts.join('\n')
}

describe('SD-JWT VC selective disclosure between real agents, measured on the wire', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let registry: Issuer
  let lender: Lender
  let node: CustosNode
  const received: Buffer[] = []
  const person = samplePerson(5)

  beforeEach(async () => {
    tmp = makeTmpDir()
    received.length = 0
    registry = await Issuer.start({
      name: 'Population Registry',
      dataDir: path.join(tmp.dir, 'registry'),
      port: await freePort(),
    })
    lender = await Lender.start({
      name: 'Lender',
      dataDir: path.join(tmp.dir, 'lender'),
      port: await freePort(),
      tap: (body) => received.push(body),
    })
    node = await startNode(`${tmp.dir}/node`, { label: 'Alice', inbound: { port: await freePort() } })
  })
  afterEach(async () => {
    await node.close().catch(() => undefined)
    await Promise.all([registry.stop(), lender.stop()].map((stopped) => stopped.catch(() => undefined)))
    tmp.cleanup()
  })

  it('holds the identity as SD-JWT VC and JSON-LD, answers with the SD-JWT VC and only the city and age_over_18', async () => {
    const api = apiOf(node)
    const { companyConnectionId } = await connectToCompany(node, registry)
    const claims = identityClaims(person)
    await registry.offerSdJwt(companyConnectionId, 'IdentityCredential', claims, DISCLOSABLE)
    const offer = await eventually(async () => (await api['credentials.listOffers'](undefined))[0])
    expect(offer).toMatchObject({ format: 'vc+sd-jwt', issuer: registry.did, types: ['IdentityCredential'], claims })
    const offerMessage = await node.agent.didcomm.credentials.findOfferMessage(offer.id)
    expect(offerMessage?.formats.map((format) => format.format)).toEqual(['custos/sd-jwt-vc-offer@v0.1'])
    const sdJwt = await api['credentials.acceptOffer']({ id: offer.id })
    expect(sdJwt).toMatchObject({
      claims,
      provenance: { issuer: registry.did, format: 'vc+sd-jwt', signature: { result: 'valid' } },
    })
    expect((await api['credentials.verify']({ id: sdJwt.id })).provenance.signature.result).toBe('valid')

    await registry.offer(companyConnectionId, { kind: 'IdentityCredential', claims })
    const jsonLdOffer = await eventually(async () => (await api['credentials.listOffers'](undefined))[0])
    const jsonLd = await api['credentials.acceptOffer']({ id: jsonLdOffer.id })
    expect(jsonLd.provenance.format).toBe('ldp_vc')

    const { companyConnectionId: lenderConnection } = await connectToCompany(node, lender)
    received.length = 0
    const definition = identityRequest([eitherPath('address.city'), eitherPath('dateOfBirth', 'age_over_18')])
    const proofId = await lender.ask(lenderConnection, definition)
    const outcome = lender.outcome(proofId)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    expect(request.asked).toEqual([
      expect.objectContaining({ types: ['IdentityCredential'], claims: ['address.city', 'age_over_18'] }),
    ])
    const proposal = await api['requests.propose']({ id: request.id })
    expect(proposal.items[0].candidates.sort()).toEqual([sdJwt.id, jsonLd.id].sort())
    // The SD-JWT VC before the JSON-LD credential, the derived claim before the date of birth, nothing unasked.
    expect(proposal.items[0]).toMatchObject({
      credentialId: sdJwt.id,
      claimsLeaving: { 'address.city': person.address.city, age_over_18: true },
      claimsAsked: ['address.city', 'age_over_18'],
    })
    expect(Object.keys(proposal.items[0].claimsLeaving)).toHaveLength(2)

    await api['requests.approve']({ id: request.id })
    const verified = await outcome
    expect(verified.state).toBe('verified')
    if (verified.state !== 'verified') return
    expect(verified.credentials).toEqual([
      {
        types: ['IdentityCredential'],
        issuer: registry.did,
        format: 'vc+sd-jwt',
        claims: { address: { city: person.address.city }, age_over_18: true },
      },
    ])
    const presentation = await lender.agent.didcomm.proofs.findPresentationMessage(proofId)
    expect(presentation?.formats.map((format) => format.format)).toEqual(['dif/presentation-exchange/submission@v1.0'])

    const wire = await readable(lender, received)
    expect(wire).toContain(person.address.city)
    for (const undisclosed of [person.address.street, person.address.postcode, person.dateOfBirth, person.name]) {
      expect(wire).not.toContain(undisclosed)
    }
  })

  it('leaves out a statement the request marks optional, and refuses to leave out a required one', async () => {
    const api = apiOf(node)
    const { companyConnectionId } = await connectToCompany(node, registry)
    await registry.offerSdJwt(companyConnectionId, 'IdentityCredential', identityClaims(person), DISCLOSABLE)
    const offer = await eventually(async () => (await api['credentials.listOffers'](undefined))[0])
    await api['credentials.acceptOffer']({ id: offer.id })
    const { companyConnectionId: lenderConnection } = await connectToCompany(node, lender)
    const definition = identityRequest([
      eitherPath('address.city'),
      { ...eitherPath('address.street'), optional: true },
    ])
    const proofId = await lender.ask(lenderConnection, definition)
    const outcome = lender.outcome(proofId)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    const proposal = await api['requests.propose']({ id: request.id })
    expect(proposal.items[0]).toMatchObject({
      claimsLeaving: { 'address.city': person.address.city, 'address.street': person.address.street },
      claimsOptional: ['address.street'],
    })

    // Bad choices are refused in words before anything leaves: the request stays open, History stays empty.
    received.length = 0
    await expect(
      api['requests.approve']({ id: request.id, omitClaims: { identity: ['address.city'] } }),
    ).rejects.toMatchObject({ code: 'SubsetNotAllowed', message: expect.stringContaining('address.city') })
    await expect(
      api['requests.approve']({ id: request.id, omitClaims: { income: ['grossYearlyIncome'] } }),
    ).rejects.toMatchObject({ code: 'InvalidInput' })
    expect(received).toHaveLength(0)
    expect((await api['requests.get']({ id: request.id })).state).toBe('request-received')
    expect(await api['disclosures.list'](undefined)).toEqual([])

    // A policy remembered from this answer names only what the person let leave.
    const policy = await api['consent.previewRemember']({
      requestId: request.id,
      action: 'share',
      remember: { who: { kind: 'connection' } },
      omitClaims: { identity: ['address.street'] },
    })
    expect(policy.what).toEqual([{ type: 'IdentityCredential', claims: ['address.city'] }])

    await api['requests.approve']({ id: request.id, omitClaims: { identity: ['address.street'] } })
    const verified = await outcome
    expect(verified.state).toBe('verified')
    if (verified.state !== 'verified') return
    expect(verified.credentials[0].claims).toEqual({ address: { city: person.address.city } })
    const wire = await readable(lender, received)
    expect(wire).toContain(person.address.city)
    expect(wire).not.toContain(person.address.street)
    const [entry] = await api['disclosures.list'](undefined)
    expect(entry.credentials[0].claims).toEqual(['address.city'])
  })

  it('the lender’s check fails for another challenge or audience, and when an asked claim is withheld', async () => {
    const api = apiOf(node)
    const { companyConnectionId } = await connectToCompany(node, registry)
    await registry.offerSdJwt(companyConnectionId, 'IdentityCredential', identityClaims(person), DISCLOSABLE)
    const offer = await eventually(async () => (await api['credentials.listOffers'](undefined))[0])
    await api['credentials.acceptOffer']({ id: offer.id })
    const { companyConnectionId: lenderConnection } = await connectToCompany(node, lender)
    const definition = identityRequest([eitherPath('address.city')])
    const proofId = await lender.ask(lenderConnection, definition)
    const outcome = lender.outcome(proofId)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    await api['requests.approve']({ id: request.id })
    expect((await outcome).state).toBe('verified')

    const data = await lender.agent.didcomm.proofs.getFormatData(proofId)
    const presentation = data.presentation?.presentationExchange as unknown as MixedPresentation
    const challenge = data.request?.presentationExchange?.options?.challenge ?? ''
    const context = lender.agent.context
    const check = (options: { challenge: string; domain: string }, sent = presentation) =>
      verifyMixedPresentation(context, sent, { definition, ...options })
    await expect(check({ challenge, domain: lender.endpoint })).resolves.toBeUndefined()
    await expect(check({ challenge: 'another-nonce', domain: lender.endpoint })).rejects.toThrow(/verify/)
    await expect(check({ challenge, domain: 'https://someone.else' })).rejects.toThrow(/verify/)
    // The same SD-JWT VC with the city's disclosure taken out: its signature still holds, the descriptor does not.
    const [compact] = presentation.vp_token as string[]
    const parts = compact.split('~')
    const withoutCity = parts.filter((part, index) => {
      if (index === 0 || index === parts.length - 1) return true
      return !Buffer.from(part, 'base64url').toString('utf8').includes(person.address.city)
    })
    expect(withoutCity.length).toBe(parts.length - 1)
    const stripped = { ...presentation, vp_token: [withoutCity.join('~')] }
    await expect(check({ challenge, domain: lender.endpoint }, stripped)).rejects.toThrow()
  })

  it('refuses an SD-JWT VC offered under another issuer DID, or with a broken signature, and stores nothing', async () => {
    const api = apiOf(node)
    const { companyConnectionId } = await connectToCompany(node, registry)
    const impostor = await registry.agent.dids.create({
      method: 'key',
      options: { createKey: { type: { kty: 'OKP', crv: 'Ed25519' } } },
    })
    const claims = identityClaims(person)
    const offered = await registry.offerSdJwt(
      companyConnectionId,
      'IdentityCredential',
      claims,
      DISCLOSABLE,
      impostor.didState.did,
    )
    const refused = await eventually(async () => {
      const record = await registry.agent.didcomm.credentials.getById(offered.id)
      return record.state === 'abandoned' ? record : undefined
    })
    expect(refused.errorMessage).toContain('is not the party of this connection')
    expect(await api['credentials.listOffers'](undefined)).toEqual([])

    const broken = await Issuer.start({
      name: 'Registry with a broken signer',
      dataDir: path.join(tmp.dir, 'broken'),
      port: await freePort(),
      sdJwtVcFormat: new BrokenSignatureSdJwtVcFormatService(),
    })
    try {
      const { companyConnectionId: brokenConnection } = await connectToCompany(node, broken)
      await broken.offerSdJwt(brokenConnection, 'IdentityCredential', claims, DISCLOSABLE)
      const offer = await eventually(async () => (await api['credentials.listOffers'](undefined))[0])
      await expect(api['credentials.acceptOffer']({ id: offer.id })).rejects.toMatchObject({
        code: 'CredentialRefused',
      })
    } finally {
      await broken.stop()
    }
    expect(await api['credentials.list'](undefined)).toEqual([])
    expect(await node.agent.sdJwtVc.getAll()).toEqual([])
  })
})
