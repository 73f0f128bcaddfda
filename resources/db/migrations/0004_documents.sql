CREATE TABLE `documents` (
	`digest_sri` text PRIMARY KEY NOT NULL,
	`media_type` text NOT NULL,
	`name` text,
	`size` integer NOT NULL,
	`bytes` blob NOT NULL,
	`stored_at` text NOT NULL
);
