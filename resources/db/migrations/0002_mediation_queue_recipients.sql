CREATE TABLE `mediation_queue_recipients` (
	`sequence` integer NOT NULL,
	`recipient_did` text NOT NULL,
	PRIMARY KEY(`recipient_did`, `sequence`),
	FOREIGN KEY (`sequence`) REFERENCES `mediation_queue`(`sequence`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mediation_queue_recipients_sequence` ON `mediation_queue_recipients` (`sequence`);--> statement-breakpoint
-- Hand-written: keep the keys of messages already queued before their JSON column goes.
INSERT INTO `mediation_queue_recipients` (`sequence`, `recipient_did`) SELECT DISTINCT `mediation_queue`.`sequence`, `keys`.`value` FROM `mediation_queue`, json_each(`mediation_queue`.`recipient_dids`) AS `keys`;--> statement-breakpoint
ALTER TABLE `mediation_queue` DROP COLUMN `recipient_dids`;