/**
 * Crash-testing hook: when GCMT_FAILPOINT names this point, the process kills itself on the spot
 * (SIGKILL: no cleanup, no rollback by us), so tests can prove that the database alone keeps an
 * interrupted write all-or-nothing. Unset in normal use; costs one comparison.
 */
export function failpoint(name: string): void {
  if (process.env.GCMT_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
