import type { AgentContext, DifPresentationExchangeDefinition } from '@credo-ts/core'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  bundledContexts,
  ContextDigestError,
  offlineDocumentLoader,
  UnbundledDocumentError,
} from '../../electron/node/jsonld'
import { findResource } from '../../electron/node/platform'
import { askedItems, declineReason, parseRequestTerms, REQUEST_TERMS_PREFIX } from '../../electron/node/requests'
import {
  ageOn,
  judgePresentation,
  mortgageDefinition,
  mortgageTerms,
  samplePerson,
  termsComment,
} from '../../scripts/companies'
import { isSameOfferButSubject } from '../../scripts/companies/requestMatchesOffer'

describe('bundled JSON-LD contexts', () => {
  it('serves every listed context from resources/jsonld and refuses anything else without a context', async () => {
    // No pinned contexts: a store whose generic records are empty.
    const noPins = { dependencyManager: { resolve: () => ({ findAllByQuery: async () => [] }) } }
    const load = offlineDocumentLoader(noPins as unknown as AgentContext)
    for (const url of bundledContexts().keys()) {
      const loaded = await load(url)
      expect(loaded.document['@context']).toBeTypeOf('object')
    }
    expect([...bundledContexts().keys()]).toEqual(
      expect.arrayContaining([
        'https://www.w3.org/2018/credentials/v1',
        'https://w3id.org/security/suites/ed25519-2018/v1',
        'https://w3id.org/security/suites/ed25519-2020/v1',
        'https://custos.example/contexts/v1',
        // What issuers in the field use: VC 2.0, Data Integrity, citizenship, status lists, the W3C examples.
        'https://www.w3.org/ns/credentials/v2',
        'https://w3id.org/security/data-integrity/v2',
        'https://w3id.org/citizenship/v1',
        'https://w3id.org/vc/status-list/2021/v1',
        'https://www.w3.org/ns/credentials/status/v1',
        'https://www.w3.org/2018/credentials/examples/v1',
        'https://w3id.org/security/bbs/v1',
      ]),
    )
    await expect(load('https://schema.org/')).rejects.toBeInstanceOf(UnbundledDocumentError)
    // did:web is read from its own host by the node's resolver; a ledger DID is never looked up.
    await expect(load('did:sov:WRfXPg8dantKVubE3HX8pw')).rejects.toBeInstanceOf(UnbundledDocumentError)
  })

  it('refuses a bundled context whose bytes are not the ones listed', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-jsonld-'))
    try {
      fs.cpSync(findResource('jsonld'), copy, { recursive: true })
      const file = path.join(copy, 'w3id-org-citizenship-v1.jsonld')
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"PermanentResidentCard"', '"PermanentResident"'))
      expect(() => bundledContexts(copy)).toThrow(ContextDigestError)
      expect(() => bundledContexts(copy)).toThrow(/citizenship\/v1 .* is not the one Custos shipped/)
    } finally {
      fs.rmSync(copy, { recursive: true, force: true })
    }
  })
})

describe('request terms and asked claims', () => {
  it('reads the terms a lender states, and nothing from a comment that is not terms', () => {
    expect(parseRequestTerms(termsComment(mortgageTerms))).toEqual(mortgageTerms)
    expect(parseRequestTerms('please send')).toEqual({})
    expect(parseRequestTerms(`${REQUEST_TERMS_PREFIX}{not json`)).toEqual({})
    expect(parseRequestTerms(`${REQUEST_TERMS_PREFIX}{"retention":7,"purpose":"  x  "}`)).toEqual({ purpose: 'x' })
  })

  it('turns input descriptors into credential types and claim names', () => {
    const asked = askedItems(mortgageDefinition as DifPresentationExchangeDefinition)
    expect(asked.map(({ descriptorId, types, claims }) => ({ descriptorId, types, claims }))).toEqual([
      { descriptorId: 'identity', types: ['IdentityCredential'], claims: ['name', 'dateOfBirth', 'address'] },
      { descriptorId: 'income', types: ['IncomeCredential'], claims: ['grossYearlyIncome', 'employedSince'] },
    ])
    expect(declineReason([asked[1]])).toBe('Not held: Income (grossYearlyIncome, employedSince).')
    expect(declineReason([])).toBe('The person declined the request.')
  })
})

describe('sample companies', () => {
  it('generate the same made-up person from the same seed and derive age on a given day', () => {
    expect(samplePerson(4)).toEqual(samplePerson(4))
    expect(samplePerson(4)).not.toEqual(samplePerson(5))
    expect(ageOn('2000-06-15', '2018-06-14')).toBe(17)
    expect(ageOn('2000-06-15', '2018-06-15')).toBe(18)
  })

  it('sign a request only when it is the offer with the holder as subject', () => {
    const offer = {
      credential: { issuer: 'did:key:z1', credentialSubject: { name: 'A' } },
      options: { proofType: 'X' },
    }
    const request = (subject: object) => ({ ...offer, credential: { ...offer.credential, credentialSubject: subject } })
    expect(isSameOfferButSubject(offer, request({ name: 'A', id: 'did:key:z6Mk' }))).toBe(true)
    expect(isSameOfferButSubject(offer, request({ name: 'B', id: 'did:key:z6Mk' }))).toBe(false)
    expect(isSameOfferButSubject(offer, request({ name: 'A' }))).toBe(false)
    expect(isSameOfferButSubject(offer, request({ name: 'A', id: 'https://elsewhere' }))).toBe(false)
  })
})

describe('the lender’s judgement of a verified presentation', () => {
  const credential = (type: string, issuer: string) => ({
    type: ['VerifiableCredential', type],
    issuer,
    credentialSubject: {},
  })
  it('takes an issuer’s word only where the lender trusts it for that type', () => {
    const trusted = new Map([['IncomeCredential', new Set(['did:key:employer'])]])
    const presentation = (issuer: string) => ({
      verifiableCredential: [
        credential('IdentityCredential', 'did:key:anyone'),
        credential('IncomeCredential', issuer),
      ],
    })
    expect(judgePresentation(presentation('did:key:employer'), trusted).state).toBe('verified')
    expect(judgePresentation(presentation('did:key:impostor'), trusted)).toMatchObject({
      state: 'untrusted',
      reason: 'untrusted issuer: did:key:impostor',
    })
  })
})
