ALTER TABLE `windows` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `windows` ADD `change_nonce` text;