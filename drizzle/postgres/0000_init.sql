CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"class_id" text NOT NULL,
	"lesson_number" integer NOT NULL,
	"participant_id" text NOT NULL,
	"joined_at" bigint NOT NULL,
	CONSTRAINT "attendance_class_id_lesson_number_participant_id_pk" PRIMARY KEY("class_id","lesson_number","participant_id")
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"instructor_id" text NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" text PRIMARY KEY NOT NULL,
	"live_lesson_id" text NOT NULL,
	"pain" integer NOT NULL,
	"effort" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classes" (
	"id" text PRIMARY KEY NOT NULL,
	"instructor_id" text NOT NULL,
	"course_id" text NOT NULL,
	"title" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instructors" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "instructors_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "lesson_events" (
	"live_lesson_id" text NOT NULL,
	"seq" integer NOT NULL,
	"command_id" text NOT NULL,
	"state" text NOT NULL,
	"applied_at" bigint NOT NULL,
	CONSTRAINT "lesson_events_live_lesson_id_seq_pk" PRIMARY KEY("live_lesson_id","seq")
);
--> statement-breakpoint
CREATE TABLE "live_lessons" (
	"id" text PRIMARY KEY NOT NULL,
	"class_id" text NOT NULL,
	"lesson_number" integer NOT NULL,
	"code" text NOT NULL,
	"routine_id" text NOT NULL,
	"level" integer NOT NULL,
	"status" text NOT NULL,
	"position_ms" bigint NOT NULL,
	"anchor_server_ms" bigint NOT NULL,
	"seq" integer NOT NULL,
	"started_at" bigint NOT NULL,
	"ended_at" bigint,
	CONSTRAINT "live_lessons_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" text PRIMARY KEY NOT NULL,
	"live_lesson_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"checked_in" boolean DEFAULT false NOT NULL,
	CONSTRAINT "participants_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_ends_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_live_lesson_id_live_lessons_id_fk" FOREIGN KEY ("live_lesson_id") REFERENCES "public"."live_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_events" ADD CONSTRAINT "lesson_events_live_lesson_id_live_lessons_id_fk" FOREIGN KEY ("live_lesson_id") REFERENCES "public"."live_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_lessons" ADD CONSTRAINT "live_lessons_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_live_lesson_id_live_lessons_id_fk" FOREIGN KEY ("live_lesson_id") REFERENCES "public"."live_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_sessions_instructor" ON "auth_sessions" USING btree ("instructor_id");--> statement-breakpoint
CREATE INDEX "check_ins_lesson" ON "check_ins" USING btree ("live_lesson_id");--> statement-breakpoint
CREATE INDEX "classes_instructor" ON "classes" USING btree ("instructor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lesson_events_command" ON "lesson_events" USING btree ("live_lesson_id","command_id");--> statement-breakpoint
CREATE INDEX "live_lessons_class" ON "live_lessons" USING btree ("class_id","lesson_number");--> statement-breakpoint
CREATE INDEX "participants_lesson" ON "participants" USING btree ("live_lesson_id");--> statement-breakpoint
CREATE INDEX "rate_limits_window" ON "rate_limits" USING btree ("window_ends_at");