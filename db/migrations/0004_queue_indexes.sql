DROP INDEX `applications_status`;--> statement-breakpoint
CREATE INDEX `applications_submitted` ON `applications` (`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_channel` ON `applications` (`channel_id`,`status`);--> statement-breakpoint
CREATE INDEX `applications_status` ON `applications` (`status`,`submitted_at`);