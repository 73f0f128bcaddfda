import { injectable, type AgentContext } from '@credo-ts/core'

import type { HeldCredential, HeldCredentialPage } from '../../../../shared/api'
import { CustosError } from '../../../../shared/errors'
import { appDatabaseOf } from '../../db'
import { heldText } from './heldText'

interface Row {
  id: string
  issued_at: string
  summary: string
}

/**
 * My data's index of held credentials (heldIndexTable.ts): kept in step with Credo's records, read a page
 * at a time, newest first, and searched in the database (SQLite FTS5 with trigrams, so any three letters
 * of a value find it). Stateless: the database comes from the context.
 */
@injectable()
export class HeldIndexService {
  put(agentContext: AgentContext, held: HeldCredential): void {
    const db = appDatabaseOf(agentContext).$client
    db.transaction(() => {
      db.prepare('INSERT OR REPLACE INTO held_credentials (id, issued_at, summary) VALUES (?, ?, ?)').run(
        held.id,
        held.provenance.issuedAt,
        JSON.stringify(held),
      )
      db.prepare('DELETE FROM held_credentials_text WHERE id = ?').run(held.id)
      db.prepare('INSERT INTO held_credentials_text (id, text) VALUES (?, ?)').run(held.id, heldText(held))
    })()
  }

  remove(agentContext: AgentContext, id: string): void {
    const db = appDatabaseOf(agentContext).$client
    db.transaction(() => {
      db.prepare('DELETE FROM held_credentials WHERE id = ?').run(id)
      db.prepare('DELETE FROM held_credentials_text WHERE id = ?').run(id)
    })()
  }

  count(agentContext: AgentContext): number {
    const row = appDatabaseOf(agentContext).$client.prepare('SELECT count(*) AS n FROM held_credentials').get()
    return (row as { n: number }).n
  }

  /**
   * One page, newest first, after the cursor `before` (from the previous page's `next`). `query` finds
   * credentials whose types, issuer or any claim name or value contains it, ignoring case.
   */
  page(agentContext: AgentContext, options: { limit: number; before?: string; query?: string }): HeldCredentialPage {
    const cursor = options.before ? parseCursor(options.before) : undefined
    const where: string[] = []
    const params: unknown[] = []
    if (cursor) {
      where.push('(issued_at < ? OR (issued_at = ? AND id < ?))')
      params.push(cursor.at, cursor.at, cursor.id)
    }
    const query = options.query?.trim().toLowerCase()
    if (query) {
      // Trigram MATCH needs three characters; a shorter query is a LIKE over the same table (a scan).
      where.push(
        query.length >= 3
          ? 'id IN (SELECT id FROM held_credentials_text WHERE held_credentials_text MATCH ?)'
          : "id IN (SELECT id FROM held_credentials_text WHERE text LIKE ? ESCAPE '\\')",
      )
      params.push(query.length >= 3 ? `"${query.replaceAll('"', '""')}"` : `%${query.replace(/[\\%_]/g, '\\$&')}%`)
    }
    const sql = `SELECT id, issued_at, summary FROM held_credentials ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY issued_at DESC, id DESC LIMIT ?`
    const rows = appDatabaseOf(agentContext)
      .$client.prepare(sql)
      .all(...params, options.limit + 1) as Row[]
    const items = rows.slice(0, options.limit).map((row) => JSON.parse(row.summary) as HeldCredential)
    const last = rows[options.limit - 1]
    return rows.length > options.limit && last ? { items, next: `${last.issued_at}|${last.id}` } : { items }
  }
}

function parseCursor(cursor: string): { at: string; id: string } {
  const [at, id] = cursor.split('|')
  if (!at || !id) throw new CustosError('InvalidInput', 'That is not a page of My data.')
  return { at, id }
}
