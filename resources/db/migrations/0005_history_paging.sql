CREATE INDEX `disclosure_notices_disclosure` ON `disclosure_notices` (`disclosure_id`);--> statement-breakpoint
CREATE INDEX `disclosures_disclosed_at` ON `disclosures` (`disclosed_at`,`id`);