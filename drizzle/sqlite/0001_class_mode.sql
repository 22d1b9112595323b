CREATE TABLE `attendance` (
	`class_id` text NOT NULL,
	`lesson_number` integer NOT NULL,
	`participant_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`class_id`, `lesson_number`, `participant_id`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `auth_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`instructor_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`instructor_id`) REFERENCES `instructors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `auth_sessions_instructor` ON `auth_sessions` (`instructor_id`);--> statement-breakpoint
CREATE TABLE `check_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`live_lesson_id` text NOT NULL,
	`pain` integer NOT NULL,
	`effort` text NOT NULL,
	FOREIGN KEY (`live_lesson_id`) REFERENCES `live_lessons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `check_ins_lesson` ON `check_ins` (`live_lesson_id`);--> statement-breakpoint
CREATE TABLE `classes` (
	`id` text PRIMARY KEY NOT NULL,
	`instructor_id` text NOT NULL,
	`course_id` text NOT NULL,
	`title` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`instructor_id`) REFERENCES `instructors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `classes_instructor` ON `classes` (`instructor_id`);--> statement-breakpoint
CREATE TABLE `instructors` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instructors_email_unique` ON `instructors` (`email`);--> statement-breakpoint
CREATE TABLE `live_lessons` (
	`id` text PRIMARY KEY NOT NULL,
	`class_id` text NOT NULL,
	`lesson_number` integer NOT NULL,
	`code` text NOT NULL,
	`routine_id` text NOT NULL,
	`level` integer NOT NULL,
	`status` text NOT NULL,
	`position_ms` integer NOT NULL,
	`anchor_server_ms` integer NOT NULL,
	`seq` integer NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_lessons_code_unique` ON `live_lessons` (`code`);--> statement-breakpoint
CREATE INDEX `live_lessons_class` ON `live_lessons` (`class_id`,`lesson_number`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`live_lesson_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`checked_in` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`live_lesson_id`) REFERENCES `live_lessons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participants_token_hash_unique` ON `participants` (`token_hash`);--> statement-breakpoint
CREATE INDEX `participants_lesson` ON `participants` (`live_lesson_id`);