CREATE TABLE `data_agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`thread_id` text NOT NULL,
	`state` text NOT NULL,
	`offered` text NOT NULL,
	`current` text NOT NULL,
	`company_signature` text,
	`holder_signature` text,
	`ended_by` text,
	`reason` text,
	`used_after_end` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_agreements_thread_id_unique` ON `data_agreements` (`thread_id`);--> statement-breakpoint
CREATE TABLE `privacy_profile_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`rules` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `disclosure_notices` ADD `signed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `disclosures` ADD `agreement_id` text;