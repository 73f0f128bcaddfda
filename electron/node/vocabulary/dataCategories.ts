import fs from 'node:fs'
import path from 'node:path'

import type { DataCategory } from '../../../shared/api'
import { findResource } from '../platform/resources'

interface CategoryTable {
  types: Record<string, DataCategory[]>
  claims: Record<string, DataCategory[]>
}

let bundled: CategoryTable | undefined

function table(): CategoryTable {
  bundled ??= JSON.parse(fs.readFileSync(findResource(path.join('dpv', 'categories.json')), 'utf8')) as CategoryTable
  return bundled
}

/** The last segment of a type URI or SD-JWT vct: `https://…/IncomeCredential` is `IncomeCredential`. */
export function shortTypeName(type: string): string {
  return type.split(/[/#:]/).filter(Boolean).at(-1) ?? type
}

/** A type, its short name, and the segment before a version (`urn:eu.europa.ec.eudi:pid:1` is `pid`). */
function shortName(type: string): string[] {
  const parts = type.split(/[/#:]/).filter(Boolean)
  return [type, ...parts.slice(-2)]
}

/**
 * The DPV personal-data categories an item falls in: those of its credential type and of every claim
 * that would leave (`address.city` is contact data). A profile limit on a category covers the item when
 * any of them match; an item nothing names is only in `any`.
 */
export function categoriesOf(types: string[], claims: string[]): DataCategory[] {
  const { types: byType, claims: byClaim } = table()
  const found = new Set<DataCategory>()
  for (const type of types) for (const name of shortName(type)) for (const c of byType[name] ?? []) found.add(c)
  for (const claim of claims) for (const c of byClaim[claim.split('.')[0]] ?? []) found.add(c)
  return [...found].sort()
}
