import { DidCommDidExchangeState } from '@credo-ts/didcomm'

import { eitherPath, fullMortgageRequest, lastMonths, samplePerson, type Issuer, type Lender } from '../companies'
import type { DemoCompanies } from './demoCompanies'
import { issueIdentity, issueIncome, issuePolicy, issueResidentCard, issueStatements } from './issueSamples'
import type { Say } from './say'

const WAIT_FOR_PERSON_MS = 24 * 60 * 60 * 1000

// The company's side is usable once it sent its response; the node takes messages on the connection
// only once it has that response, which its complete message says. Offering earlier can race it.
export async function completed(company: Issuer | Lender, connectionId: string): Promise<void> {
  while ((await company.agent.didcomm.connections.getById(connectionId)).state !== DidCommDidExchangeState.Completed) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Accepts one invitation (the demo's own node does; with a running node, the person pastes it). */
export type Connect = (company: string, url: string) => Promise<void>

/**
 * The whole flow: each company prints its invitation; once a source is connected it issues generated
 * sample data; once every source has issued and the lender is connected, the lender asks for identity
 * (only name, city and age_over_18), income and the last three statements, and says what it verified.
 */
export async function runDemoFlow(
  companies: DemoCompanies,
  connect: Connect,
  say: Say,
  person = samplePerson(Math.floor(Math.random() * 1_000_000)),
): Promise<void> {
  say('Demo', `sample person: ${person.name} (generated, not a real person)`)
  const { registry, employer, bank, lender, policyIssuer } = companies
  const entries = [
    ['Population Registry', registry],
    ['Employer', employer],
    ['Bank', bank],
    ['Lender', lender],
    [policyIssuer.name, policyIssuer],
  ] as const
  const invitations = await Promise.all(entries.map(([, company]) => company.invitation()))
  entries.forEach(([name], index) => say(name, `invitation: ${invitations[index].url}`))
  const connected = entries.map(async ([name, company], index) => {
    const waiting = company.connectionFor(invitations[index].outOfBandId, WAIT_FOR_PERSON_MS)
    await connect(name, invitations[index].url)
    const connectionId = await waiting
    await completed(company, connectionId)
    say(name, 'connected')
    return connectionId
  })
  // Each is awaited below; marked handled now so a stop mid-flow (agents shut down) is no unhandled rejection.
  for (const connection of connected) connection.catch(() => undefined)
  const [registryConnection, employerConnection, bankConnection, lenderConnection, insurerConnection] = connected
  await Promise.all([
    registryConnection.then(async (id) => {
      await issueIdentity(registry, id, person, say)
      await issueResidentCard(registry, id, person, companies.registryDid, say)
    }),
    employerConnection.then((id) => issueIncome(employer, id, person, say)),
    bankConnection.then((id) => issueStatements(bank, id, person, say)),
    insurerConnection.then((id) => issuePolicy(policyIssuer, id, person, say)),
  ])
  const periods = lastMonths(3)
  const identity = [eitherPath('name'), eitherPath('address.city'), eitherPath('dateOfBirth', 'age_over_18')]
  const proofId = await lender.ask(await lenderConnection, fullMortgageRequest(identity, periods))
  say(
    'Lender',
    `asked for identity (name, city, age_over_18 or date of birth), income, statements ${periods.join(', ')}`,
  )
  const outcome = await lender.outcome(proofId, WAIT_FOR_PERSON_MS)
  if (outcome.state !== 'verified') {
    say('Lender', `${outcome.state}: ${outcome.reason}`)
    return
  }
  for (const credential of outcome.credentials) {
    say(
      'Lender',
      `verified ${credential.types.at(-1)} (${credential.format}) from ${credential.issuer}: ${JSON.stringify(credential.claims)}`,
    )
  }
  for (const document of outcome.documents ?? []) {
    say(
      'Lender',
      `verified PDF ${document.name ?? document.attachmentId} (${document.size} bytes) against its signed digest`,
    )
  }
  say('Lender', 'mortgage application: verified')
}
