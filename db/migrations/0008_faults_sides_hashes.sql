ALTER TABLE `applications` ADD `rejection` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `side` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `sha256` text;--> statement-breakpoint
CREATE INDEX `documents_sha256` ON `documents` (`sha256`);