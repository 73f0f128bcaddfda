import type { AgentContext } from '@credo-ts/core'
import type { DidCommConnectionRecord } from '@credo-ts/didcomm'

import {
  agreementSignatureSchema,
  agreementTermsSchema,
  type AgreementSignature,
  type AgreementTerms,
} from '../../../shared/api'
import { AgreementRefusedError } from '../../../shared/errors'
import { keysOfConnection } from '../credentials'
import { signatureHolds } from './protocol/signing'

/** Terms and a signature as a message carries them, read strictly; a list that contradicts itself is refused. */
export function readSigned(
  terms: unknown,
  signature: unknown,
): { terms: AgreementTerms; signature: AgreementSignature } {
  const parsedTerms = agreementTermsSchema.safeParse(terms)
  if (!parsedTerms.success) {
    throw new AgreementRefusedError(`the data list does not hold together (${parsedTerms.error.issues[0]?.message})`)
  }
  return { terms: parsedTerms.data, signature: readSignature(signature) }
}

export function readSignature(signature: unknown): AgreementSignature {
  const parsed = agreementSignatureSchema.safeParse(signature)
  if (!parsed.success) throw new AgreementRefusedError('it carries no signature this node can read')
  return parsed.data
}

/**
 * The signature must be over exactly what was sent and by a key that speaks for the connection it came
 * over: a company cannot sign with another's key, nor a relay with its own.
 */
export async function assertSignedByConnection(
  agentContext: AgentContext,
  connection: DidCommConnectionRecord,
  signed: unknown,
  signature: AgreementSignature,
): Promise<void> {
  const keys = await keysOfConnection(agentContext, connection.id)
  if (!keys.has(signature.signer)) throw new AgreementRefusedError('it is signed by a key that is not the company’s')
  if (!(await signatureHolds(agentContext, signed, signature))) {
    throw new AgreementRefusedError('its signature does not hold for these terms')
  }
}
