// Joint applications (issue 23): a lender asks two members of one household for one application; each
// answers their own part on their own node (docs/joint-applications.md).
import { z } from 'zod'

import { idSchema, noInput } from './common'
import { method } from './contract'

/**
 * first: this node was asked first and brings a member in (pick-member → proposed → introduced).
 * second: a member asked this node to join (asked → joining → joined). Either may end declined or refused.
 */
export type JointApplicationRole = 'first' | 'second'
export type JointApplicationState =
  'pick-member' | 'proposed' | 'introduced' | 'asked' | 'joining' | 'joined' | 'declined' | 'refused'

export interface JointApplicationMember {
  connectionId: string
  label?: string
}

export interface JointApplicationView {
  id: string
  /** The lender's id for the application (the parent thread of both requests); shown in details only. */
  applicationId: string
  role: JointApplicationRole
  state: JointApplicationState
  /** The lender's name as it gave it (first), or as the member's node described it (second). */
  lender?: string
  purpose?: string
  retention?: string
  /** The proof request on this node that belongs to the application (first: from the start; second: once joined). */
  requestId?: string
  /** first: the member brought in; second: the member who asked. */
  member?: JointApplicationMember
  /** first, while picking: the household members this node can bring in. */
  candidates: JointApplicationMember[]
  /** Why it was refused, in words. */
  refusal?: string
  updatedAt: string
}

export const jointApplicationsContract = {
  'jointApplications.list': method<JointApplicationView[]>()(noInput),
  'jointApplications.bringIn': method<JointApplicationView>()(
    z.object({ id: idSchema, memberConnectionId: idSchema }).strict(),
  ),
  'jointApplications.respond': method<JointApplicationView>()(z.object({ id: idSchema, join: z.boolean() }).strict()),
}
