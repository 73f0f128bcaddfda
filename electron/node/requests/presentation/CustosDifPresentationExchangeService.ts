import {
  DifPresentationExchangeService,
  inject,
  injectable,
  W3cCredentialRepository,
  W3cCredentialService,
  type AgentContext,
  type DifPresentationExchangeDefinition,
} from '@credo-ts/core'

interface HasId {
  id: string
}
type Query = (agentContext: AgentContext, definition: DifPresentationExchangeDefinition) => Promise<HasId[]>
interface Queryable {
  queryCredentialForPresentationDefinition: Query
}

/**
 * Credo's Presentation Exchange service, whose first query also finds credentials by their
 * `credentialSchema` id. Credo 0.6.3 looks a PE v1 `schema` uri up among types, expanded types and
 * contexts only, so a request naming the schema (which PEX then matches) found nothing to match.
 * Credo declares that query private (in its types only); it is the one place the records are chosen.
 */
@injectable()
export class CustosDifPresentationExchangeService extends DifPresentationExchangeService {
  constructor(@inject(W3cCredentialService) w3cCredentialService: W3cCredentialService) {
    super(w3cCredentialService)
    const self = this as unknown as Queryable
    const credoQuery = self.queryCredentialForPresentationDefinition.bind(this)
    self.queryCredentialForPresentationDefinition = (agentContext, definition) =>
      alsoBySchemaId(agentContext, definition, credoQuery)
  }
}

async function alsoBySchemaId(
  agentContext: AgentContext,
  definition: DifPresentationExchangeDefinition,
  credoQuery: Query,
): Promise<HasId[]> {
  const found = await credoQuery(agentContext, definition)
  const uris = definition.input_descriptors.flatMap((descriptor) =>
    'schema' in descriptor && Array.isArray(descriptor.schema) ? descriptor.schema.map((entry) => entry.uri) : [],
  )
  if (uris.length === 0) return found
  const bySchema = await agentContext.dependencyManager
    .resolve(W3cCredentialRepository)
    .findByQuery(agentContext, { $or: uris.map((uri) => ({ schemaIds: [uri] })) })
  const known = new Set(found.map((record) => record.id))
  return [...found, ...bySchema.filter((record) => !known.has(record.id))]
}
