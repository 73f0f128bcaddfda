// Figures, not a test (issue 23): a joint application answered by two members of one household, both by
// their standing consent policies, from the lender's joint request to both answers verified by the lender.
//   household.jointApplication   ms from the lender sending its request to Anna to the lender holding both
//                                verified presentations (pthid = the application). In between: Anna's node
//                                answers by policy and proposes the application to Ben's node, Ben's node
//                                agrees, Anna's node hands on the lender's invitation, Ben's node connects
//                                (DID exchange), the lender asks Ben, Ben's node answers by policy. Every
//                                message to Anna and Ben goes through the household node (their mediator).
// The two steps a person takes (Anna picks Ben, Ben agrees to join) are taken by this script the moment
// each is asked; the lender is a plain Credo 0.6.3 agent that polls its records every 50 ms.
// `node --import tsx scripts/bench/joint-application.ts [--quick]`
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../electron/node/askar/register'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { createApi } from '../../electron/node'
import { JointApplicationEventTypes, type JointApplicationChangedEvent } from '../../electron/node/jointApplications'
import { bothByPolicy, startJointHousehold } from '../../tests/integration/household/jointHousehold'
import { quick, record, summarize } from './results'

const WARM_UP = 2
const APPLICATIONS = quick ? 5 : 20

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-joint-'))
const joint = await startJointHousehold(dir)
try {
  await bothByPolicy(joint)
  const anna = createApi(joint.anna).api
  const ben = createApi(joint.ben).api
  joint.anna.agent.events.on<JointApplicationChangedEvent>(JointApplicationEventTypes.JointApplicationChanged, (e) => {
    if (e.payload.role === 'first' && e.payload.state === 'pick-member')
      void anna['jointApplications.bringIn']({ id: e.payload.id, memberConnectionId: joint.annaToBen })
  })
  joint.ben.agent.events.on<JointApplicationChangedEvent>(JointApplicationEventTypes.JointApplicationChanged, (e) => {
    if (e.payload.role === 'second' && e.payload.state === 'asked')
      void ben['jointApplications.respond']({ id: e.payload.id, join: true })
  })
  const samples: number[] = []
  for (let i = 0; i < WARM_UP + APPLICATIONS; i++) {
    const started = performance.now()
    const application = await joint.lender.askFirst(joint.lenderToAnna)
    await joint.lender.askSecond(application)
    const parts = await joint.lender.bothVerified(application.id)
    const ms = performance.now() - started
    if (parts.length !== 2) throw new Error('the lender did not verify both answers')
    if (i >= WARM_UP) samples.push(ms)
  }
  record({ name: 'household.jointApplication', unit: 'ms', ...summarize(samples) })
} finally {
  await joint.stop()
  fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(0)
