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
  // Never raises on a command's content: a failing trigger would fail the turn it records. One
  // statement-level call per batch (transition tables), not one per row: a group commit's turns
  // cost one set-based insert more, not a function call each.
  `CREATE OR REPLACE FUNCTION tixi_audit_append_turns(decided tixi_inbox[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO tixi_audit (at, kind, outcome, person_id, post, process, instance_id, command_type, refusal, reason)
    SELECT
      n.received_at,
      CASE WHEN n.command ? 'approvalKey' THEN 'approval' ELSE 'command' END,
      CASE WHEN n.refused THEN 'refused' ELSE 'accepted' END,
      COALESCE(actor.value->>'personId', n.command->>'decidedBy'),
      COALESCE(actor.value->>'post', actor.value->>'role'),
      n.process,
      n.instance_id,
      n.command->>'type',
      CASE WHEN n.refused THEN split_part(n.described, ': ', 1) END,
      CASE WHEN n.refused AND position(': ' IN n.described) > 0
        THEN substr(n.described, position(': ' IN n.described) + 2) ELSE n.described END
    FROM (
      SELECT d.*, d.outcome LIKE 'refused: %' AS refused,
        CASE WHEN d.outcome LIKE 'refused: %' THEN substr(d.outcome, 10) END AS described
      FROM unnest(decided) d
    ) n
    LEFT JOIN LATERAL (
      SELECT value FROM jsonb_each(CASE WHEN jsonb_typeof(n.command) = 'object' THEN n.command ELSE '{}'::jsonb END)
      WHERE jsonb_typeof(value) = 'object' AND value ? 'personId' AND value ? 'role'
      ORDER BY key = 'actor' DESC, key LIMIT 1
    ) actor ON TRUE
    ORDER BY n.received_at, n.process, n.instance_id, n.position
  $$`,
  `CREATE OR REPLACE FUNCTION tixi_audit_turns_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM tixi_audit_append_turns(ARRAY(SELECT n::tixi_inbox FROM new_rows n WHERE n.outcome IS NOT NULL));
    RETURN NULL;
  END $$`,
  `CREATE OR REPLACE FUNCTION tixi_audit_turns_decided() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM tixi_audit_append_turns(ARRAY(
      SELECT n::tixi_inbox FROM new_rows n JOIN old_rows o USING (process, instance_id, position)
      WHERE o.outcome IS NULL AND n.outcome IS NOT NULL
    ));
    RETURN NULL;
  END $$`,
  `DROP TRIGGER IF EXISTS tixi_audit_turns_inserted ON tixi_inbox`,
  `CREATE TRIGGER tixi_audit_turns_inserted AFTER INSERT ON tixi_inbox REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tixi_audit_turns_inserted()`,
  `DROP TRIGGER IF EXISTS tixi_audit_turns_decided ON tixi_inbox`,
  `CREATE TRIGGER tixi_audit_turns_decided AFTER UPDATE ON tixi_inbox REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tixi_audit_turns_decided()`,
]
