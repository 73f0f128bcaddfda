// The tables a mediator keeps in PostgreSQL when it runs as several instances (drizzle-kit reads this file
// with drizzle.pg.config.ts to generate resources/db/pg-migrations). Only the pickup queue: everything
// else of a node stays in its Askar store (there on PostgreSQL too) or in its own app database.
export {
  pgMediationQueue,
  pgMediationQueueRecipients,
  pgQueueSchema,
} from '../mediation/mediator/queue/postgres/pgQueueTable'
