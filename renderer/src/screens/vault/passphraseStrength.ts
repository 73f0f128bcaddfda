import { i18next } from '../../i18n/i18n'

// A rough hint, not a guarantee: length counts most, mixing kinds of characters helps a little.
// Long passphrases of plain words are strong, so no rule demands symbols.

export interface Strength {
  level: 'too-short' | 'weak' | 'fair' | 'strong'
  text: string
}

const MIN_LENGTH = 8

export function passphraseStrength(passphrase: string): Strength {
  const say = (level: Strength['level']): Strength => ({
    level,
    text: i18next.t(`passphrase.strength.${level}`, { min: MIN_LENGTH }),
  })
  if (passphrase.length < MIN_LENGTH) return say('too-short')
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((kind) => kind.test(passphrase)).length
  const distinct = new Set(passphrase).size
  const score = passphrase.length + kinds * 3 + Math.min(distinct, 12)
  if (score < 26 || distinct < 5) return say('weak')
  if (score < 38) return say('fair')
  return say('strong')
}
