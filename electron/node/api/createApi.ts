import type { Agent } from '@credo-ts/core'

import { apiMethodNames, isApiMethod, vaultContract, type ApiMethod, type CustosApi } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import type { CustosNode } from '../CustosNode'
import { VaultApi } from '../vault'
import { isContractModule } from '../kernel'
import { validateInput } from './validateInput'

type ApiObject = Record<string, (input: unknown) => Promise<unknown>>

/**
 * The API contract implemented once over a node; IPC and the loopback bridge both call `dispatch`.
 * The vault's methods are the node's own (they work while it is locked); every other method goes to
 * the Api of the agent module whose contract names it, so no method is listed here.
 */
export function createApi(node: CustosNode) {
  const vaultApi = new VaultApi(node) as unknown as ApiObject
  const routes = new WeakMap<Agent, Map<string, ApiObject>>()

  function apiServing(method: ApiMethod): ApiObject {
    if (Object.hasOwn(vaultContract, method)) return vaultApi
    const agent = node.agent
    let byMethod = routes.get(agent)
    if (!byMethod) routes.set(agent, (byMethod = routesOf(agent)))
    const api = byMethod.get(method)
    if (!api) throw new CustosError('Internal', `No module of this node serves ${method}.`)
    return api
  }

  async function dispatch(method: unknown, input: unknown): Promise<unknown> {
    if (!isApiMethod(method)) throw new CustosError('InvalidInput', `Unknown API method: ${String(method)}`)
    const parsed = validateInput(method, input)
    // Any call but a status read is the person at work: the auto-lock's idle time starts again.
    if (method !== 'vault.status') node.touch()
    const name = method.slice(method.indexOf('.') + 1)
    return apiServing(method)[name](parsed)
  }

  const api = Object.fromEntries(
    apiMethodNames.map((method) => [method, (input: unknown) => dispatch(method, input)]),
  ) as CustosApi

  return { api, dispatch }
}

function routesOf(agent: Agent): Map<string, ApiObject> {
  const byMethod = new Map<string, ApiObject>()
  for (const module of Object.values(agent.dependencyManager.registeredModules)) {
    if (!isContractModule(module)) continue
    const api = agent.dependencyManager.resolve(module.api) as unknown as ApiObject
    for (const method of Object.keys(module.contract)) byMethod.set(method, api)
  }
  return byMethod
}
