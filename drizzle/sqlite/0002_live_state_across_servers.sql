CREATE TABLE `lesson_events` (
	`live_lesson_id` text NOT NULL,
	`seq` integer NOT NULL,
	`command_id` text NOT NULL,
	`state` text NOT NULL,
	`applied_at` integer NOT NULL,
	PRIMARY KEY(`live_lesson_id`, `seq`),
	FOREIGN KEY (`live_lesson_id`) REFERENCES `live_lessons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lesson_events_command` ON `lesson_events` (`live_lesson_id`,`command_id`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_ends_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limits_window` ON `rate_limits` (`window_ends_at`);