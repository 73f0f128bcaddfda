import { defineConfig } from 'drizzle-kit'

// The mediator's queue on PostgreSQL (issue 14); `npm run db:generate:pg`. The desktop's SQLite schema is
// drizzle.config.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './electron/node/db/pgSchema.ts',
  out: './resources/db/pg-migrations',
})
