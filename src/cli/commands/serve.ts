import type { Command } from 'commander';
import { openDatabase, readConfig } from '../../config.ts';
import { loadFramework } from '../../framework/load.ts';

/** `gcmt serve [--port 8080]`: the web app and API, with graceful shutdown on SIGINT/SIGTERM. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the web portal and HTTP API')
    .option('--port <port>', 'port to listen on (default $PORT or 8080)')
    .option('--host <host>', 'address to bind (default $HOST or 0.0.0.0)')
    .action(async (opts: { port?: string; host?: string }) => {
      const config = readConfig();
      const db = await openDatabase(config);
      const { buildServer } = await import('../../http/server.ts'); // fastify only when serving
      if (process.env.GCMT_SAMPLE !== 'off') {
        const { loadSampleIfEmpty } = await import('../../services/sample.ts');
        const loaded = await loadSampleIfEmpty(db);
        if (loaded)
          console.error(
            `loaded ${loaded} sample documents into the empty database (GCMT_SAMPLE=off to skip)`,
          );
      }
      const { startJobQueue } = await import('../../services/jobs.ts');
      const jobs = await startJobQueue(db);
      const app = await buildServer({ db, framework: loadFramework('gcm'), jobs });
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        app.log.info({ signal }, 'shutting down: finishing open requests');
        await app.close();
        await jobs.stop();
        await db.close();
        process.exit(0);
      };
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.on(signal, () => void shutdown(signal));
      }
      await app.listen({ port: Number(opts.port ?? config.port), host: opts.host ?? config.host });
    });
}
