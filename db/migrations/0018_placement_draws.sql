CREATE TABLE `placement_draws` (
	`id` text PRIMARY KEY NOT NULL,
	`season_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`grade` integer NOT NULL,
	`mechanism` text NOT NULL,
	`seed` text NOT NULL,
	`inputs` text NOT NULL,
	`inputs_sha256` text NOT NULL,
	`results` text NOT NULL,
	`results_sha256` text NOT NULL,
	`applicants` integer NOT NULL,
	`unplaced` integer NOT NULL,
	`drawn_at` integer NOT NULL,
	`drawn_by` text,
	FOREIGN KEY (`season_id`) REFERENCES `seasons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `placement_draws_entry_grade` ON `placement_draws` (`season_id`,`entry_id`,`grade`);--> statement-breakpoint
CREATE TABLE `placements` (
	`draw_id` text NOT NULL,
	`application_id` text NOT NULL,
	`school_id` text,
	`lottery` text NOT NULL,
	PRIMARY KEY(`draw_id`, `application_id`),
	FOREIGN KEY (`draw_id`) REFERENCES `placement_draws`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placements_application` ON `placements` (`application_id`);