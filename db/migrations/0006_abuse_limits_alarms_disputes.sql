CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	`raised_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_key_unique` ON `alerts` (`key`);--> statement-breakpoint
CREATE INDEX `alerts_raised` ON `alerts` (`raised_at`);--> statement-breakpoint
CREATE TABLE `binding_appeals` (
	`id` text PRIMARY KEY NOT NULL,
	`child_id` text NOT NULL,
	`child_blind` text NOT NULL,
	`claimant_account_id` text NOT NULL,
	`holder_account_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`evidence` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`settled_at` integer,
	`settled_by` text,
	`settlement` text,
	FOREIGN KEY (`claimant_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `binding_appeals_status` ON `binding_appeals` (`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `binding_appeals_one_open` ON `binding_appeals` (`child_blind`,`claimant_account_id`) WHERE status = 'open';--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`bucket` text NOT NULL,
	`subject` text NOT NULL,
	`window_start` integer NOT NULL,
	`used` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`bucket`, `subject`, `window_start`)
);
--> statement-breakpoint
CREATE INDEX `rate_limits_window` ON `rate_limits` (`window_start`);--> statement-breakpoint
CREATE TABLE `staff_sign_in_failures` (
	`username` text NOT NULL,
	`address` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`locks` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`last_failure_at` integer NOT NULL,
	PRIMARY KEY(`username`, `address`)
);
--> statement-breakpoint
CREATE TABLE `upload_intents` (
	`storage_key` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `upload_intents_created` ON `upload_intents` (`created_at`);