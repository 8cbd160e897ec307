/**
 * The audit trail's table and the triggers that keep it, created with tixi's other tables.
 *
 * Append-only is the database's rule, not the code's: a trigger refuses every UPDATE and DELETE
 * of a row and a statement trigger refuses TRUNCATE, on PGlite and PostgreSQL alike, so no code
 * path of tixi (or a hurried operator's SQL) rewrites history. Dropping the triggers takes the
 * table owner's privileges, which a review can see granted.
 *
 * A command's turn is recorded by the database in the turn's own transaction: when a turn writes
 * its outcome to `tixi_inbox` (both engines do, in the transaction that commits the turn), a
 * trigger appends the matching row. A turn and its audit row therefore commit together or not at
 * all, on either engine, and a group commit's audit rows are written by the same statement as
 * its turns, at no extra round trip. The person and post are the command's resolved actor (the
 * first `{ personId, role }` value, `actor` before any other key), or an approval's `decidedBy`.
 */
export const auditStatements: ReadonlyArray<string> = [
  `CREATE TABLE IF NOT EXISTS tixi_audit (
    sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    outcome TEXT NOT NULL,
    person_id TEXT,
    post TEXT,
    process TEXT,
    instance_id TEXT,
    command_type TEXT,
    field TEXT,
    level TEXT,
    refusal TEXT,
    reason TEXT
  )`,
  `CREATE INDEX IF NOT EXISTS tixi_audit_at ON tixi_audit (at)`,
  `CREATE INDEX IF NOT EXISTS tixi_audit_person ON tixi_audit (person_id, sequence)`,
  `CREATE INDEX IF NOT EXISTS tixi_audit_instance ON tixi_audit (process, instance_id, sequence)`,
  `CREATE OR REPLACE FUNCTION tixi_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'tixi_audit is append-only: % refused', TG_OP USING ERRCODE = '55000';
  END $$`,
  `DROP TRIGGER IF EXISTS tixi_audit_no_rewrite ON tixi_audit`,
  `CREATE TRIGGER tixi_audit_no_rewrite BEFORE UPDATE OR DELETE ON tixi_audit
    FOR EACH ROW EXECUTE FUNCTION tixi_audit_append_only()`,
  `DROP TRIGGER IF EXISTS tixi_audit_no_truncate ON tixi_audit`,
  `CREATE TRIGGER tixi_audit_no_truncate BEFORE TRUNCATE ON tixi_audit
    FOR EACH STATEMENT EXECUTE FUNCTION tixi_audit_append_only()`,
  // Never raises on a command's content: a failing trigger would fail the turn it records.
  `CREATE OR REPLACE FUNCTION tixi_audit_turn() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    actor JSONB;
    approval BOOLEAN := NEW.command ? 'approvalKey';
    refused BOOLEAN := NEW.outcome LIKE 'refused: %';
    described TEXT := CASE WHEN NEW.outcome LIKE 'refused: %' THEN substr(NEW.outcome, 10) END;
  BEGIN
    IF jsonb_typeof(NEW.command) = 'object' THEN
      SELECT value INTO actor FROM jsonb_each(NEW.command)
        WHERE jsonb_typeof(value) = 'object' AND value ? 'personId' AND value ? 'role'
        ORDER BY key = 'actor' DESC, key LIMIT 1;
    END IF;
    INSERT INTO tixi_audit (at, kind, outcome, person_id, post, process, instance_id, command_type, refusal, reason)
    VALUES (
      NEW.received_at,
      CASE WHEN approval THEN 'approval' ELSE 'command' END,
      CASE WHEN refused THEN 'refused' ELSE 'accepted' END,
      COALESCE(actor->>'personId', NEW.command->>'decidedBy'),
      COALESCE(actor->>'post', actor->>'role'),
      NEW.process,
      NEW.instance_id,
      NEW.command->>'type',
      CASE WHEN refused THEN split_part(described, ': ', 1) END,
      CASE WHEN refused AND position(': ' IN described) > 0
        THEN substr(described, position(': ' IN described) + 2) ELSE described END
    );
    RETURN NULL;
  END $$`,
  `DROP TRIGGER IF EXISTS tixi_audit_turn_inserted ON tixi_inbox`,
  `CREATE TRIGGER tixi_audit_turn_inserted AFTER INSERT ON tixi_inbox
    FOR EACH ROW WHEN (NEW.outcome IS NOT NULL) EXECUTE FUNCTION tixi_audit_turn()`,
  `DROP TRIGGER IF EXISTS tixi_audit_turn_decided ON tixi_inbox`,
  `CREATE TRIGGER tixi_audit_turn_decided AFTER UPDATE OF outcome ON tixi_inbox
    FOR EACH ROW WHEN (OLD.outcome IS NULL AND NEW.outcome IS NOT NULL) EXECUTE FUNCTION tixi_audit_turn()`,
]
