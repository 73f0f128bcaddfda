// Data the person states about themselves, kept apart from what an issuer signed.
import { z } from 'zod'

import { idSchema, noInput } from './common'
import { method } from './contract'

export const selfDeclaredInputSchema = z.object({
  label: z.string().trim().min(1, 'Give the item a label.').max(200),
  value: z.string().max(64 * 1024, 'A value can have at most 64 KiB.'),
})

export interface SelfDeclaredItem {
  id: string
  label: string
  value: string
  createdAt: string
  updatedAt: string
}

/** One page of self-declared items by label; `next` (absent on the last) asks for the page after it. */
export interface SelfDeclaredPage {
  items: SelfDeclaredItem[]
  next?: string
}

export const selfDeclaredContract = {
  'selfDeclared.list': method<SelfDeclaredItem[]>()(noInput),
  /** A page in label order; `query` keeps items whose label or value contains it, ignoring case. */
  'selfDeclared.page': method<SelfDeclaredPage>()(
    z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        after: z.string().min(2).max(500).optional(),
        query: z.string().trim().max(200).optional(),
      })
      .strict(),
  ),
  'selfDeclared.put': method<SelfDeclaredItem>()(selfDeclaredInputSchema.extend({ id: idSchema.optional() })),
  'selfDeclared.get': method<SelfDeclaredItem>()(z.object({ id: idSchema }).strict()),
  'selfDeclared.remove': method<{ removed: boolean }>()(z.object({ id: idSchema })),
}
