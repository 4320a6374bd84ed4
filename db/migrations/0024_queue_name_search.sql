-- Custom migration (drizzle-kit generate --custom): the review queue's name search index (decision 024).
-- Every distinct 2-character slice of a child's lower-cased name, the last character alone: a query of one or two
-- characters is then an index lookup, a longer one the children holding all its slices, checked by LIKE.
-- Triggers keep it in step with every insert, rename and delete of a child, inside the same statement.
-- The positions 0 … length-1 of a name come from `json_each` over as many zeros (triggers cannot hold a WITH clause).
CREATE TABLE `child_name_grams` (
	`gram` text NOT NULL,
	`child_id` text NOT NULL,
	PRIMARY KEY(`gram`, `child_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `child_name_grams_child` ON `child_name_grams` (`child_id`);
--> statement-breakpoint
INSERT INTO `child_name_grams` (`gram`, `child_id`)
SELECT DISTINCT substr(lower(c.`name`), p.`key` + 1, 2), c.`id`
FROM `children` c, json_each('[' || rtrim(replace(hex(zeroblob(length(c.`name`))), '00', '0,'), ',') || ']') p;
--> statement-breakpoint
CREATE TRIGGER `children_name_grams_insert` AFTER INSERT ON `children`
BEGIN
  INSERT INTO `child_name_grams` (`gram`, `child_id`)
  SELECT DISTINCT substr(lower(new.`name`), p.`key` + 1, 2), new.`id`
  FROM json_each('[' || rtrim(replace(hex(zeroblob(length(new.`name`))), '00', '0,'), ',') || ']') p;
END;
--> statement-breakpoint
CREATE TRIGGER `children_name_grams_update` AFTER UPDATE OF `id`, `name` ON `children`
BEGIN
  DELETE FROM `child_name_grams` WHERE `child_id` = old.`id`;
  INSERT INTO `child_name_grams` (`gram`, `child_id`)
  SELECT DISTINCT substr(lower(new.`name`), p.`key` + 1, 2), new.`id`
  FROM json_each('[' || rtrim(replace(hex(zeroblob(length(new.`name`))), '00', '0,'), ',') || ']') p;
END;
--> statement-breakpoint
CREATE TRIGGER `children_name_grams_delete` AFTER DELETE ON `children`
BEGIN
  DELETE FROM `child_name_grams` WHERE `child_id` = old.`id`;
END;
