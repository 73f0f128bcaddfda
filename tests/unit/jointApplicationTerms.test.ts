import { DidCommHandshakeProtocol, DidCommOutOfBandInvitation } from '@credo-ts/didcomm'
import { describe, expect, it } from 'vitest'

import {
  invitationProblem,
  JOINT_GOAL_CODE,
  jointTermsOf,
} from '../../electron/node/jointApplications/applicationTerms'
import { REQUEST_TERMS_PREFIX } from '../../electron/node/requests'

const SERVICE_DID = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'

function invitationUrl(options: { goalCode?: string; goal?: string; handshake?: boolean }): string {
  const invitation = new DidCommOutOfBandInvitation({
    label: 'Lender',
    services: [SERVICE_DID],
    handshakeProtocols: options.handshake === false ? undefined : [DidCommHandshakeProtocol.DidExchange],
    goalCode: options.goalCode,
    goal: options.goal,
  })
  return invitation.toUrl({ domain: 'http://127.0.0.1:9' })
}

const comment = (terms: unknown) => `${REQUEST_TERMS_PREFIX}${JSON.stringify(terms)}`

describe('joint application terms: what makes a request a joint application, and its invitation usable', () => {
  it('reads the application only when it is the request’s own parent thread', () => {
    const application = { id: 'A-1', applicants: 2, role: 'first' }
    expect(jointTermsOf(comment({ purpose: 'x', application }), 'A-1')).toEqual({ application })
    expect(jointTermsOf(comment({ application }), 'A-2')).toBeUndefined()
    expect(jointTermsOf(comment({ application }), undefined)).toBeUndefined()
  })

  it('is not a joint application: no terms, broken JSON, three applicants, an unknown role', () => {
    expect(jointTermsOf(undefined, 'A')).toBeUndefined()
    expect(jointTermsOf('just words', 'A')).toBeUndefined()
    expect(jointTermsOf(`${REQUEST_TERMS_PREFIX}{not json`, 'A')).toBeUndefined()
    expect(jointTermsOf(comment({ application: { id: 'A', applicants: 3, role: 'first' } }), 'A')).toBeUndefined()
    expect(jointTermsOf(comment({ application: { id: 'A', applicants: 2, role: 'third' } }), 'A')).toBeUndefined()
    const long = comment({
      application: { id: 'A', applicants: 2, role: 'first' },
      secondApplicantInvitation: 'x'.repeat(70_000),
    })
    expect(jointTermsOf(long, 'A')).toBeUndefined()
  })

  it('takes the lender’s invitation for this application only, saying why not in words', () => {
    const goal = 'Joint mortgage application A-1'
    expect(invitationProblem(invitationUrl({ goalCode: JOINT_GOAL_CODE, goal }), 'A-1')).toBeUndefined()
    expect(invitationProblem(undefined, 'A-1')).toMatch(/gave no invitation/)
    expect(invitationProblem('https://lender.example/?oob=%%%', 'A-1')).toMatch(/cannot be read/)
    expect(invitationProblem('https://lender.example/apply', 'A-1')).toMatch(/cannot be read/)
    expect(invitationProblem(invitationUrl({ goalCode: 'other', goal }), 'A-1')).toMatch(/not the one/)
    expect(invitationProblem(invitationUrl({ goalCode: JOINT_GOAL_CODE, goal }), 'A-10')).toMatch(/not the one/)
    expect(invitationProblem(invitationUrl({ goalCode: JOINT_GOAL_CODE }), 'A-1')).toMatch(/not the one/)
    expect(invitationProblem(invitationUrl({ goalCode: JOINT_GOAL_CODE, goal, handshake: false }), 'A-1')).toMatch(
      /does not offer a connection/,
    )
  })
})
