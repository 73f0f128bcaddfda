import { createApi, type CustosNode } from '../../electron/node'
import { eitherPath, fullMortgageRequest, mortgageTerms, type Lender } from '../companies'
import type { AgreementParty } from '../companies/AgreementParty'
import type { Tmf644Insurer } from '../companies/Tmf644Insurer'
import { mortgageDataList } from '../companies/mortgageDataList'
import type { Say } from './say'

const WHO = 'Person (node)'

const lenderDataList = mortgageDataList('demo-mortgage')

async function until<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/**
 * Issue 32 in the demo: the person's limits (finance data at most two years, never marketing); the
 * lender's data list over DIDComm, countered and countersigned; the insurer's over TMF644, countered and
 * refused; a request under the agreement answered; the agreement ended and the deletion acknowledged, signed.
 */
export async function runAgreementsFlow(
  node: CustosNode,
  lender: Lender,
  party: AgreementParty,
  insurer: Tmf644Insurer,
  say: Say,
): Promise<void> {
  const { api } = createApi(node)
  await api['privacyProfile.set']({
    rules: [
      { kind: 'maxRetention', category: 'financial', duration: 'P2Y' },
      { kind: 'neverPurpose', purpose: 'dpv:Marketing' },
    ],
  })
  say(WHO, 'privacy terms: keep financial data at most 2 years; never for marketing')
  const connection = await until(async () =>
    (await lender.agent.didcomm.connections.getAll()).find((c) => c.state === 'completed'),
  )
  const thread = await party.offer(connection.id, lenderDataList)
  say('Lender', 'offered its data list: identity, income, statements (optional), kept 7 years')
  const offered = await until(async () =>
    (await api['agreements.list'](undefined)).find((a) => a.id === lenderDataList.id),
  )
  say(
    WHO,
    `beyond the terms: ${offered.position.items.flatMap((i) => i.conflicts.map((c) => `${i.descriptorId} ${c.kind}`)).join(', ')}`,
  )
  await api['agreements.counter']({ id: offered.id })
  say(WHO, 'sent the counter-offer: without statements, kept 2 years')
  const agreed = await until(async () => {
    const now = await api['agreements.get']({ id: offered.id })
    return now.state === 'agreed' || now.state === 'rejected' ? now : undefined
  })
  say(
    'Lender',
    `${agreed.state === 'agreed' ? 'accepted' : 'refused'} the counter-offer (agreement ${agreed.state}, signed by ${agreed.holderSignature?.signer} and ${agreed.companySignature?.signer})`,
  )
  say('Insurer', `publishes its data list at ${insurer.baseUrl} (TMF644)`)
  const insurance = await api['tmf644.fetchSpecification']({ baseUrl: insurer.baseUrl })
  const answered = await api['tmf644.agree']({ id: insurance.id, counter: true })
  say(
    'Insurer',
    `${answered.state === 'agreed' ? 'accepted' : 'refused'} the counter-offer${answered.reason ? `: ${answered.reason}` : ''}`,
  )

  // Identity (name, city, over 18) and income, every item required: what the agreement kept.
  const identity = [eitherPath('name'), eitherPath('address.city'), eitherPath('dateOfBirth', 'age_over_18')]
  const { submission_requirements: _all, ...full } = fullMortgageRequest(identity, [])
  const definition = { ...full, input_descriptors: full.input_descriptors.map(({ group: _group, ...item }) => item) }
  const terms = { ...mortgageTerms, retention: 'P1Y', agreement: agreed.id }
  const proofId = await lender.ask(connection.id, definition, terms)
  say('Lender', `asked for identity and income under agreement ${agreed.id}`)
  const outcome = await lender.outcome(proofId, 60_000)
  if (outcome.state !== 'verified') {
    const threadId = (await lender.agent.didcomm.proofs.getById(proofId)).threadId
    const [record] = await node.agent.didcomm.proofs.findAllByQuery({ threadId })
    const [evaluation] = record ? await api['consent.evaluations']({ requestId: record.id }) : []
    return say('Lender', `${outcome.state}: ${outcome.reason} (the node: ${evaluation?.reason ?? 'no decision'})`)
  }
  say('Lender', 'verified identity and income under the agreement')
  await api['agreements.terminate']({ id: agreed.id, reason: 'The mortgage is decided.' })
  say(WHO, 'ended the agreement; the lender is asked, signed, to delete what it received under it')
  const deleted = await until(async () =>
    (await api['disclosures.list'](undefined)).find((d) => d.agreementId === agreed.id && d.deletion?.acknowledgedAt),
  )
  say('Lender', `confirmed the deletion${deleted.deletion?.signed ? ', signed' : ''} (${party.get(thread).state})`)
}
