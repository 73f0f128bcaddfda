// Figures, not a test (issue 31): a lender's OpenID4VP 1.0 request (DCQL, two of six claims, signed under
// its did:key) answered at once, from the link reaching the holder to the verifier having verified the
// answer, one request at a time, against two holders in the same process, on Credo's own issuer and
// verifier modules over HTTP on 127.0.0.1:
//   autoAnswer.latency.openid4vp         a Custos node answering through its standing consent policy
//                                        (identity proved, trust list role, evaluation, minimisation
//                                        check, history with a receipt)
//   autoAnswer.latency.openid4vp.credo   the baseline: a plain Credo 0.6.3 holder answering what Credo selects
// Their requests alternate, so a change in the machine's load falls on both alike. Making the request (the
// verifier's work) is not timed; every answer is checked as verified by the verifier, untimed.
// `node --import tsx scripts/bench/auto-answer/openid4vp.ts [--quick]`
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../../electron/node/askar/register'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'

import { startIssuer, startVerifier } from '../../../tests/integration/openid4vc/plainAgents'
import { ASKED, lenderRequest } from '../../../tests/integration/openid4vc/lenderRequest'
import { quick, record, summarize } from '../results'
import { credoVpHolder, custosVpHolder, type VpHolder } from './openid4vpHolders'

const WARM_UP = 5
const REQUESTS = quick ? 40 : 200

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-openid4vp-'))
const issuer = await startIssuer(path.join(dir, 'bank'))
const verifier = await startVerifier(path.join(dir, 'lender'))
const holders: [string, VpHolder][] = []
try {
  holders.push(['autoAnswer.latency.openid4vp', await custosVpHolder(dir, issuer, verifier.didKey.did, ASKED)])
  holders.push(['autoAnswer.latency.openid4vp.credo', await credoVpHolder(dir, issuer)])
  const latencies = holders.map((): number[] => [])
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    for (const [k, [, holder]] of holders.entries()) {
      const { authorizationRequest, verificationSession } = await lenderRequest(verifier)
      const started = performance.now()
      await holder.answer(authorizationRequest)
      const ms = performance.now() - started
      const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
      if (session.state !== OpenId4VcVerificationSessionState.ResponseVerified) {
        throw new Error(`${holders[k][0]}: the verifier did not verify the answer (${session.state})`)
      }
      if (i >= WARM_UP) latencies[k].push(ms)
    }
  }
  holders.forEach(([name], k) => record({ name, unit: 'ms', ...summarize(latencies[k]) }))
} finally {
  for (const [, holder] of holders) await holder.stop()
  await verifier.close()
  await issuer.close()
  fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(0)
