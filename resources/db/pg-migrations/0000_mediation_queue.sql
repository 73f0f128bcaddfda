CREATE SCHEMA "custos_mediation";
--> statement-breakpoint
CREATE TABLE "custos_mediation"."mediation_queue" (
	"sequence" bigserial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"connection_id" text NOT NULL,
	"payload" text NOT NULL,
	"bytes" integer NOT NULL,
	"received_at" bigint NOT NULL,
	"leased_until" bigint,
	"leased_by" text,
	CONSTRAINT "mediation_queue_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "custos_mediation"."mediation_queue_recipients" (
	"sequence" bigint NOT NULL,
	"recipient_did" text NOT NULL,
	CONSTRAINT "mediation_queue_recipients_recipient_did_sequence_pk" PRIMARY KEY("recipient_did","sequence")
);
--> statement-breakpoint
ALTER TABLE "custos_mediation"."mediation_queue_recipients" ADD CONSTRAINT "mediation_queue_recipients_sequence_mediation_queue_sequence_fk" FOREIGN KEY ("sequence") REFERENCES "custos_mediation"."mediation_queue"("sequence") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mediation_queue_connection_sequence" ON "custos_mediation"."mediation_queue" USING btree ("connection_id","sequence","leased_until","bytes");--> statement-breakpoint
CREATE INDEX "mediation_queue_received_at" ON "custos_mediation"."mediation_queue" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "mediation_queue_leased_by" ON "custos_mediation"."mediation_queue" USING btree ("leased_by");--> statement-breakpoint
CREATE INDEX "mediation_queue_recipients_sequence" ON "custos_mediation"."mediation_queue_recipients" USING btree ("sequence");