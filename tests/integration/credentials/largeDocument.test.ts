import { randomBytes } from 'node:crypto'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import {
  lastMonths,
  sampleStatement,
  samplePerson,
  statementClaims,
  statementDescriptors,
  statementDocument,
  statementPdf,
} from '../../../scripts/companies'
import { connectToCompany, eventually, startCompanies, type Companies } from '../../helpers/companies'
import { freePort } from '../../helpers/freePort'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const MiB = 1024 * 1024
// 8 MiB by default keeps the suite quick on two cores; CUSTOS_LARGE_DOCUMENT_MIB=19 runs it near the limit.
const SIZE = Number(process.env.CUSTOS_LARGE_DOCUMENT_MIB ?? 8) * MiB

describe('a large statement PDF travels from the bank through the node to the lender', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let companies: Companies
  let node: CustosNode
  beforeEach(async () => {
    tmp = makeTmpDir()
    companies = await startCompanies(`${tmp.dir}/companies`)
    // No maxMessageBytes: the node derives it from its document limit (20 MiB), see messageBytesForDocument.
    node = await startNode(`${tmp.dir}/node`, { label: 'Alice', inbound: { port: await freePort() } })
  })
  afterEach(async () => {
    await node.close().catch(() => undefined)
    await companies.stop()
    tmp.cleanup()
  })

  it('is stored, shown and presented whole', async () => {
    const api = apiOf(node)
    const person = samplePerson(2)
    const [period] = lastMonths(1)
    const statement = sampleStatement(person, period)
    const pdf = await statementPdf(statement, { bank: 'Sample Bank', appendix: randomBytes(SIZE - 4096) })
    expect(pdf.byteLength).toBeLessThan(20 * MiB)
    const claims = statementClaims(statement, 'Sample Bank', pdf)
    const t0 = Date.now()
    const { companyConnectionId } = await connectToCompany(node, companies.bank)
    await companies.bank.offer(companyConnectionId, {
      kind: 'BankStatementCredential',
      claims,
      documents: [statementDocument(period, pdf)],
    })
    const offer = await eventually(async () => (await api['credentials.listOffers'](undefined))[0])
    const held = await api['credentials.acceptOffer']({ id: offer.id })
    const issued = Date.now() - t0
    const shown = await api['credentials.getDocument']({ id: held.id, digestSRI: claims.document.digestSRI })
    expect(shown.size).toBe(pdf.byteLength)

    const t1 = Date.now()
    const { companyConnectionId: lenderConnection } = await connectToCompany(node, companies.lender)
    const proofId = await companies.lender.ask(lenderConnection, {
      id: 'statement',
      input_descriptors: statementDescriptors([period]),
    })
    const outcome = companies.lender.outcome(proofId, 120_000)
    const request = await eventually(async () => (await api['requests.list'](undefined))[0])
    await api['requests.approve']({ id: request.id })
    const verified = await outcome
    expect(verified).toMatchObject({ state: 'verified', documents: [{ size: pdf.byteLength }] })
    console.info(
      `largest document: ${pdf.byteLength} bytes; issued in ${issued} ms, presented in ${Date.now() - t1} ms`,
    )
  }, 180_000)
})
