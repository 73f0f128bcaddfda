import { CredentialMultiInstanceUseMode, type AgentContext, type DcqlCredentialsForRequest } from '@credo-ts/core'

import { CustosError } from '../../../shared/errors'
import { findBatchRecord, isBatchRecord, saveBatchRecord, type BatchRecord } from './batchRecords'
import { isPresentable } from './dcqlPresented'

/** Per batch credential, which instance (by its key) went to which verifier: kept in the record's metadata. */
const KEY = 'custosInstanceByVerifier'
type Ledger = Record<string, string>

type Batched = BatchRecord

const instanceKey = (instance: { kmsKeyId?: string }, index: number) => instance.kmsKeyId ?? `#${index}`

/**
 * A credential taken in a batch answers each verifier with its own instance: the one this verifier got
 * before, else one no other verifier has received, so two verifiers cannot link the answers by the
 * issuer's signature or the holder key. Credo is given a copy of the record holding only that instance
 * (`useMode: First`, so it neither picks nor removes one); the real record keeps all of them and records
 * the choice before anything is sent (a send that fails still counts as received: the safe side). When
 * every instance went to another verifier, nothing is sent.
 */
export async function instancePerVerifier(
  agentContext: AgentContext,
  verifier: string,
  selection: DcqlCredentialsForRequest,
): Promise<DcqlCredentialsForRequest> {
  const out: DcqlCredentialsForRequest = {}
  for (const [queryId, entries] of Object.entries(selection)) {
    const mapped = []
    for (const entry of entries) {
      const record = await asStored(agentContext, entry.credentialRecord)
      // The proposal the person saw, and its minimisation check, read these formats only: another record
      // Credo matched would leave without the person having seen what it carries.
      if (!isPresentable(record)) {
        throw new CustosError(
          'RequestNotSatisfiable',
          `Custos cannot answer with a credential in the format ${entry.claimFormat} yet; nothing was sent.`,
        )
      }
      if (record.credentialInstances.length < 2) {
        mapped.push(entry)
        continue
      }
      mapped.push({
        ...entry,
        credentialRecord: await pick(agentContext, record, verifier),
        useMode: CredentialMultiInstanceUseMode.First,
      })
    }
    out[queryId] = mapped as (typeof selection)[string]
  }
  return out
}

/**
 * The instance (by its key) this verifier answers with: the one it got before, else one no other verifier
 * has received; undefined when every instance went to another verifier (answering would be linkable).
 */
export function instanceFor(record: Batched, verifier: string): string | undefined {
  const ledger = (record.metadata.get(KEY) ?? {}) as Ledger
  const keys = record.credentialInstances.map(instanceKey)
  if (keys.includes(ledger[verifier])) return ledger[verifier]
  const given = new Set(
    Object.entries(ledger)
      .filter(([to]) => to !== verifier)
      .map(([, key]) => key),
  )
  return keys.find((key) => !given.has(key))
}

/** A new batch replaces the instances: no verifier has received any of them yet. */
export function forgetGivenInstances(record: Batched): void {
  record.metadata.delete(KEY)
}

/**
 * The record as stored now, not as the request found it: another answer may have given an instance since
 * (two requests waiting at once), or a new batch replaced them; choosing from the old copy could give two
 * verifiers the same instance, and saving it would undo the other change.
 */
async function asStored<R>(agentContext: AgentContext, record: R): Promise<R> {
  if (!isBatchRecord(record)) return record
  const stored = await findBatchRecord(agentContext, record.id)
  if (!stored) throw new CustosError('NotFound', 'The credential chosen for this answer is no longer held.')
  return stored as R
}

async function pick<R extends Batched>(agentContext: AgentContext, record: R, verifier: string): Promise<R> {
  const ledger = (record.metadata.get(KEY) ?? {}) as Ledger
  const keys = record.credentialInstances.map(instanceKey)
  const chosen = instanceFor(record, verifier)
  if (!chosen) {
    throw new CustosError(
      'RequestNotSatisfiable',
      'Every copy of this credential went to another verifier already; answering would let them link you. Nothing was sent: ask the issuer for the credential again.',
    )
  }
  if (ledger[verifier] !== chosen) {
    record.metadata.set(KEY, { ...ledger, [verifier]: chosen })
    await saveBatchRecord(agentContext, record)
  }
  const copy = record.clone() as R
  const instance = record.credentialInstances[keys.indexOf(chosen)]
  ;(copy as Batched).credentialInstances = [instance] as Batched['credentialInstances']
  return copy
}
