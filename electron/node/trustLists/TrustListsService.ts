import { randomUUID } from 'node:crypto'

import { EventEmitter, injectable, type AgentContext } from '@credo-ts/core'
import { asc, eq } from 'drizzle-orm'

import type { ImportedTrustList, TrustListDocument, TrustListEntry, TrustListVoucher } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { appDatabaseOf } from '../db'
import { fingerprintOfDidKey } from './keyFingerprints'
import { trustListEntries, trustLists } from './trustListTables'
import { parseTrustList } from './parseTrustList'
import { anchorsOf } from './x509Anchors'
import { TrustListEventTypes, type TrustListsChangedEvent } from './TrustListsEvents'

/** Imported trust lists in the app database; the publisher's signature is checked before anything is kept. */
@injectable()
export class TrustListsService {
  list(agentContext: AgentContext): ImportedTrustList[] {
    const db = appDatabaseOf(agentContext)
    return db
      .select()
      .from(trustLists)
      .orderBy(asc(trustLists.importedAt))
      .all()
      .map((row) => ({
        id: row.id,
        name: row.name,
        publisher: row.publisher,
        issued: row.issued,
        importedAt: row.importedAt,
        entries: db.select().from(trustListEntries).where(eq(trustListEntries.listId, row.id)).all().map(toEntry),
        ...anchorsOf(JSON.parse(row.document) as TrustListDocument),
      }))
  }

  import(agentContext: AgentContext, text: string): ImportedTrustList {
    const document = parseTrustList(text)
    const id = randomUUID()
    const importedAt = new Date().toISOString()
    const db = appDatabaseOf(agentContext)
    db.transaction((tx) => {
      // A newer issue of the same list from the same publisher replaces the one imported before.
      const previous = tx.select().from(trustLists).where(eq(trustLists.publisher, document.publisher)).all()
      for (const row of previous.filter((row) => JSON.parse(row.document).id === document.id)) {
        tx.delete(trustLists).where(eq(trustLists.id, row.id)).run()
      }
      tx.insert(trustLists)
        .values({
          id,
          publisher: document.publisher,
          name: document.name,
          issued: document.issued,
          document: text,
          importedAt,
        })
        .run()
      for (const entry of document.entries) {
        tx.insert(trustListEntries)
          .values({
            listId: id,
            did: entry.did,
            name: entry.name,
            roles: JSON.stringify(entry.roles),
            purposes: JSON.stringify(entry.purposes),
          })
          .run()
      }
    })
    this.emitChanged(agentContext)
    const { publisher, name, issued, entries } = document
    return { id, name, publisher, issued, importedAt, entries, ...anchorsOf(document) }
  }

  remove(agentContext: AgentContext, id: string): boolean {
    const removed = appDatabaseOf(agentContext).delete(trustLists).where(eq(trustLists.id, id)).run()
    if (removed.changes > 0) this.emitChanged(agentContext)
    return removed.changes > 0
  }

  /**
   * The entries of imported lists whose did:key is one of `keyFingerprints`: the keys that speak for a
   * connection. A requester is what its keys are, never the label it gives itself.
   */
  entriesForKeys(agentContext: AgentContext, keyFingerprints: Set<string>): TrustListEntry[] {
    return appDatabaseOf(agentContext)
      .select()
      .from(trustListEntries)
      .all()
      .filter((row) => keyFingerprints.has(fingerprintOfDidKey(row.did) ?? ''))
      .map(toEntry)
  }

  /** Which imported lists vouch for whoever holds these keys: the list's name, the listed name and roles. */
  vouchersForKeys(agentContext: AgentContext, keyFingerprints: Set<string>): TrustListVoucher[] {
    const db = appDatabaseOf(agentContext)
    return db
      .select({ entry: trustListEntries, list: trustLists.name })
      .from(trustListEntries)
      .innerJoin(trustLists, eq(trustLists.id, trustListEntries.listId))
      .all()
      .filter(({ entry }) => keyFingerprints.has(fingerprintOfDidKey(entry.did) ?? ''))
      .map(({ entry, list }) => ({ list, name: entry.name, roles: JSON.parse(entry.roles) as string[] }))
  }

  get(agentContext: AgentContext, id: string): ImportedTrustList {
    const found = this.list(agentContext).find((list) => list.id === id)
    if (!found) throw new CustosError('NotFound', `No trust list with id ${id}.`)
    return found
  }

  private emitChanged(agentContext: AgentContext): void {
    agentContext.dependencyManager.resolve(EventEmitter).emit<TrustListsChangedEvent>(agentContext, {
      type: TrustListEventTypes.TrustListsChanged,
      payload: {},
    })
  }
}

function toEntry(row: typeof trustListEntries.$inferSelect): TrustListEntry {
  return { did: row.did, name: row.name, roles: JSON.parse(row.roles), purposes: JSON.parse(row.purposes) }
}
