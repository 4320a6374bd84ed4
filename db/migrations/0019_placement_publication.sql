ALTER TABLE `placement_draws` ADD `school_outcomes` text;--> statement-breakpoint
ALTER TABLE `placement_draws` ADD `published_at` integer;--> statement-breakpoint
ALTER TABLE `placements` ADD `choices` text;