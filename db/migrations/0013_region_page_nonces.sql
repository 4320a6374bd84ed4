ALTER TABLE `pages` ADD `change_nonce` text;--> statement-breakpoint
ALTER TABLE `regions` ADD `change_nonce` text;