import type { Queryable } from '../connection.ts';

/** Who did something: a signed-in user, or a named non-interactive actor such as the CLI. */
export interface AuditActor {
  userId: number | null;
  label: string;
}

/** Records one write. Call inside the same transaction as the write itself. */
export async function audit(
  db: Queryable,
  who: AuditActor,
  event: {
    action: string;
    entity: string;
    entityId: string | number | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO audit_event (user_id, actor_label, action, entity, entity_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      who.userId,
      who.label,
      event.action,
      event.entity,
      event.entityId === null ? null : String(event.entityId),
      event.before === undefined ? null : JSON.stringify(event.before),
      event.after === undefined ? null : JSON.stringify(event.after),
    ],
  );
}

/** A signed-in user as the "who" of an audit event. */
export function auditActor(user: { id: number; email: string }): AuditActor {
  return { userId: user.id, label: user.email };
}
