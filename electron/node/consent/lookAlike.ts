import { type AgentContext } from '@credo-ts/core'
import { DidCommConnectionRepository } from '@credo-ts/didcomm'

import type { RequestWarning, TrustListEntry } from '../../../shared/api'
import { keysOfConnection } from '../credentials'
import { appDatabaseOf } from '../db'
import { TrustListsService } from '../trustLists'
import { currentPolicies } from './policyStore'

/**
 * A requester's name is only what it says about itself. When it says the name of someone the person
 * trusts (a trust-list entry, or another connection that is on a trust list or that a policy names)
 * but comes through a connection whose keys are not theirs, the person is told so in words: the
 * generic "not on a trust list" note does not say that the name is taken from someone else.
 */
export async function lookAlikeWarning(
  agentContext: AgentContext,
  connectionId: string | undefined,
  label: string | undefined,
): Promise<RequestWarning | undefined> {
  if (!connectionId || !label) return undefined
  const name = comparable(label)
  const trustLists = agentContext.dependencyManager.resolve(TrustListsService)
  const keys = await keysOfConnection(agentContext, connectionId)
  const ours = new Set(trustLists.entriesForKeys(agentContext, keys).map((entry) => entry.did))
  const listedElsewhere = trustLists
    .list(agentContext)
    .flatMap((list) => list.entries)
    .filter((entry: TrustListEntry) => comparable(entry.name) === name && !ours.has(entry.did))
  if (listedElsewhere.length > 0) return warning(label, 'a trust list you imported')

  const named = new Set(
    currentPolicies(appDatabaseOf(agentContext)).flatMap((policy) =>
      policy.who.kind === 'connection' ? [policy.who.connectionId] : [],
    ),
  )
  const connections = await agentContext.dependencyManager.resolve(DidCommConnectionRepository).getAll(agentContext)
  for (const other of connections) {
    if (other.id === connectionId || !other.theirLabel || comparable(other.theirLabel) !== name) continue
    const trusted =
      named.has(other.id) ||
      trustLists.entriesForKeys(agentContext, await keysOfConnection(agentContext, other.id)).length > 0
    if (trusted) return warning(label, 'another of your connections')
  }
  return undefined
}

function warning(label: string, where: string): RequestWarning {
  return {
    kind: 'look-alike',
    message:
      `This requester calls itself "${label}", the name of someone in ${where}, but it is not them: ` +
      `it came through a different connection. Do not answer unless you know who this is.`,
    claims: [],
  }
}

// Case, width and spacing variants of a name read the same to a person.
function comparable(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim()
}
