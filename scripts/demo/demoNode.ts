import path from 'node:path'

import { createApi, CustosNode } from '../../electron/node'
import type { Say } from './say'

const WHO = 'Person (node)'

/**
 * A node on `dir` (created on first run, unlocked after), reachable on 127.0.0.1, trusting the demo CA for
 * issuers' hosts (the registry's did:web) besides the system's authorities.
 */
export async function openDemoNode(
  dir: string,
  passphrase: string,
  caCertificate: string,
  /** A second person's node (the joint application's second applicant) in `dir/<folder>`. */
  person = { folder: 'node', label: 'Demo person' },
): Promise<CustosNode> {
  const node = CustosNode.open({
    dataDir: path.join(dir, person.folder),
    label: person.label,
    inbound: {},
    issuerHosts: { extraCaCertificates: [caCertificate] },
  })
  try {
    if (node.status().state === 'no-store') await node.createStore(passphrase)
    else await node.unlock(passphrase)
  } catch (error) {
    await node.close()
    throw error
  }
  return node
}

/**
 * Plays the person at their node through the same API the app uses: accepts each offer, and approves
 * each request after printing exactly which claims would leave. Returns a function that stops it.
 */
export function actAsPerson(node: CustosNode, say: Say, who = WHO): () => void {
  const { api } = createApi(node)
  let stopped = false
  const tick = async () => {
    for (const offer of await api['credentials.listOffers'](undefined)) {
      say(who, `accepts the offer of ${offer.types.at(-1)} (${offer.format}) from ${offer.from ?? offer.issuer}`)
      const held = await api['credentials.acceptOffer']({ id: offer.id })
      const documents = held.documents?.map((document) => ` with ${document.name ?? document.digestSRI}`) ?? ''
      const { issuer, deliveredBy, standing } = held.provenance
      const issued =
        standing && !standing.issuerIsConnection ? `, issued by ${issuer}, delivered by ${deliveredBy}` : ''
      say(who, `stored ${held.types.at(-1)}${documents}${issued}, signature ${held.provenance.signature.result}`)
    }
    for (const request of await api['requests.list'](undefined)) {
      say(
        WHO,
        `request from ${request.requester ?? '?'}: ${request.purpose ?? '(no purpose)'}, kept ${request.retention ?? '?'}`,
      )
      const proposal = await api['requests.propose']({ id: request.id })
      for (const item of proposal.items) {
        say(who, `  ${item.name ?? item.descriptorId}: ${JSON.stringify(item.claimsLeaving)} would leave`)
      }
      await api['requests.approve']({ id: request.id })
      say(who, 'approved and sent')
    }
  }
  const loop = () => {
    if (stopped) return
    tick().then(
      () => setTimeout(loop, 200),
      (error: unknown) => {
        say(who, `failed: ${(error as Error).message}`)
        setTimeout(loop, 200)
      },
    )
  }
  loop()
  return () => {
    stopped = true
  }
}

export async function acceptInvitation(node: CustosNode, url: string): Promise<void> {
  await createApi(node).api['connections.acceptInvitation']({ url })
}
