ALTER TABLE `seasons` ADD `status` text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE `seasons` ADD `published_at` integer;--> statement-breakpoint
ALTER TABLE `seasons` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `seasons` ADD `change_nonce` text;