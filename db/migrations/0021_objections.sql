CREATE TABLE `objections` (
	`id` text PRIMARY KEY NOT NULL,
	`draw_id` text NOT NULL,
	`application_id` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`filed_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by` text,
	`decision` text,
	`corrected_school_id` text,
	FOREIGN KEY (`draw_id`) REFERENCES `placement_draws`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrected_school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `objections_draw_application` ON `objections` (`draw_id`,`application_id`);--> statement-breakpoint
CREATE INDEX `objections_status` ON `objections` (`status`);--> statement-breakpoint
ALTER TABLE `placement_draws` ADD `published_by` text;