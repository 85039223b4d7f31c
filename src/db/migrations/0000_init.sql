CREATE TYPE "public"."agency_type" AS ENUM('maternity_care', 'child_health_care', 'preschool', 'school', 'upper_secondary', 'pupil_health', 'social_services', 'primary_care', 'child_psychiatry', 'dental_care', 'police', 'leisure', 'civil_society');--> statement-breakpoint
CREATE TYPE "public"."enrollment_kind" AS ENUM('maternity_care', 'child_health_listing', 'preschool', 'preschool_class', 'school_class', 'upper_secondary');--> statement-breakpoint
CREATE TYPE "public"."named_person_reason" AS ENUM('birth', 'registration', 'age_transition', 'enrollment_change', 'manual', 'declined', 'no_longer_needed');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('municipality', 'region', 'police_authority', 'private_provider');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('midwife', 'child_health_nurse', 'health_visitor', 'preschool_principal', 'preschool_teacher', 'school_principal', 'teacher', 'school_nurse', 'counsellor', 'psychologist', 'social_worker', 'intake_social_worker', 'clinician', 'police_officer', 'dental_staff', 'primary_care_staff', 'leisure_staff', 'manager', 'administrator', 'log_reviewer');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"actor_id" uuid,
	"actor_unit_id" uuid,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"municipality_id" uuid,
	"child_id" uuid,
	"child_ids" uuid[],
	"resource_type" text,
	"resource_id" text,
	"purpose" text,
	"details" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"personnummer" text NOT NULL,
	"is_coordination_number" boolean DEFAULT false NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"address" text,
	"postal_code" text,
	"city" text,
	"protected_identity" boolean DEFAULT false NOT NULL,
	"is_test_data" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collaboration_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" "enrollment_kind" NOT NULL,
	"group_name" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guardians" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"personnummer" text,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"phone" text,
	"email" text,
	"address" text,
	"is_test_data" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guardianships" (
	"municipality_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"custody" boolean DEFAULT true NOT NULL,
	"relationship" text DEFAULT 'parent' NOT NULL,
	CONSTRAINT "guardianships_child_id_guardian_id_pk" PRIMARY KEY("child_id","guardian_id")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"ip" text,
	"success" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "named_person_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"status" text NOT NULL,
	"staff_id" uuid,
	"unit_id" uuid,
	"stage_key" text,
	"stage_unit_id" uuid,
	"reason" "named_person_reason" NOT NULL,
	"note" text,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_to" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"model_profile_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"title" text,
	"email" text,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"is_test_data" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "staff_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" "staff_role" NOT NULL,
	"can_see_protected" boolean DEFAULT false NOT NULL,
	"valid_from" date DEFAULT CURRENT_DATE NOT NULL,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"agency_type" "agency_type" NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardians" ADD CONSTRAINT "guardians_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianships" ADD CONSTRAINT "guardianships_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianships" ADD CONSTRAINT "guardianships_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianships" ADD CONSTRAINT "guardianships_guardian_id_guardians_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."guardians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_person_assignments" ADD CONSTRAINT "named_person_assignments_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_person_assignments" ADD CONSTRAINT "named_person_assignments_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_person_assignments" ADD CONSTRAINT "named_person_assignments_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_person_assignments" ADD CONSTRAINT "named_person_assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_person_assignments" ADD CONSTRAINT "named_person_assignments_stage_unit_id_units_id_fk" FOREIGN KEY ("stage_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "named_person_assignments" ADD CONSTRAINT "named_person_assignments_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_area_id_collaboration_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."collaboration_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_roles" ADD CONSTRAINT "staff_roles_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_roles" ADD CONSTRAINT "staff_roles_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_child" ON "audit_events" USING btree ("child_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_actor" ON "audit_events" USING btree ("actor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_occurred" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "children_personnummer" ON "children" USING btree ("personnummer");--> statement-breakpoint
CREATE INDEX "children_municipality" ON "children" USING btree ("municipality_id","id");--> statement-breakpoint
CREATE INDEX "children_name" ON "children" USING btree ("municipality_id","family_name","given_name");--> statement-breakpoint
CREATE INDEX "enrollments_child" ON "enrollments" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "enrollments_unit_child" ON "enrollments" USING btree ("unit_id","child_id");--> statement-breakpoint
CREATE INDEX "enrollments_municipality" ON "enrollments" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "guardians_municipality" ON "guardians" USING btree ("municipality_id","id");--> statement-breakpoint
CREATE INDEX "guardianships_municipality" ON "guardianships" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "login_attempts_username_at" ON "login_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE UNIQUE INDEX "model_profiles_key_version" ON "model_profiles" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "named_person_child" ON "named_person_assignments" USING btree ("child_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "named_person_current_child" ON "named_person_assignments" USING btree ("child_id") WHERE valid_to IS NULL;--> statement-breakpoint
CREATE INDEX "named_person_current_staff" ON "named_person_assignments" USING btree ("staff_id") WHERE valid_to IS NULL;--> statement-breakpoint
CREATE INDEX "named_person_municipality" ON "named_person_assignments" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "organisations_area" ON "organisations" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "sessions_staff" ON "sessions" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "staff_roles_staff" ON "staff_roles" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "staff_roles_unit_role" ON "staff_roles" USING btree ("unit_id","role");--> statement-breakpoint
CREATE INDEX "units_municipality" ON "units" USING btree ("municipality_id","agency_type");