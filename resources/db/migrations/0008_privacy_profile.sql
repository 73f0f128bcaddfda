CREATE TABLE `privacy_profile_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`rules` text NOT NULL,
	`created_at` text NOT NULL
);
