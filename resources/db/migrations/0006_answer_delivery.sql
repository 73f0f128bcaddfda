ALTER TABLE `disclosures` ADD `delivery` text DEFAULT 'sent' NOT NULL;--> statement-breakpoint
ALTER TABLE `disclosures` ADD `delivery_note` text;