CREATE TABLE `openid4vp_answered_nonces` (
	`nonce_hash` text NOT NULL,
	`client_id` text NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`client_id`, `nonce_hash`)
);
--> statement-breakpoint
CREATE INDEX `openid4vp_answered_nonces_seen` ON `openid4vp_answered_nonces` (`seen_at`);