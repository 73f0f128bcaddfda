import { randomUUID } from 'node:crypto'

import { EventEmitter, inject, injectable, type AgentContext } from '@credo-ts/core'
import { and, asc, eq, gt, or, sql } from 'drizzle-orm'

import type { SelfDeclaredItem, SelfDeclaredPage } from '../../../shared/api'
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
  constructor(@inject(EventEmitter) private readonly events: EventEmitter) {}

  list(agentContext: AgentContext): SelfDeclaredItem[] {
    return appDatabaseOf(agentContext).select().from(selfDeclaredItems).orderBy(asc(selfDeclaredItems.label)).all()
  }

  /**
   * A page in label order after the cursor `after`; `query` is a case-insensitive LIKE on label and value
   * (self-declared values are short texts the person typed, so a scan of the table is the search).
   */
  page(agentContext: AgentContext, options: { limit: number; after?: string; query?: string }): SelfDeclaredPage {
    const cursor = options.after ? parseCursor(options.after) : undefined
    const query = options.query?.trim()
    const pattern = query ? `%${query.replace(/[\\%_]/g, '\\$&')}%` : undefined
    const rows = appDatabaseOf(agentContext)
      .select()
      .from(selfDeclaredItems)
      .where(
        and(
          cursor
            ? or(
                gt(selfDeclaredItems.label, cursor.label),
                and(eq(selfDeclaredItems.label, cursor.label), gt(selfDeclaredItems.id, cursor.id)),
              )
            : undefined,
          pattern
            ? or(
                sql`${selfDeclaredItems.label} LIKE ${pattern} ESCAPE '\\'`,
                sql`${selfDeclaredItems.value} LIKE ${pattern} ESCAPE '\\'`,
              )
            : undefined,
        ),
      )
      .orderBy(asc(selfDeclaredItems.label), asc(selfDeclaredItems.id))
      .limit(options.limit + 1)
      .all()
    const items = rows.slice(0, options.limit)
    const last = items.at(-1)
    return rows.length > options.limit && last ? { items, next: JSON.stringify([last.label, last.id]) } : { items }
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
    this.events.emit<SelfDeclaredItemChangedEvent>(agentContext, {
      type: SelfDeclaredEventTypes.SelfDeclaredItemChanged,
      payload: { id, item },
    })
  }
}

// A label may hold any character, so the cursor is JSON rather than a joined string.
function parseCursor(cursor: string): { label: string; id: string } {
  try {
    const [label, id] = JSON.parse(cursor) as unknown[]
    if (typeof label === 'string' && typeof id === 'string') return { label, id }
  } catch {
    // falls through to the refusal below
  }
  throw new CustosError('InvalidInput', 'That is not a page of self-declared items.')
}
