CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`notice_version` text NOT NULL,
	`accepted_at` integer NOT NULL,
	`ip` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consents_account_version` ON `consents` (`account_id`,`notice_version`);--> statement-breakpoint
ALTER TABLE `regions` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `regions` ADD `sponsor` text;--> statement-breakpoint
ALTER TABLE `regions` ADD `icp` text;--> statement-breakpoint
ALTER TABLE `schools` ADD `contact_phone` text;