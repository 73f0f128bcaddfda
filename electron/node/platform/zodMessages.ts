import { z } from 'zod'

/**
 * zod's own English messages, for every parse whose message a person reads. @openid4vc/utils sets zod's
 * global error map when it loads (zod-validation-error's texts), so a parse without this reads differently
 * depending on which libraries were imported before it. Pass as `safeParse(input, { error: ownMessages })`.
 */
export const ownMessages = z.locales.en().localeError
