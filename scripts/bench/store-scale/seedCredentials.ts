import { createHash, randomBytes, randomUUID } from 'node:crypto'

import {
  type BaseRecord,
  JsonTransformer,
  W3cCredentialRecord,
  W3cCredentialRepository,
  W3cJsonLdVerifiableCredential,
  type AgentContext,
} from '@credo-ts/core'

import { appDatabaseOf } from '../../../electron/node/db'
import { documents } from '../../../electron/node/credentials/documents/documentsTable'
import { CREDENTIAL_CONTEXTS, samplePerson } from '../../companies'

const ISSUER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'
// Askar takes one record per session; a few at once keep both cores busy without queueing hundreds.
const AT_ONCE = 16

/**
 * Seeds held credentials straight into Credo's W3cCredentialRepository (issuing 10,000 over DIDComm would
 * take most of an hour here), each with a 4 KiB document in the app database. The proof is a placeholder:
 * listing and searching read the records and never check signatures.
 */
export async function seedCredentials(agentContext: AgentContext, from: number, to: number): Promise<void> {
  const repository = agentContext.dependencyManager.resolve(W3cCredentialRepository)
  const db = appDatabaseOf(agentContext)
  for (let start = from; start < to; start += AT_ONCE) {
    const batch = Array.from({ length: Math.min(AT_ONCE, to - start) }, (_, i) => start + i)
    const docs = batch.map(() => randomBytes(4096))
    db.transaction((tx) => {
      for (const bytes of docs) {
        tx.insert(documents)
          .values({
            digestSri: digestOf(bytes),
            mediaType: 'application/pdf',
            size: bytes.length,
            bytes,
            storedAt: now(),
          })
          .run()
      }
    })
    await Promise.all(
      batch.map((n, i) => {
        const { credential, tags } = heldRecordOptions(n, docs[i])
        const record = W3cCredentialRecord.fromCredential(credential)
        // Our provenance tags are free-form strings beside Credo's typed ones.
        for (const [name, value] of Object.entries(tags)) (record as unknown as BaseRecord).setTag(name, value)
        return repository.save(agentContext, record)
      }),
    )
  }
}

function heldRecordOptions(n: number, document: Buffer) {
  const person = samplePerson(n)
  const credential = JsonTransformer.fromJSON(
    {
      '@context': CREDENTIAL_CONTEXTS,
      id: `urn:uuid:${randomUUID()}`,
      type: ['VerifiableCredential', 'BankStatementCredential'],
      issuer: ISSUER,
      issuanceDate: new Date(Date.UTC(2020, 0, 1) + n * 60_000).toISOString(),
      credentialSubject: {
        id: ISSUER,
        accountHolder: person.name,
        iban: person.iban,
        period: `${2000 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`,
        closingBalance: n,
        document: { attachmentId: `statement-${n}`, mediaType: 'application/pdf', digestSRI: digestOf(document) },
      },
      proof: {
        type: 'Ed25519Signature2018',
        created: now(),
        verificationMethod: `${ISSUER}#${ISSUER.slice(8)}`,
        proofPurpose: 'assertionMethod',
        jws: 'placeholder..signature',
      },
    },
    W3cJsonLdVerifiableCredential,
  )
  return { credential, tags: { custosSignature: 'valid', custosCheckedAt: now() } }
}

const now = () => new Date().toISOString()
const digestOf = (bytes: Buffer) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`
