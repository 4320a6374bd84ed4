CREATE TABLE `property_locks` (
	`id` text PRIMARY KEY NOT NULL,
	`certificate_key` text NOT NULL,
	`application_id` text NOT NULL,
	`school_id` text NOT NULL,
	`locked_at` integer NOT NULL,
	`locked_until` integer NOT NULL,
	`released_at` integer,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `property_locks_certificate` ON `property_locks` (`certificate_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `property_locks_application` ON `property_locks` (`application_id`);--> statement-breakpoint
DROP INDEX `placement_draws_entry_grade`;--> statement-breakpoint
ALTER TABLE `placement_draws` ADD `round` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `placement_draws_entry_grade_round` ON `placement_draws` (`season_id`,`entry_id`,`grade`,`round`);--> statement-breakpoint
ALTER TABLE `documents` ADD `objection_id` text REFERENCES objections(id);--> statement-breakpoint
CREATE INDEX `documents_objection` ON `documents` (`objection_id`);--> statement-breakpoint
ALTER TABLE `placement_rules` ADD `property_lock_years` integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE `placements` ADD `second_round_requested_at` integer;