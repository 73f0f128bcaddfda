import { randomUUID } from 'node:crypto'

import { EventEmitter, injectable, type AgentContext } from '@credo-ts/core'
import { asc, eq } from 'drizzle-orm'

import type { SelfDeclaredItem } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { appDatabaseOf } from '../db'
import { SelfDeclaredEventTypes, type SelfDeclaredItemChangedEvent } from './SelfDeclaredEvents'
import { selfDeclaredItems } from './selfDeclaredTable'

export interface PutSelfDeclared {
  id?: string
  label: string
  value: string
}

/** Data the person states about themselves, in the app database. Stateless: all state is in the context. */
@injectable()
export class SelfDeclaredService {
  list(agentContext: AgentContext): SelfDeclaredItem[] {
    return appDatabaseOf(agentContext).select().from(selfDeclaredItems).orderBy(asc(selfDeclaredItems.label)).all()
  }

  get(agentContext: AgentContext, id: string): SelfDeclaredItem {
    const item = appDatabaseOf(agentContext).select().from(selfDeclaredItems).where(eq(selfDeclaredItems.id, id)).get()
    if (!item) throw new CustosError('NotFound', `No self-declared item with id ${id}.`)
    return item
  }

  put(agentContext: AgentContext, input: PutSelfDeclared): SelfDeclaredItem {
    const db = appDatabaseOf(agentContext)
    const now = new Date().toISOString()
    let item: SelfDeclaredItem | undefined
    if (input.id) {
      item = db
        .update(selfDeclaredItems)
        .set({ label: input.label, value: input.value, updatedAt: now })
        .where(eq(selfDeclaredItems.id, input.id))
        .returning()
        .get()
      if (!item) throw new CustosError('NotFound', `No self-declared item with id ${input.id}.`)
    } else {
      item = { id: randomUUID(), label: input.label, value: input.value, createdAt: now, updatedAt: now }
      db.insert(selfDeclaredItems).values(item).run()
    }
    this.emitChanged(agentContext, item.id, item)
    return item
  }

  remove(agentContext: AgentContext, id: string): boolean {
    const removed = appDatabaseOf(agentContext).delete(selfDeclaredItems).where(eq(selfDeclaredItems.id, id)).run()
    if (removed.changes > 0) this.emitChanged(agentContext, id, null)
    return removed.changes > 0
  }

  private emitChanged(agentContext: AgentContext, id: string, item: SelfDeclaredItem | null): void {
    agentContext.dependencyManager.resolve(EventEmitter).emit<SelfDeclaredItemChangedEvent>(agentContext, {
      type: SelfDeclaredEventTypes.SelfDeclaredItemChanged,
      payload: { id, item },
    })
  }
}
