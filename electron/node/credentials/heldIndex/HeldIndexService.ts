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
 * at a time, newest first, and searched in the database: SQLite FTS5 with trigrams finds the rows of a
 * rare word at once, a walk down the date index fills a page of a common one. Stateless: the database
 * comes from the context.
 */
@injectable()
export class HeldIndexService {
  put(agentContext: AgentContext, held: HeldCredential): void {
    this.putAll(agentContext, [held])
  }

  /**
   * Many in one transaction: one commit (one sync to disk) for all of them, as a rebuild needs. The words
   * are keyed by the row's `seq`, so replacing or removing them is a lookup, not a scan of the FTS table.
   */
  putAll(agentContext: AgentContext, helds: readonly HeldCredential[]): void {
    const db = appDatabaseOf(agentContext).$client
    const seqOf = db.prepare('SELECT seq FROM held_credentials WHERE id = ?').pluck()
    const update = db.prepare('UPDATE held_credentials SET issued_at = ?, summary = ? WHERE seq = ?')
    const insert = db.prepare('INSERT INTO held_credentials (id, issued_at, summary) VALUES (?, ?, ?)')
    const forget = db.prepare('DELETE FROM held_credentials_text WHERE rowid = ?')
    const words = db.prepare('INSERT INTO held_credentials_text (rowid, text) VALUES (?, ?)')
    db.transaction(() => {
      for (const held of helds) {
        const summary = JSON.stringify(held)
        let seq = seqOf.get(held.id) as number | undefined
        if (seq === undefined) seq = Number(insert.run(held.id, held.provenance.issuedAt, summary).lastInsertRowid)
        else {
          update.run(held.provenance.issuedAt, summary, seq)
          forget.run(seq)
        }
        words.run(seq, heldText(held))
      }
    })()
  }

  remove(agentContext: AgentContext, id: string): void {
    const db = appDatabaseOf(agentContext).$client
    db.transaction(() => {
      const seq = db.prepare('SELECT seq FROM held_credentials WHERE id = ?').pluck().get(id) as number | undefined
      if (seq === undefined) return
      db.prepare('DELETE FROM held_credentials_text WHERE rowid = ?').run(seq)
      db.prepare('DELETE FROM held_credentials WHERE seq = ?').run(seq)
    })()
  }

  /** The rows whose words contain `query` if there are at most FEW (trigram MATCH needs three letters). */
  private fewMatches(agentContext: AgentContext, query: string): number[] | undefined {
    if (query.length < 3) return undefined
    const seqs = appDatabaseOf(agentContext)
      .$client.prepare('SELECT rowid FROM held_credentials_text WHERE held_credentials_text MATCH ? LIMIT ?')
      .pluck()
      .all(`"${query.replaceAll('"', '""')}"`, FEW + 1) as number[]
    return seqs.length <= FEW ? seqs : undefined
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
      const found = this.fewMatches(agentContext, query)
      if (found) {
        // A rare query: the index of words names the few rows, sorted here (at most FEW of them).
        where.push('seq IN (SELECT value FROM json_each(?))')
        params.push(JSON.stringify(found))
      } else {
        // A common or two-letter query: newest first through the date index, each row's words checked,
        // until the page is full; a page of a common word is found after a few hundred rows.
        where.push("EXISTS (SELECT 1 FROM held_credentials_text t WHERE t.rowid = seq AND t.text LIKE ? ESCAPE '\\')")
        params.push(`%${query.replace(/[\\%_]/g, '\\$&')}%`)
      }
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

/** Up to this many matches a search takes the rows the word index names; beyond, it walks by date. */
const FEW = 1_000

function parseCursor(cursor: string): { at: string; id: string } {
  const [at, id] = cursor.split('|')
  if (!at || !id) throw new CustosError('InvalidInput', 'That is not a page of My data.')
  return { at, id }
}
