// The answer path under SIGKILL: a node answers a lender under a standing policy and dies at each step of
// that answer in turn (tests/helpers/processes/answerCrash.ts); started again, its history must be true.
import path from 'node:path'

import { DidCommProofState } from '@credo-ts/didcomm'

import type { DisclosureDelivery } from '../../shared/api'
import { identityClaims, incomeClaims, samplePerson, type Issuer, type Lender } from '../companies'
import { freePort } from '../../tests/helpers/freePort'
import { eventually, startCompanies } from '../../tests/helpers/companies'
import { mortgagePolicy } from '../../tests/helpers/consent'
import { ANSWER_STEPS, type AnswerStep } from '../../tests/helpers/processes/answerCrash'
import { NodeProcess } from '../../tests/helpers/processes/NodeProcess'

export interface AnswerCrashRow {
  step: AnswerStep
  /** Whether the lender holds the presentation. */
  received: boolean
  /** What the node's history says of this request after the restart, one word per entry. */
  entries: DisclosureDelivery[]
}

export interface AnswerCrashFigures {
  rows: AnswerCrashRow[]
  /** The lender holds an answer the history has no entry for (or only one saying it never left). */
  disclosuresWithoutEntry: number
  /** An entry says "sent" though the lender holds nothing. */
  entriesClaimingSent: number
  /** An entry still "being sent" after the restart: nobody settled it. */
  entriesLeftPending: number
  seconds: number
}

const LEFT: readonly DisclosureDelivery[] = ['sent', 'uncertain']

async function connect(node: NodeProcess, company: Issuer | Lender): Promise<{ node: string; company: string }> {
  const { url, outOfBandId } = await company.invitation()
  const nodeSide = await node.request<string>({ cmd: 'acceptInvitation', url })
  return { node: nodeSide, company: await company.connectionFor(outOfBandId) }
}

async function takeOffer(node: NodeProcess): Promise<void> {
  const offer = await eventually(async () => (await node.api('credentials.listOffers'))[0])
  await node.api('credentials.acceptOffer', { id: offer.id })
}

export async function runAnswerPathCrash(
  dir: string,
  steps: readonly AnswerStep[] = ANSWER_STEPS,
): Promise<AnswerCrashFigures> {
  const started = Date.now()
  const companies = await startCompanies(path.join(dir, 'companies'))
  const config = { dataDir: path.join(dir, 'node'), label: 'answerer', passphrase: 'crash the answer', port: 0 }
  config.port = await freePort()
  let node = await NodeProcess.start(config)
  const figures: AnswerCrashFigures = {
    rows: [],
    disclosuresWithoutEntry: 0,
    entriesClaimingSent: 0,
    entriesLeftPending: 0,
    seconds: 0,
  }
  try {
    const person = samplePerson(8)
    const registry = await connect(node, companies.registry)
    await companies.registry.offer(registry.company, { kind: 'IdentityCredential', claims: identityClaims(person) })
    await takeOffer(node)
    const employer = await connect(node, companies.employer)
    await companies.employer.offer(employer.company, { kind: 'IncomeCredential', claims: incomeClaims(person) })
    await takeOffer(node)
    const lender = await connect(node, companies.lender)
    await node.api('consent.createPolicy', mortgagePolicy(lender.node))
    await node.stop()
    for (const step of steps) {
      node = await NodeProcess.start({ ...config, crashAt: step })
      const proofId = await companies.lender.ask(lender.company)
      const died = await Promise.race([
        node.waitForExit().then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 60_000)),
      ])
      if (!died) throw new Error(`The node did not reach the step "${step}" of its answer within 60 s.`)
      node = await NodeProcess.start(config)
      const row = await judge(node, companies.lender, proofId, step)
      figures.rows.push(row)
      const left = row.entries.filter((delivery) => LEFT.includes(delivery))
      if (row.received && left.length === 0) figures.disclosuresWithoutEntry++
      if (!row.received && row.entries.includes('sent')) figures.entriesClaimingSent++
      figures.entriesLeftPending += row.entries.filter((delivery) => delivery === 'pending').length
      await node.stop()
    }
  } finally {
    await node.stop()
    await companies.stop()
    figures.seconds = Math.round((Date.now() - started) / 1000)
  }
  return figures
}

/** After the restart: what the lender holds and what the history says, once both have settled. */
async function judge(node: NodeProcess, lender: Lender, proofId: string, step: AnswerStep): Promise<AnswerCrashRow> {
  const { threadId } = await lender.agent.didcomm.proofs.getById(proofId)
  const holds = async () => {
    const { state } = await lender.agent.didcomm.proofs.getById(proofId)
    return state === DidCommProofState.PresentationReceived || state === DidCommProofState.Done
  }
  // An answer that left is with the lender within moments; one that did not never arrives, so the wait
  // for it ends at a deadline and counts as "not received".
  const received = await eventually(async () => ((await holds()) ? true : undefined), 5_000).catch(() => false)
  const entries = (await node.api('disclosures.list'))
    .filter((entry) => entry.threadId === threadId)
    .map((entry) => entry.delivery)
  return { step, received, entries }
}
