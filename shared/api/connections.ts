// Connections to other agents over out-of-band invitations and DID exchange, each with a role.
import { z } from 'zod'

import { idSchema, noInput } from './common'
import { method } from './contract'

/** What a connection is to the person; they see it and can change it. */
export const connectionRoles = ['unassigned', 'data-source', 'requester', 'household-member', 'mediator'] as const
export type ConnectionRole = (typeof connectionRoles)[number]

// Invitations arrive as pasted web URLs (https://host/path?oob=...) or deep links (custos://invite?oob=...).
// The node decodes the invitation itself; here only the shape is checked, so a person gets a clear message.
const invitationSchemes = ['http:', 'https:', 'custos:', 'didcomm:']
export const invitationUrlSchema = z
  .string()
  .trim()
  .min(1, 'Paste an invitation link.')
  .max(256 * 1024, 'An invitation link can have at most 256 KiB.')
  .refine((value) => invitationParam(value) !== undefined, {
    message:
      'This is not an invitation link: it needs to be a URL (https://... or custos://invite) with an oob= or c_i= parameter.',
  })

/** The encoded invitation inside an invitation URL, or undefined when the text is not one. */
export function invitationParam(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (!invitationSchemes.includes(url.protocol)) return undefined
  const params = ['oob', 'c_i'].flatMap((name) => url.searchParams.getAll(name))
  return params.length === 1 && params[0].length > 0 ? params[0] : undefined
}

export interface CreatedInvitation {
  /** The out-of-band record that answers this invitation. */
  id: string
  /** The invitation as a web URL that a person can paste. */
  url: string
  /** The same invitation as a custos://invite deep link. */
  deepLink: string
  /** What a QR code shows; the renderer draws it. */
  qrData: string
  multiUse: boolean
}

export interface ConnectionSummary {
  id: string
  /** The label the other side gave itself. */
  theirLabel?: string
  role: ConnectionRole
  /** DID exchange state (e.g. request-sent, completed). */
  state: string
  ready: boolean
  /** 'us' when this node made the invitation, 'them' when it accepted theirs. */
  invitedBy: 'us' | 'them'
  theirDid?: string
  createdAt: string
}

export const createInvitationInputSchema = z
  .object({
    label: z.string().trim().min(1).max(200).optional(),
    multiUse: z.boolean().optional(),
  })
  .strict()
  .optional()

export const connectionsContract = {
  'connections.createInvitation': method<CreatedInvitation>()(createInvitationInputSchema),
  'connections.acceptInvitation': method<ConnectionSummary>()(z.object({ url: invitationUrlSchema }).strict()),
  'connections.list': method<ConnectionSummary[]>()(noInput),
  'connections.setRole': method<ConnectionSummary>()(
    z
      .object({
        id: idSchema,
        role: z.enum(connectionRoles, { error: `A role is one of: ${connectionRoles.join(', ')}.` }),
      })
      .strict(),
  ),
  'connections.remove': method<{ removed: boolean }>()(z.object({ id: idSchema }).strict()),
}
