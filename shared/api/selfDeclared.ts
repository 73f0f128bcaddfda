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

export const selfDeclaredContract = {
  'selfDeclared.list': method<SelfDeclaredItem[]>()(noInput),
  'selfDeclared.put': method<SelfDeclaredItem>()(selfDeclaredInputSchema.extend({ id: idSchema.optional() })),
  'selfDeclared.get': method<SelfDeclaredItem>()(z.object({ id: idSchema }).strict()),
  'selfDeclared.remove': method<{ removed: boolean }>()(z.object({ id: idSchema })),
}
