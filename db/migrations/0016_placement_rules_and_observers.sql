CREATE TABLE `lottery_observers` (
	`id` text PRIMARY KEY NOT NULL,
	`season_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`commitment` text NOT NULL,
	`committed_at` integer NOT NULL,
	`contribution` text,
	`revealed_at` integer,
	`recorded_by` text,
	FOREIGN KEY (`season_id`) REFERENCES `seasons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lottery_observers_season_name` ON `lottery_observers` (`season_id`,`name`);--> statement-breakpoint
CREATE TABLE `placement_rules` (
	`season_id` text PRIMARY KEY NOT NULL,
	`tiers` text NOT NULL,
	`mechanism` text DEFAULT 'da' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`change_nonce` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`season_id`) REFERENCES `seasons`(`id`) ON UPDATE no action ON DELETE no action
);
