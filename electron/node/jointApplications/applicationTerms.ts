import { z } from 'zod'

import { parseInvitationUrl } from '../connections'
import { REQUEST_TERMS_PREFIX } from '../requests'

/** The goal code a lender puts on the invitation it makes for the second applicant of one application. */
export const JOINT_GOAL_CODE = 'custos.joint-application'

const applicationSchema = z.object({
  id: z.string().min(1).max(200),
  applicants: z.literal(2),
  role: z.enum(['first', 'second']),
})

export interface JointTerms {
  application: z.output<typeof applicationSchema>
  /** The lender's out-of-band invitation URL for the second applicant (first applicant only). */
  secondApplicantInvitation?: string
}

/**
 * The joint part of a request's terms (`custos-terms:` comment, docs/ARCHITECTURE.md), or undefined when
 * the request is not a joint application. The request's own `~thread.pthid` must be the application id:
 * that is what the lender groups both answers by.
 */
export function jointTermsOf(comment: string | undefined, parentThreadId: string | undefined): JointTerms | undefined {
  if (!comment?.startsWith(REQUEST_TERMS_PREFIX)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(comment.slice(REQUEST_TERMS_PREFIX.length))
  } catch {
    return undefined
  }
  const terms = z
    .object({
      application: applicationSchema,
      secondApplicantInvitation: z
        .string()
        .max(64 * 1024)
        .optional(),
    })
    .safeParse(parsed)
  if (!terms.success || terms.data.application.id !== parentThreadId) return undefined
  return terms.data
}

/**
 * Why an invitation cannot be used for this application, or undefined when it can: it must be an
 * out-of-band invitation that offers a connection, carries the joint goal code, and names the
 * application in its goal.
 */
export function invitationProblem(url: string | undefined, applicationId: string): string | undefined {
  if (!url) return 'The lender gave no invitation for the second applicant.'
  let invitation: ReturnType<typeof parseInvitationUrl>
  try {
    invitation = parseInvitationUrl(url)
  } catch {
    return 'The lender’s invitation for the second applicant cannot be read.'
  }
  if (!invitation.handshakeProtocols?.length) return 'The lender’s invitation does not offer a connection.'
  if (invitation.goalCode !== JOINT_GOAL_CODE || !invitation.goal?.split(/\s+/).includes(applicationId)) {
    return 'The invitation is not the one the lender made for this application, so it was not used.'
  }
  return undefined
}
