// The one API contract of the node, composed from one file per capability. The node implements it
// once (electron/node/api dispatches each method to the Api of the module that serves it); the
// desktop reaches it over IPC (electron/preload), headless mode and browser tests over the loopback
// bridge. Adding a capability: its own file here and one line below.
import type { z } from 'zod'

import { agreementsContract } from './agreements'
import { connectionsContract } from './connections'
import { consentContract } from './consent'
import { consentRecordsContract } from './consentRecords'
import type { Contract } from './contract'
import { credentialsContract } from './credentials'
import { disclosuresContract } from './disclosures'
import { householdContract } from './household'
import { inboxContract } from './inbox'
import { jointApplicationsContract } from './jointApplications'
import { mandatesContract } from './mandates'
import { mediationContract } from './mediation'
import { openid4vcContract } from './openid4vc'
import { privacyProfileContract } from './privacyProfile'
import { requestsContract } from './requests'
import { selfDeclaredContract } from './selfDeclared'
import { tmf644Contract } from './tmf644'
import { trustListsContract } from './trustLists'
import { vaultContract } from './vault'

export const apiContract = {
  ...vaultContract,
  ...selfDeclaredContract,
  ...connectionsContract,
  ...mediationContract,
  ...householdContract,
  ...jointApplicationsContract,
  ...mandatesContract,
  ...inboxContract,
  ...credentialsContract,
  ...requestsContract,
  ...consentContract,
  ...privacyProfileContract,
  ...agreementsContract,
  ...consentRecordsContract,
  ...disclosuresContract,
  ...trustListsContract,
  ...openid4vcContract,
  ...tmf644Contract,
} satisfies Contract

export type ApiContract = typeof apiContract
export type ApiMethod = keyof ApiContract
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>
export type ApiOutput<M extends ApiMethod> = ApiContract[M]['output']

/** The contract as the renderer calls it, whatever the transport underneath. */
export type CustosApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> }

export const apiMethodNames = Object.keys(apiContract) as ApiMethod[]

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && Object.hasOwn(apiContract, value)
}

export * from './agreements'
export * from './common'
export * from './connections'
export * from './consent'
export * from './consentRecords'
export * from './contract'
export * from './credentials'
export * from './disclosures'
export * from './household'
export * from './inbox'
export * from './jointApplications'
export * from './issuerDisplay'
export * from './mandates'
export * from './mediation'
export * from './openid4vc'
export * from './privacyProfile'
export * from './requests'
export * from './selfDeclared'
export * from './trustLists'
export * from './vault'
