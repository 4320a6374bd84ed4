ALTER TABLE `placement_draws` ADD `confirm_by` integer;--> statement-breakpoint
ALTER TABLE `placements` ADD `confirmation` text;--> statement-breakpoint
ALTER TABLE `placements` ADD `confirmed_at` integer;