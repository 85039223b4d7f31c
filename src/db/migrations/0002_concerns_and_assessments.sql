CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"owning_unit_id" uuid NOT NULL,
	"category" "information_category" DEFAULT 'wellbeing' NOT NULL,
	"assessed_on" date NOT NULL,
	"profile_key" text NOT NULL,
	"profile_version" integer NOT NULL,
	"tool" text NOT NULL,
	"child_took_part" boolean NOT NULL,
	"participants" jsonb NOT NULL,
	"ratings" jsonb NOT NULL,
	"child_view" text,
	"summary" text,
	"triangle" jsonb NOT NULL,
	"matrix" jsonb,
	"instruments" jsonb NOT NULL,
	"concern_id" uuid,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"concern_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"report_of_concern_id" uuid,
	"from_staff_id" uuid,
	"to_staff_id" uuid,
	"actor_id" uuid,
	"actor_unit_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"owning_unit_id" uuid NOT NULL,
	"raised_by" uuid NOT NULL,
	"source" text NOT NULL,
	"source_note" text,
	"urgency" text NOT NULL,
	"what_is_getting_in_the_way" text NOT NULL,
	"have_all_information" text DEFAULT '' NOT NULL,
	"what_can_i_do_now" text DEFAULT '' NOT NULL,
	"what_can_my_agency_do" text DEFAULT '' NOT NULL,
	"what_help_from_others" text DEFAULT '' NOT NULL,
	"needs_others" boolean NOT NULL,
	"indicators" text[] DEFAULT '{}'::text[] NOT NULL,
	"recipient_staff_id" uuid,
	"recipient_unit_id" uuid,
	"recipient_kind" text,
	"sharing_basis" text,
	"sharing_reference" text,
	"status" text DEFAULT 'new' NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"is_test_data" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_owning_unit_id_units_id_fk" FOREIGN KEY ("owning_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_author_id_staff_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_report_of_concern_id_reports_of_concern_id_fk" FOREIGN KEY ("report_of_concern_id") REFERENCES "public"."reports_of_concern"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_from_staff_id_staff_id_fk" FOREIGN KEY ("from_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_to_staff_id_staff_id_fk" FOREIGN KEY ("to_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_actor_id_staff_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_actor_unit_id_units_id_fk" FOREIGN KEY ("actor_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_owning_unit_id_units_id_fk" FOREIGN KEY ("owning_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_raised_by_staff_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_recipient_staff_id_staff_id_fk" FOREIGN KEY ("recipient_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_recipient_unit_id_units_id_fk" FOREIGN KEY ("recipient_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_child" ON "assessments" USING btree ("child_id","assessed_on");--> statement-breakpoint
CREATE INDEX "assessments_municipality" ON "assessments" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "assessments_concern" ON "assessments" USING btree ("concern_id");--> statement-breakpoint
CREATE INDEX "concern_actions_concern" ON "concern_actions" USING btree ("concern_id","at");--> statement-breakpoint
CREATE INDEX "concern_actions_municipality" ON "concern_actions" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "concerns_municipality" ON "concerns" USING btree ("municipality_id","raised_at");--> statement-breakpoint
CREATE INDEX "concerns_recipient" ON "concerns" USING btree ("recipient_staff_id","status","raised_at");--> statement-breakpoint
CREATE INDEX "concerns_raised_by" ON "concerns" USING btree ("raised_by","raised_at");--> statement-breakpoint
CREATE INDEX "concerns_child" ON "concerns" USING btree ("child_id","raised_at");--> statement-breakpoint
CREATE INDEX "concerns_owning_unit" ON "concerns" USING btree ("owning_unit_id","raised_at");