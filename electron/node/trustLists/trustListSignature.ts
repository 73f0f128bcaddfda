import crypto from 'node:crypto'

import { DidKey, Kms } from '@credo-ts/core'

import type { TrustListDocument } from '../../../shared/api'
import { TrustListRefusedError } from '../../../shared/errors'
import { canonicalJson } from './canonicalJson'

/** The bytes a publisher signs: the list without its proof, in canonical JSON. */
export function signingInput(document: Omit<TrustListDocument, 'proof'> & { proof?: unknown }): Buffer {
  const { proof: _proof, ...unsigned } = document
  return Buffer.from(canonicalJson(unsigned), 'utf8')
}

/** Checks that the publisher's did:key (Ed25519) signed the list; throws TrustListRefused saying why not. */
export function verifyTrustList(document: TrustListDocument): void {
  let publisherKey: DidKey
  try {
    publisherKey = DidKey.fromDid(document.publisher)
  } catch {
    throw new TrustListRefusedError(`its publisher ${document.publisher} is not a did:key`)
  }
  const jwk = publisherKey.publicJwk.toJson() as { kty: string; crv?: string; x?: string }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) {
    throw new TrustListRefusedError('its publisher key is not an Ed25519 key')
  }
  const [did] = document.proof.verificationMethod.split('#')
  if (did !== document.publisher) {
    throw new TrustListRefusedError(`it is signed by ${did}, not by its publisher ${document.publisher}`)
  }
  const publicKey = crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
    format: 'jwk',
  })
  const signature = Buffer.from(document.proof.proofValue, 'base64url')
  if (signature.length !== 64 || !crypto.verify(null, signingInput(document), publicKey, signature)) {
    throw new TrustListRefusedError(`the signature of its publisher ${document.publisher} does not hold`)
  }
}

/** Signs a list with an Ed25519 private key (32 bytes): what a publisher, or the demo script, does. */
export function signTrustList(
  unsigned: Omit<TrustListDocument, 'proof'>,
  privateKey: Uint8Array,
  created = unsigned.issued,
): TrustListDocument {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(privateKey)])
  const key = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
  const fingerprint = DidKey.fromDid(unsigned.publisher).publicJwk.fingerprint
  const proofValue = crypto.sign(null, signingInput(unsigned), key).toString('base64url')
  return {
    ...unsigned,
    proof: {
      type: 'CustosJcsEd25519Signature2026',
      created,
      verificationMethod: `${unsigned.publisher}#${fingerprint}`,
      proofValue,
    },
  }
}

/** The did:key of an Ed25519 private key (32 bytes). */
export function didKeyOfPrivateKey(privateKey: Uint8Array): string {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(privateKey)])
  const jwk = crypto.createPublicKey(crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({
    format: 'jwk',
  })
  const raw = Buffer.from(jwk.x ?? '', 'base64url')
  return new DidKey(Kms.PublicJwk.fromPublicKey({ kty: 'OKP', crv: 'Ed25519', publicKey: raw })).did
}
