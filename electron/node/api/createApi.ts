import type { ApiInput, ApiMethod, ApiOutputs, CustosApi } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import type { CustosNode } from '../CustosNode'
import { SelfDeclaredService } from '../selfDeclared'
import { isApiMethod, validateInput } from './validateInput'

type Implementation = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]> | ApiOutputs[M] }

/** The API contract implemented once over a node; IPC and the loopback bridge both call `dispatch`. */
export function createApi(node: CustosNode) {
  const selfDeclared = new SelfDeclaredService()
  const impl: Implementation = {
    'vault.status': () => node.status(),
    'vault.create': async ({ passphrase }) => (await node.createStore(passphrase), node.status()),
    'vault.unlock': async ({ passphrase }) => (await node.unlock(passphrase), node.status()),
    'vault.lock': async () => (await node.lock(), node.status()),
    'selfDeclared.list': () => selfDeclared.list(node.appDb()),
    'selfDeclared.put': (input) => selfDeclared.put(node.appDb(), input),
    'selfDeclared.remove': ({ id }) => ({ removed: selfDeclared.remove(node.appDb(), id) }),
  }

  async function dispatch(method: unknown, input: unknown): Promise<unknown> {
    if (!isApiMethod(method)) throw new CustosError('InvalidInput', `Unknown API method: ${String(method)}`)
    const call = impl[method] as (input: unknown) => unknown
    return call(validateInput(method, input))
  }

  const api = Object.fromEntries(
    Object.keys(impl).map((method) => [method, (input: unknown) => dispatch(method, input)]),
  ) as CustosApi

  return { api, dispatch }
}
