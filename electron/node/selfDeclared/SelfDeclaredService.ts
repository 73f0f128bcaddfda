import { randomUUID } from 'node:crypto'

import { asc, eq } from 'drizzle-orm'

import type { SelfDeclaredItem } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import type { AppDatabase } from '../db'
import { selfDeclaredItems } from '../db/schema'

export interface PutSelfDeclared {
  id?: string
  label: string
  value: string
}

/** Data the person states about themselves. Stateless: the unlocked app database is passed in. */
export class SelfDeclaredService {
  list(db: AppDatabase): SelfDeclaredItem[] {
    return db.select().from(selfDeclaredItems).orderBy(asc(selfDeclaredItems.label)).all()
  }

  put(db: AppDatabase, input: PutSelfDeclared): SelfDeclaredItem {
    const now = new Date().toISOString()
    if (input.id) {
      const updated = db
        .update(selfDeclaredItems)
        .set({ label: input.label, value: input.value, updatedAt: now })
        .where(eq(selfDeclaredItems.id, input.id))
        .returning()
        .get()
      if (!updated) throw new CustosError('NotFound', `No self-declared item with id ${input.id}.`)
      return updated
    }
    const item = { id: randomUUID(), label: input.label, value: input.value, createdAt: now, updatedAt: now }
    db.insert(selfDeclaredItems).values(item).run()
    return item
  }

  remove(db: AppDatabase, id: string): boolean {
    return db.delete(selfDeclaredItems).where(eq(selfDeclaredItems.id, id)).run().changes > 0
  }
}
