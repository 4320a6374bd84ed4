ALTER TABLE `pages` ADD `html` text;--> statement-breakpoint
ALTER TABLE `pages` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `regions` ADD `address` text;--> statement-breakpoint
ALTER TABLE `regions` ADD `sort` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `regions` ADD `version` integer DEFAULT 0 NOT NULL;