CREATE TABLE `held_credentials` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`issued_at` text NOT NULL,
	`summary` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `held_credentials_id_unique` ON `held_credentials` (`id`);--> statement-breakpoint
CREATE INDEX `held_credentials_issued_at` ON `held_credentials` (`issued_at`,`id`);--> statement-breakpoint
-- My data's search (electron/node/credentials/heldIndex): words per held credential, found by any three letters.
-- Its rowid is held_credentials.seq. drizzle-kit cannot describe a virtual table, so it is written here by hand.
CREATE VIRTUAL TABLE `held_credentials_text` USING fts5(`text`, tokenize = 'trigram');
