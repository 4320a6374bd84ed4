CREATE TABLE `school_places` (
	`season_school_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`grade` integer NOT NULL,
	`places` integer NOT NULL,
	`classes` integer,
	`class_size` integer,
	PRIMARY KEY(`season_school_id`, `entry_id`, `grade`),
	FOREIGN KEY (`season_school_id`) REFERENCES `season_schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `season_catchments` (
	`season_school_id` text NOT NULL,
	`community_id` text NOT NULL,
	PRIMARY KEY(`season_school_id`, `community_id`),
	FOREIGN KEY (`season_school_id`) REFERENCES `season_schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `season_catchments_community` ON `season_catchments` (`community_id`);--> statement-breakpoint
CREATE TABLE `season_schools` (
	`id` text PRIMARY KEY NOT NULL,
	`season_id` text NOT NULL,
	`school_id` text NOT NULL,
	`address` text NOT NULL,
	`contact_phone` text,
	`sort` integer NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`change_nonce` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`season_id`) REFERENCES `seasons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `season_schools_season_school` ON `season_schools` (`season_id`,`school_id`);--> statement-breakpoint
ALTER TABLE `channels` ADD `enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `channels` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `channels` ADD `change_nonce` text;--> statement-breakpoint
INSERT INTO `season_schools` (`id`, `season_id`, `school_id`, `address`, `contact_phone`, `sort`)
SELECT lower(hex(randomblob(16))), `seasons`.`id`, `schools`.`id`, `schools`.`address`, `schools`.`contact_phone`, `schools`.`sort`
FROM `schools` JOIN `seasons` ON `seasons`.`region_id` = `schools`.`region_id`;--> statement-breakpoint
INSERT INTO `school_places` (`season_school_id`, `entry_id`, `grade`, `places`)
SELECT `season_schools`.`id`, `entries`.`id`, CASE `schools`.`level` WHEN 'primary' THEN 1 ELSE 7 END, `schools`.`capacity`
FROM `season_schools`
JOIN `schools` ON `schools`.`id` = `season_schools`.`school_id`
JOIN `entries` ON `entries`.`season_id` = `season_schools`.`season_id`
  AND `entries`.`code` = CASE `schools`.`level` WHEN 'primary' THEN 'grade1' ELSE 'grade7' END;--> statement-breakpoint
INSERT INTO `season_catchments` (`season_school_id`, `community_id`)
SELECT `season_schools`.`id`, `catchments`.`community_id`
FROM `season_schools` JOIN `catchments` ON `catchments`.`school_id` = `season_schools`.`school_id`;--> statement-breakpoint
ALTER TABLE `schools` DROP COLUMN `capacity`;--> statement-breakpoint
ALTER TABLE `schools` DROP COLUMN `address`;--> statement-breakpoint
ALTER TABLE `schools` DROP COLUMN `contact_phone`;--> statement-breakpoint
ALTER TABLE `schools` DROP COLUMN `sort`;