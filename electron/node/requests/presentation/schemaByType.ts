import {
  JsonEncoder,
  JsonTransformer,
  W3cCredentialRepository,
  type AgentContext,
  type DifPresentationExchangeDefinition,
} from '@credo-ts/core'
import { DidCommAttachment, DidCommAttachmentData, type DifPresentationExchangeRequest } from '@credo-ts/didcomm'

import { expandedTypePairs } from '../../jsonld'

interface Typed {
  '@context'?: unknown
  type?: unknown
}

/**
 * PE v1 `schema` entries as ACA-Py and the PE v1 text write them: a type's full IRI. Credo's matcher
 * (PEX) compares a credential's `@context`, `credentialSchema` ids and short types literally, so an IRI
 * never matched. Each descriptor gains the short types of `credentials` whose contexts expand them to
 * an IRI it names; the other forms PEX already takes as they are.
 */
export async function withTypeIris(
  agentContext: AgentContext,
  definition: DifPresentationExchangeDefinition,
  credentials: Typed[],
): Promise<DifPresentationExchangeDefinition> {
  const asks = definition.input_descriptors.some((descriptor) => 'schema' in descriptor && descriptor.schema)
  if (!asks) return definition
  const pairs = (await Promise.all(credentials.map((credential) => expandedTypePairs(agentContext, credential)))).flat()
  const input_descriptors = definition.input_descriptors.map((descriptor) => {
    if (!('schema' in descriptor) || !Array.isArray(descriptor.schema)) return descriptor
    const uris = new Set(descriptor.schema.map((entry) => entry.uri))
    const added = [...new Set(pairs.filter(([short, iri]) => uris.has(iri) && !uris.has(short)).map(([s]) => s))]
    return added.length === 0
      ? descriptor
      : { ...descriptor, schema: [...descriptor.schema, ...added.map((uri) => ({ uri }))] }
  })
  const changed = input_descriptors.some((descriptor, index) => descriptor !== definition.input_descriptors[index])
  return changed ? ({ ...definition, input_descriptors } as DifPresentationExchangeDefinition) : definition
}

/** The JSON-LD credentials the node holds, as PEX sees them. */
export async function heldJsonLd(agentContext: AgentContext): Promise<Typed[]> {
  const records = await agentContext.dependencyManager.resolve(W3cCredentialRepository).getAll(agentContext)
  return records.map((record) => JsonTransformer.toJSON(record.firstCredential) as Typed)
}

/** The request attachment with `definition` in place of the one it carried (for matching on this side only). */
export function requestWith(
  request: DidCommAttachment,
  definition: DifPresentationExchangeDefinition,
): DidCommAttachment {
  const data = request.getDataAsJson<DifPresentationExchangeRequest>()
  return new DidCommAttachment({
    id: request.id,
    mimeType: 'application/json',
    data: new DidCommAttachmentData({
      base64: JsonEncoder.toBase64({ ...data, presentation_definition: definition }),
    }),
  })
}

/** The request widened by the types of `credentials` (see withTypeIris). */
export async function requestForTypes(
  agentContext: AgentContext,
  request: DidCommAttachment,
  credentials: Typed[],
): Promise<DidCommAttachment> {
  const { presentation_definition: definition } = request.getDataAsJson<DifPresentationExchangeRequest>()
  const widened = await withTypeIris(agentContext, definition, credentials)
  return widened === definition ? request : requestWith(request, widened)
}
