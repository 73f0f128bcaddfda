import fs from 'node:fs'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { POLICY_REFUSAL } from '../../../electron/node/consent'
import { demoPrivateKey, samplePerson, type Lender } from '../../../scripts/companies'
import { MORTGAGE_LENDER } from '../../../scripts/trustLists/demoTrustList'
import { connectToCompany, eventually, startCompanies, type Companies } from '../../helpers/companies'
import { evaluationOfThread, issueIdentityAndIncome, mortgagePolicy, startLender } from '../../helpers/consent'
import { freePort } from '../../helpers/freePort'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const demoList = fs.readFileSync('resources/trust-lists/demo.json', 'utf8')

describe('trust lists, roles and warnings, with the listed lender and insurer and an unlisted requester', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let companies: Companies
  let node: CustosNode
  const extra: Lender[] = []
  beforeEach(async () => {
    tmp = makeTmpDir()
    companies = await startCompanies(`${tmp.dir}/companies`)
    node = await startNode(`${tmp.dir}/node`, { label: 'Alice', inbound: { port: await freePort() } })
    await issueIdentityAndIncome(node, companies, samplePerson(11))
  })
  afterEach(async () => {
    await node.close().catch(() => undefined)
    await Promise.all(extra.splice(0).map((lender) => lender.stop().catch(() => undefined)))
    await companies.stop()
    tmp.cleanup()
  })

  it('imports the signed demo list and refuses a tampered one, changing nothing', async () => {
    const api = apiOf(node)
    const imported = await api['trustLists.import']({ document: demoList })
    expect(imported.entries.map((entry) => [entry.name, entry.roles])).toEqual([
      ['Lender', [MORTGAGE_LENDER]],
      ['Insurer', ['licensed-insurer']],
    ])
    const tampered = JSON.parse(demoList)
    tampered.entries[1].roles = [MORTGAGE_LENDER]
    await expect(api['trustLists.import']({ document: JSON.stringify(tampered) })).rejects.toMatchObject({
      code: 'TrustListRefused',
      message: expect.stringContaining('signature'),
    })
    await expect(api['trustLists.import']({ document: '{not json' })).rejects.toMatchObject({
      code: 'TrustListRefused',
    })
    await expect(api['trustLists.import']({ document: '{"type":"CustosTrustList"}' })).rejects.toMatchObject({
      code: 'TrustListRefused',
    })
    expect(await api['trustLists.list'](undefined)).toEqual([imported])
    // Importing the same list again replaces it rather than doubling its entries.
    await api['trustLists.import']({ document: demoList })
    expect(await api['trustLists.list'](undefined)).toHaveLength(1)
  })

  it('a role policy answers the listed lender at once; a copy of its label waits with warnings; remember a refusal', async () => {
    const api = apiOf(node)
    await api['trustLists.import']({ document: demoList })
    const lender = await startLender(tmp.dir, 'Lender', demoPrivateKey('Lender'))
    const insurer = await startLender(tmp.dir, 'Insurer', demoPrivateKey('Insurer'))
    const impostor = await startLender(tmp.dir, 'Lender')
    extra.push(lender, insurer, impostor)
    await api['consent.createPolicy']({
      ...mortgagePolicy('unused'),
      name: 'Licensed mortgage lenders',
      who: { kind: 'role', role: MORTGAGE_LENDER },
    })

    const trusted = await connectToCompany(node, lender)
    const proofId = await lender.ask(trusted.companyConnectionId)
    expect((await lender.outcome(proofId)).state).toBe('verified')

    // The insurer is listed, but not as a mortgage lender; the impostor is listed as nothing.
    for (const [company, whoReason] of [
      [insurer, 'no imported trust list lists the requester as licensed-mortgage-lender'],
      [impostor, 'no imported trust list lists the requester as licensed-mortgage-lender'],
    ] as const) {
      const { companyConnectionId } = await connectToCompany(node, company)
      const id = await company.ask(companyConnectionId)
      const { evaluation } = await evaluationOfThread(node, (await company.agent.didcomm.proofs.getById(id)).threadId)
      expect(evaluation.outcome).toBe('none')
      expect(evaluation.considered[0].clauses.find((clause) => clause.clause === 'who')?.reason).toBe(whoReason)
    }
    const waiting = await api['requests.list'](undefined)
    expect(waiting.map((request) => request.requester)).toEqual(['Insurer', 'Lender'])
    const copied = waiting[1]
    const warnings = await api['consent.requestWarnings']({ requestId: copied.id })
    // The copy takes the listed lender's name: the first warning says so (issue 28's look-alike).
    expect(warnings.map((warning) => warning.kind)).toEqual([
      'look-alike',
      'untrusted-requester',
      'identifying',
      'beyond-request',
      'derived-would-do',
    ])
    const insurerWarnings = await api['consent.requestWarnings']({ requestId: waiting[0].id })
    expect(insurerWarnings.map((warning) => warning.kind)).not.toContain('untrusted-requester')

    // Refuse and remember, in one step: the next request of the copy is refused without asking.
    const { request: refused, policy } = await api['consent.answerAndRemember']({
      requestId: copied.id,
      action: 'refuse',
      remember: { who: { kind: 'connection' } },
    })
    expect(refused.answer?.outcome).toBe('declined')
    expect(policy).toMatchObject({ action: 'refuse', why: ['dpv:CreditChecking'], when: { maxRetention: 'P7Y' } })
    const impostorConnection = (await impostor.agent.didcomm.connections.getAll())[0].id
    const next = await impostor.ask(impostorConnection)
    expect(await impostor.outcome(next)).toMatchObject({ state: 'refused' })
    expect((await impostor.agent.didcomm.proofs.getById(next)).errorMessage ?? '').toContain(
      POLICY_REFUSAL.slice(0, 20),
    )
    expect((await api['requests.list'](undefined)).map((request) => request.requester)).toEqual(['Insurer'])
    await eventually(async () => ((await api['disclosures.list'](undefined)).length === 1 ? true : undefined))
  })
})
