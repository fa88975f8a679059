import { type Command, Option } from 'commander';
import { withDatabase } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { ROLES, type Role } from '../../services/permissions.ts';

/** `gcmt user add --email x --role admin` (password from $GCMT_PASSWORD or the first line of stdin). */
export function registerUsers(program: Command): void {
  const user = program.command('user').description('accounts');
  user
    .command('add')
    .description('create an account')
    .requiredOption('--email <email>', 'e-mail address (the login)')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
    .option('--name <name>', 'display name')
    .option('--actor <ids>', 'comma-separated actor ids a focal point acts for')
    .action(async (opts: { email: string; role: Role; name?: string; actor?: string }) => {
      const password = process.env.GCMT_PASSWORD ?? (await firstLineOfStdin());
      if (!password)
        throw new AppError('bad_request', 'no password given', {
          hint: 'set GCMT_PASSWORD or pipe it on stdin',
        });
      await withDatabase(async (db) => {
        const { createUser } = await import('../../services/users.ts'); // argon2 only when needed
        const actorIds = opts.actor ? opts.actor.split(',').map(Number) : undefined;
        const created = await createUser(
          db,
          {
            email: opts.email,
            password,
            role: opts.role,
            ...(opts.name ? { displayName: opts.name } : {}),
            ...(actorIds ? { actorIds } : {}),
          },
          { userId: null, label: 'cli' },
        );
        console.log(`user ${created.id} ${created.email} (${created.role}) created`);
      });
    });
}

async function firstLineOfStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  return data.split(/\r?\n/)[0]?.trim() || undefined;
}
