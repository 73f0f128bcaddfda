DROP INDEX `consent_evaluations_policy_at`;--> statement-breakpoint
CREATE INDEX `consent_evaluations_policy_taken_at` ON `consent_evaluations` (`policy_id`,`taken`,`evaluated_at`);--> statement-breakpoint
CREATE INDEX `disclosure_notices_disclosure` ON `disclosure_notices` (`disclosure_id`);--> statement-breakpoint
CREATE INDEX `disclosures_disclosed_at` ON `disclosures` (`disclosed_at`,`id`);