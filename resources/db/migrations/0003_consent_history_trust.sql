CREATE TABLE `consent_evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`evaluated_at` text NOT NULL,
	`outcome` text NOT NULL,
	`policy_id` text,
	`policy_version` integer,
	`taken` integer NOT NULL,
	`trace` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `consent_evaluations_policy_at` ON `consent_evaluations` (`policy_id`,`evaluated_at`);--> statement-breakpoint
CREATE INDEX `consent_evaluations_request` ON `consent_evaluations` (`request_id`);--> statement-breakpoint
CREATE TABLE `consent_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`current_version` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `consent_policy_versions` (
	`policy_id` text NOT NULL,
	`version` integer NOT NULL,
	`spec` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`policy_id`, `version`),
	FOREIGN KEY (`policy_id`) REFERENCES `consent_policies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `disclosure_notices` (
	`id` text PRIMARY KEY NOT NULL,
	`disclosure_id` text NOT NULL,
	`kind` text NOT NULL,
	`message_id` text NOT NULL,
	`note` text,
	`received_at` text NOT NULL,
	FOREIGN KEY (`disclosure_id`) REFERENCES `disclosures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `disclosures` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`thread_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`recipient` text NOT NULL,
	`credentials` text NOT NULL,
	`purpose` text,
	`purpose_ids` text NOT NULL,
	`retention` text,
	`legal_basis` text,
	`decided_by` text NOT NULL,
	`policy_id` text,
	`policy_version` integer,
	`disclosed_at` text NOT NULL,
	`revoked_at` text,
	`deletion_requested_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disclosures_request_id_unique` ON `disclosures` (`request_id`);--> statement-breakpoint
CREATE TABLE `trust_list_entries` (
	`list_id` text NOT NULL,
	`did` text NOT NULL,
	`name` text NOT NULL,
	`roles` text NOT NULL,
	`purposes` text NOT NULL,
	FOREIGN KEY (`list_id`) REFERENCES `trust_lists`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `trust_lists` (
	`id` text PRIMARY KEY NOT NULL,
	`publisher` text NOT NULL,
	`name` text NOT NULL,
	`issued` text NOT NULL,
	`document` text NOT NULL,
	`imported_at` text NOT NULL
);
