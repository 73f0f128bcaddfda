import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/node/db/schema.ts',
  out: './resources/db/migrations',
})
