import type { ApiInput, ApiMethod, ApiOutputs, CustosApi } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { ConnectionsService } from '../connections'
import type { CustosNode } from '../CustosNode'
import { MediatedRecipientsService, MediatorChoiceService } from '../mediation'
import { SelfDeclaredService } from '../selfDeclared'
import { isApiMethod, validateInput } from './validateInput'

type Implementation = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]> | ApiOutputs[M] }

/** The API contract implemented once over a node; IPC and the loopback bridge both call `dispatch`. */
export function createApi(node: CustosNode) {
  const selfDeclared = new SelfDeclaredService()
  const connections = new ConnectionsService()
  const mediatorChoice = new MediatorChoiceService()
  const mediatedRecipients = new MediatedRecipientsService()
  const impl: Implementation = {
    'vault.status': () => node.status(),
    'vault.create': async ({ passphrase }) => (await node.createStore(passphrase), node.status()),
    'vault.unlock': async ({ passphrase }) => (await node.unlock(passphrase), node.status()),
    'vault.lock': async () => (await node.lock(), node.status()),
    'selfDeclared.list': () => selfDeclared.list(node.appDb()),
    'selfDeclared.put': (input) => selfDeclared.put(node.appDb(), input),
    'selfDeclared.remove': ({ id }) => ({ removed: selfDeclared.remove(node.appDb(), id) }),
    'connections.createInvitation': (input) => connections.createInvitation(node.agent, input ?? {}),
    'connections.acceptInvitation': ({ url }) => connections.acceptInvitation(node.agent, url),
    'connections.list': () => connections.list(node.agent),
    'connections.setRole': ({ id, role }) => connections.setRole(node.agent, id, role),
    'connections.remove': async ({ id }) => ({ removed: await connections.remove(node.agent, id) }),
    'mediation.status': () => mediatorChoice.status(node.agent.context),
    'mediation.useMediator': ({ invitationUrl }) => mediatorChoice.useMediator(node.agent.context, invitationUrl),
    'mediation.listRecipients': () => mediatedRecipients.list(node.agent.context),
    'mediation.removeRecipient': ({ id }) => mediatedRecipients.remove(node.agent.context, id),
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
