ALTER TABLE `windows` ADD `correction_days` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `windows` ADD `review_ends_at` integer;--> statement-breakpoint
ALTER TABLE `windows` ADD `school_review_ends_at` integer;