import type { Page } from 'playwright-core'

/**
 * What a person should never read on an ordinary screen: protocol identifiers (DIDs, digests, DPV ids,
 * ISO durations, credential type ids, camelCase claim names), and in the German UI any English
 * sentence. Only rendered text counts: a closed "Details" fold is not read (innerText skips it).
 * The requester's own words quoted after "Begründung:" / "Their reason:" are theirs, and are left out.
 */
const RAW = [
  /did:[a-z0-9]+:/i,
  /sha(256|384|512)-[A-Za-z0-9+/]/,
  /\bdpv:/,
  /\bP\d+[YMWD]\b/,
  /\b[A-Z][A-Za-z]*Credential\b/,
  /\b[a-z]+[A-Z][A-Za-z]*\b/,
  /\b[a-z]+_[a-z0-9_]+\b/,
]
// Words of English sentences that German never uses; the companies' own labels (Lender, Bank) are names.
const ENGLISH =
  /\b(the|and|your|you|with|share|shared|request|requests|waits?|what|which|this|that|from|none|nothing|not|leave|kept|asks?)\b/i

export async function rawTextOn(page: Page, language: 'de' | 'en'): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText)
  const lines = text
    .split('\n')
    .map((line) => line.replace(/(Their reason|Begründung|In their words|In ihren Worten): [“„].*?[”“]/g, ''))
  const found: string[] = []
  for (const line of lines) {
    for (const pattern of RAW) if (pattern.test(line)) found.push(`${pattern}: ${line}`)
    if (language === 'de' && ENGLISH.test(line)) found.push(`English: ${line}`)
  }
  return found
}
