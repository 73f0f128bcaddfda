CREATE TABLE `mandate_asks` (
	`id` text PRIMARY KEY NOT NULL,
	`mandate_id` text NOT NULL,
	`role` text NOT NULL,
	`request_id` text,
	`asked` text NOT NULL,
	`state` text NOT NULL,
	`note` text,
	`asked_at` text NOT NULL,
	`decided_at` text,
	FOREIGN KEY (`mandate_id`) REFERENCES `mandates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mandate_asks_mandate_state` ON `mandate_asks` (`mandate_id`,`state`,`decided_at`);--> statement-breakpoint
CREATE INDEX `mandate_asks_request` ON `mandate_asks` (`request_id`);--> statement-breakpoint
CREATE TABLE `mandates` (
	`id` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`connection_id` text NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`requester_label` text,
	`status` text NOT NULL,
	`revoked_by` text,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
ALTER TABLE `disclosures` ADD `mandate_id` text;--> statement-breakpoint
ALTER TABLE `disclosures` ADD `mandate_delegate` text;