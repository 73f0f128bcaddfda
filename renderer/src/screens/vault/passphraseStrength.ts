// A rough hint, not a guarantee: length counts most, mixing kinds of characters helps a little.
// Long passphrases of plain words are strong, so no rule demands symbols.

export interface Strength {
  level: 'too-short' | 'weak' | 'fair' | 'strong'
  text: string
}

const MIN_LENGTH = 8

export function passphraseStrength(passphrase: string): Strength {
  if (passphrase.length < MIN_LENGTH) {
    return { level: 'too-short', text: `Too short: use at least ${MIN_LENGTH} characters.` }
  }
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((kind) => kind.test(passphrase)).length
  const distinct = new Set(passphrase).size
  const score = passphrase.length + kinds * 3 + Math.min(distinct, 12)
  if (score < 26 || distinct < 5) {
    return { level: 'weak', text: 'Weak: easy to guess. Add more words or characters.' }
  }
  if (score < 38) return { level: 'fair', text: 'Fair: a few more words would make it strong.' }
  return { level: 'strong', text: 'Strong.' }
}
