CREATE TABLE `mediation_queue` (
	`sequence` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`connection_id` text NOT NULL,
	`recipient_dids` text NOT NULL,
	`payload` text NOT NULL,
	`bytes` integer NOT NULL,
	`received_at` integer NOT NULL,
	`leased_until` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mediation_queue_id_unique` ON `mediation_queue` (`id`);--> statement-breakpoint
CREATE INDEX `mediation_queue_connection_sequence` ON `mediation_queue` (`connection_id`,`sequence`,`leased_until`,`bytes`);--> statement-breakpoint
CREATE INDEX `mediation_queue_received_at` ON `mediation_queue` (`received_at`);