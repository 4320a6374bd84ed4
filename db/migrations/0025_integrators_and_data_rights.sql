CREATE TABLE `agent_mandates` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`account_id` text NOT NULL,
	`method` text NOT NULL,
	`reason` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agent_mandates_staff` ON `agent_mandates` (`staff_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `agent_mandates_account` ON `agent_mandates` (`account_id`);--> statement-breakpoint
CREATE TABLE `integration_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`scopes` text NOT NULL,
	`school_id` text,
	`secret_hash` text NOT NULL,
	`previous_secret_hash` text,
	`previous_valid_until` integer,
	`expires_at` integer,
	`revoked_at` integer,
	`per_minute` integer DEFAULT 600 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`change_nonce` text,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `integration_keys_name_unique` ON `integration_keys` (`name`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `reduced_at` integer;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `actor_role` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `actor_school_id` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `key_id` text;--> statement-breakpoint
ALTER TABLE `seasons` ADD `retain_until` integer;--> statement-breakpoint
ALTER TABLE `seasons` ADD `purged_at` integer;--> statement-breakpoint
ALTER TABLE `staff` ADD `office` text;