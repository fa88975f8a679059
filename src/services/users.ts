import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import { type Database, type Queryable, queryOne } from '../db/connection.ts';
import { type AuditActor, audit, auditActor } from '../db/repositories/audit.ts';
import { AppError } from '../errors.ts';
import type { Role } from './permissions.ts';

export interface User {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  /** Actors this user acts for (focal points). */
  actorIds: number[];
}

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: Date;
}

const SESSION_DAYS = 14;
// Verifying against a fixed hash when the e-mail is unknown keeps the response time the same,
// so login timing does not reveal which addresses have accounts.
const DUMMY_HASH = argon2.hash('not-a-real-password', { type: argon2.argon2id });

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

function validatePassword(password: string): void {
  if (password.length < 12)
    throw new AppError('bad_request', 'the password must have at least 12 characters');
}

async function loadUser(
  db: Queryable,
  where: string,
  param: unknown,
): Promise<(User & { password_hash: string; disabled: boolean }) | undefined> {
  const [row] = await db.query<User & { password_hash: string; disabled: boolean }>(
    `SELECT u.id, u.email, u.display_name, u.role, u.password_hash, u.disabled,
            COALESCE(array_agg(ua.actor_id) FILTER (WHERE ua.actor_id IS NOT NULL), '{}') AS "actorIds"
     FROM app_user u LEFT JOIN user_actor ua ON ua.user_id = u.id
     WHERE ${where} GROUP BY u.id`,
    [param],
  );
  return row;
}

const publicUser = (u: User): User => ({
  id: u.id,
  email: u.email,
  display_name: u.display_name,
  role: u.role,
  actorIds: u.actorIds,
});

/** Creates an account with an argon2id password hash. Audited. */
export async function createUser(
  db: Database,
  input: { email: string; password: string; role: Role; displayName?: string; actorIds?: number[] },
  by: AuditActor,
): Promise<User> {
  validatePassword(input.password);
  const email = input.email.trim().toLowerCase();
  const hash = await argon2.hash(input.password, { type: argon2.argon2id });
  return db.transaction(async (tx) => {
    const exists = await tx.query(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
    if (exists.length) throw new AppError('conflict', `a user with e-mail ${email} exists already`);
    const row = await queryOne<{ id: number }>(
      tx,
      `INSERT INTO app_user (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`,
      [email, input.displayName ?? '', hash, input.role],
      'user insert',
    );
    for (const actorId of input.actorIds ?? []) {
      await tx.query(`INSERT INTO user_actor (user_id, actor_id) VALUES ($1, $2)`, [row.id, actorId]);
    }
    const user: User = {
      id: row.id,
      email,
      display_name: input.displayName ?? '',
      role: input.role,
      actorIds: input.actorIds ?? [],
    };
    await audit(tx, by, { action: 'user.create', entity: 'user', entityId: row.id, after: user });
    return user;
  });
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const rows = await db.query<User>(
    `SELECT u.id, u.email, u.display_name, u.role,
            COALESCE(array_agg(ua.actor_id) FILTER (WHERE ua.actor_id IS NOT NULL), '{}') AS "actorIds"
     FROM app_user u LEFT JOIN user_actor ua ON ua.user_id = u.id GROUP BY u.id ORDER BY u.id`,
  );
  return rows.map(publicUser);
}

/** Checks credentials and opens a session stored in the database. Returns the cookie token. */
export async function login(
  db: Database,
  email: string,
  password: string,
): Promise<{ token: string; session: Session }> {
  const user = await loadUser(db, 'u.email = $1', email.trim().toLowerCase());
  const ok = await argon2.verify(user?.password_hash ?? (await DUMMY_HASH), password);
  if (!user || !ok || user.disabled) throw new AppError('unauthorized', 'wrong e-mail or password');
  const secret = token();
  const csrf = token();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86400_000);
  await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO session (id, user_id, csrf_secret, expires_at) VALUES ($1, $2, $3, $4)`, [
      sha256(secret),
      user.id,
      csrf,
      expiresAt,
    ]);
    await tx.query(`DELETE FROM session WHERE expires_at < now()`);
    await audit(tx, auditActor(user), { action: 'session.login', entity: 'user', entityId: user.id });
  });
  return { token: secret, session: { user: publicUser(user), csrfToken: csrf, expiresAt } };
}

/** The session behind a cookie token, if valid and not expired. */
export async function sessionFor(db: Queryable, secret: string): Promise<Session | undefined> {
  const [row] = await db.query<{ user_id: number; csrf_secret: string; expires_at: Date }>(
    `SELECT user_id, csrf_secret, expires_at FROM session WHERE id = $1 AND expires_at > now()`,
    [sha256(secret)],
  );
  if (!row) return undefined;
  const user = await loadUser(db, 'u.id = $1', row.user_id);
  if (!user || user.disabled) return undefined;
  return { user: publicUser(user), csrfToken: row.csrf_secret, expiresAt: new Date(row.expires_at) };
}

export async function logout(db: Database, secret: string): Promise<void> {
  await db.query(`DELETE FROM session WHERE id = $1`, [sha256(secret)]);
}

/** Constant-time comparison of a submitted CSRF token with the session's. */
export function csrfMatches(session: Session, submitted: string | undefined): boolean {
  if (!submitted) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
