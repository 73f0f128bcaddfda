import path from 'node:path'

import type { CustosNode } from '../../../electron/node'
import { connectToCompany, eventually } from '../../../tests/helpers/companies'
import { freePort } from '../../../tests/helpers/freePort'
import { apiOf, startNode } from '../../../tests/helpers/nodes'
import { identityClaims, incomeClaims, type Issuer, type Lender, type SamplePerson } from '../../companies'
import { DISCLOSABLE, policyFor, type Format } from './formats'
import type { BenchHolder, Issuers } from './holder'

/**
 * The holder under test: a Custos node (spool, consent evaluation, history, its own answering path)
 * on its own Askar store, receiving its credentials from the sample issuers over DIDComm.
 */
export async function custosHolder(
  dir: string,
  format: Format,
  issuers: Issuers,
  person: SamplePerson,
): Promise<BenchHolder> {
  const node = await startNode(path.join(dir, 'node'), { label: 'Alice', inbound: { port: await freePort() } })
  const { registry, employer } = issuers
  if (format === 'jsonld') {
    await take(node, registry, (id) =>
      registry.offer(id, { kind: 'IdentityCredential', claims: identityClaims(person) }),
    )
    await take(node, employer, (id) => employer.offer(id, { kind: 'IncomeCredential', claims: incomeClaims(person) }))
  } else {
    const claims = identityClaims(person)
    await take(node, registry, (id) => registry.offerSdJwt(id, 'IdentityCredential', claims, DISCLOSABLE))
  }
  return {
    async admit(lender: Lender) {
      const { nodeConnectionId, companyConnectionId } = await connectToCompany(node, lender)
      await apiOf(node)['consent.createPolicy'](policyFor(format, nodeConnectionId))
      return companyConnectionId
    },
    stop: () => node.close(),
  }
}

/** Connects to the issuer, has it offer, and accepts through the API as the person would. */
async function take(node: CustosNode, issuer: Issuer, offer: (connectionId: string) => Promise<unknown>) {
  const api = apiOf(node)
  const { companyConnectionId } = await connectToCompany(node, issuer)
  await offer(companyConnectionId)
  const offered = await eventually(async () => (await api['credentials.listOffers'](undefined))[0])
  await api['credentials.acceptOffer']({ id: offered.id })
}
