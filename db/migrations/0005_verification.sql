CREATE TABLE `verification_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`claim` text NOT NULL,
	`result` text NOT NULL,
	`summary` text NOT NULL,
	`values` text NOT NULL,
	`source` text NOT NULL,
	`checked_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `verification_checks_claim` ON `verification_checks` (`application_id`,`claim`);--> statement-breakpoint
CREATE TABLE `verification_jobs` (
	`application_id` text PRIMARY KEY NOT NULL,
	`due_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_by` text,
	`claim_expires_at` integer,
	`last_error` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `verification_jobs_due` ON `verification_jobs` (`due_at`);--> statement-breakpoint
ALTER TABLE `applications` ADD `verification` text;--> statement-breakpoint
CREATE INDEX `applications_verification` ON `applications` (`verification`,`status`);