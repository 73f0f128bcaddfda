import {
  identityClaims,
  incomeClaims,
  offerHomePolicy,
  lastMonths,
  sampleStatement,
  statementClaims,
  statementDocument,
  statementPdf,
  residentCardFor,
  type Issuer,
  type SamplePerson,
} from '../companies'
import type { Say } from './say'

const DISCLOSABLE = ['name', 'dateOfBirth', 'age_over_18', 'address.street', 'address.postcode', 'address.city']

/** Resolves once the holder has the credential (done), or says why not (the offer was declined or failed). */
async function settled(issuer: Issuer, exchangeId: string): Promise<string> {
  for (;;) {
    const record = await issuer.agent.didcomm.credentials.getById(exchangeId)
    if (record.state === 'done' || record.state === 'abandoned' || record.state === 'declined') {
      return record.state === 'done' ? 'issued' : `not issued (${record.errorMessage ?? record.state})`
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export async function issueIdentity(registry: Issuer, connectionId: string, person: SamplePerson, say: Say) {
  const offer = await registry.offerSdJwt(connectionId, 'IdentityCredential', identityClaims(person), DISCLOSABLE)
  say('Population Registry', `offered identity as SD-JWT VC (${DISCLOSABLE.join(', ')} selectively disclosable)`)
  say('Population Registry', `identity: ${await settled(registry, offer.id)}`)
}

/** As a registry in the field issues: citizenship v1, from its own did:web, no proofPurpose in the offer. */
export async function issueResidentCard(
  registry: Issuer,
  connectionId: string,
  person: SamplePerson,
  registryDid: string,
  say: Say,
) {
  const offer = await registry.offerAsIs(connectionId, residentCardFor(person, registryDid))
  say('Population Registry', `offered a PermanentResidentCard (citizenship v1) signed by ${registryDid}`)
  say('Population Registry', `resident card: ${await settled(registry, offer.id)}`)
}

export async function issueIncome(employer: Issuer, connectionId: string, person: SamplePerson, say: Say) {
  const offer = await employer.offer(connectionId, { kind: 'IncomeCredential', claims: incomeClaims(person) })
  say('Employer', `offered income as W3C JSON-LD credential (gross ${person.grossYearlyIncome} EUR/year)`)
  say('Employer', `income: ${await settled(employer, offer.id)}`)
}

/** The last three months' statements, each a credential binding its PDF by SHA-256. */
export async function issueStatements(bank: Issuer, connectionId: string, person: SamplePerson, say: Say) {
  for (const period of lastMonths(3)) {
    const statement = sampleStatement(person, period)
    const pdf = await statementPdf(statement, { bank: 'Sample Bank' })
    const claims = statementClaims(statement, 'Sample Bank', pdf)
    const offer = await bank.offer(connectionId, {
      kind: 'BankStatementCredential',
      claims,
      documents: [statementDocument(period, pdf)],
    })
    say('Bank', `offered statement ${period} with its PDF (${pdf.byteLength} bytes, ${claims.document.digestSRI})`)
    say('Bank', `statement ${period}: ${await settled(bank, offer.id)}`)
  }
}

/** The home-insurance policy (issue 23): the person's address insured, the person the one insured member. */
export async function issuePolicy(insurer: Issuer, connectionId: string, person: SamplePerson, say: Say) {
  const { claims, record } = await offerHomePolicy(insurer, connectionId, person)
  say(
    insurer.name,
    `offered home-insurance policy ${String(claims.policyNumber)} (covered until ${String(claims.coveredUntil)})`,
  )
  say(insurer.name, `policy: ${await settled(insurer, record.id)}`)
}
