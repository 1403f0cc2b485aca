CREATE TABLE "activity_days" (
	"day" date NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "activity_days_day_user_id_pk" PRIMARY KEY("day","user_id")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule" text NOT NULL,
	"value" double precision NOT NULL,
	"threshold" double precision NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone,
	"notified" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_errors" (
	"fingerprint" text PRIMARY KEY NOT NULL,
	"message" text NOT NULL,
	"stack" text,
	"route" text,
	"release" text,
	"count" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_minutes" (
	"minute" timestamp with time zone NOT NULL,
	"instance" text NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"latency" jsonb NOT NULL,
	"cpu_percent" double precision,
	"memory_percent" double precision,
	"disk_percent" double precision,
	"active_users" integer DEFAULT 0 NOT NULL,
	"sign_in_failures" integer DEFAULT 0 NOT NULL,
	"rate_limit_hits" integer DEFAULT 0 NOT NULL,
	"vitals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "metric_minutes_minute_instance_pk" PRIMARY KEY("minute","instance")
);
--> statement-breakpoint
ALTER TABLE "activity_days" ADD CONSTRAINT "activity_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_rule_started_idx" ON "alerts" USING btree ("rule","started_at");--> statement-breakpoint
CREATE INDEX "client_errors_last_seen_idx" ON "client_errors" USING btree ("last_seen_at");