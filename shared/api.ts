// The one API contract of the node. The node implements it once (electron/node/api); the desktop
// reaches it over IPC (electron/preload), headless mode and browser tests over the loopback bridge.
// Every input crosses a trust boundary, so each method has a zod schema that the node applies.
import { z } from 'zod'

export const passphraseSchema = z
  .string()
  .min(8, 'A passphrase needs at least 8 characters.')
  .max(1024, 'A passphrase can have at most 1024 characters.')

export const selfDeclaredInputSchema = z.object({
  label: z.string().trim().min(1, 'Give the item a label.').max(200),
  value: z.string().max(64 * 1024, 'A value can have at most 64 KiB.'),
})

export const idSchema = z.string().min(1).max(200)

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

export const apiInputSchemas = {
  'vault.status': z.void(),
  'vault.create': z.object({ passphrase: passphraseSchema }),
  'vault.unlock': z.object({ passphrase: z.string().max(1024) }),
  'vault.lock': z.void(),
  'selfDeclared.list': z.void(),
  'selfDeclared.put': selfDeclaredInputSchema.extend({ id: idSchema.optional() }),
  'selfDeclared.remove': z.object({ id: idSchema }),
  'connections.createInvitation': z
    .object({
      label: z.string().trim().min(1).max(200).optional(),
      multiUse: z.boolean().optional(),
    })
    .strict()
    .optional(),
  'connections.acceptInvitation': z.object({ url: invitationUrlSchema }).strict(),
  'connections.list': z.void(),
  'connections.setRole': z
    .object({
      id: idSchema,
      role: z.enum(connectionRoles, { error: `A role is one of: ${connectionRoles.join(', ')}.` }),
    })
    .strict(),
  'connections.remove': z.object({ id: idSchema }).strict(),
  'mediation.status': z.void(),
  'mediation.useMediator': z.object({ invitationUrl: invitationUrlSchema }).strict(),
  'mediation.listRecipients': z.void(),
  'mediation.removeRecipient': z.object({ id: idSchema }).strict(),
} as const

export type ApiMethod = keyof typeof apiInputSchemas
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputSchemas)[M]>

export type VaultState = 'no-store' | 'locked' | 'unlocked'

export interface VaultStatus {
  state: VaultState
  dataDir: string
  askarVersion: string
}

export interface SelfDeclaredItem {
  id: string
  label: string
  value: string
  createdAt: string
  updatedAt: string
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

/** The mediator this node is reachable through (recipient side). */
export interface MediatorSummary {
  /** Credo's mediation record. */
  id: string
  connectionId: string
  label?: string
  /** requested, granted or denied. */
  state: string
  /** Where others send messages for this node, when granted. */
  endpoint?: string
  routingKeyCount: number
  pickupStrategy: string
  since: string
}

export interface MediationStatus {
  /** Whether this node grants mediation to other nodes (a household's always-on node). */
  servesAsMediator: boolean
  /** The mediator this node uses; null when it is reachable only at its own endpoint, if any. */
  mediator: MediatorSummary | null
}

/** A node this node mediates for (mediator side). */
export interface MediatedRecipient {
  /** Credo's mediation record; removeRecipient takes this id. */
  id: string
  connectionId: string
  label?: string
  recipientKeyCount: number
  /** Messages held for it, including those handed out but not yet acknowledged. */
  queuedMessages: number
  since: string
}

export interface ApiOutputs {
  'vault.status': VaultStatus
  'vault.create': VaultStatus
  'vault.unlock': VaultStatus
  'vault.lock': VaultStatus
  'selfDeclared.list': SelfDeclaredItem[]
  'selfDeclared.put': SelfDeclaredItem
  'selfDeclared.remove': { removed: boolean }
  'connections.createInvitation': CreatedInvitation
  'connections.acceptInvitation': ConnectionSummary
  'connections.list': ConnectionSummary[]
  'connections.setRole': ConnectionSummary
  'connections.remove': { removed: boolean }
  'mediation.status': MediationStatus
  'mediation.useMediator': MediationStatus
  'mediation.listRecipients': MediatedRecipient[]
  'mediation.removeRecipient': { removed: boolean; droppedMessages: number }
}

export type CustosApi = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]>
}
