import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/helpers/db.ts';
import type { Database } from '../db/connection.ts';
import { loadFramework } from '../framework/load.ts';
import { buildServer } from './server.ts';

let db: Database;
let app: FastifyInstance;
beforeAll(async () => {
  db = await createTestDb();
  app = await buildServer({ db, framework: loadFramework('gcm'), logger: false });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('HTTP skeleton', () => {
  it('reports health with the database engine', async () => {
    const res = await app.inject('/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: db.engine });
  });

  it('serves the framework and one objective', async () => {
    const all = await app.inject('/api/v1/framework');
    expect(all.json().objectives).toHaveLength(23);
    const ten = await app.inject('/api/v1/framework/objectives/10');
    expect(ten.statusCode).toBe(200);
    const body = ten.json();
    expect(body.title.en).toBe(
      'Prevent, combat and eradicate trafficking in persons in the context of international migration',
    );
    expect(body.title.fr).toMatch(/traite de personnes/);
    expect(body.actions.map((a: { ref: string }) => a.ref)).toContain('10(h)');
  });

  it('answers a missing objective and a bad parameter with the one error shape', async () => {
    const missing = await app.inject('/api/v1/framework/objectives/24');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const bad = await app.inject('/api/v1/framework/objectives/ten');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_request');
    const noRoute = await app.inject('/api/v1/nothing');
    expect(noRoute.json()).toEqual({
      error: { code: 'not_found', message: 'no route for GET /api/v1/nothing' },
    });
  });

  it('renders the home page in the chosen language and remembers it', async () => {
    const en = await app.inject('/');
    expect(en.headers['content-type']).toMatch(/text\/html/);
    expect(en.body).toContain('<html lang="en">');
    expect((en.body.match(/<li id="objective-/g) ?? []).length).toBe(23);
    const nl = await app.inject('/?lang=nl');
    expect(nl.body).toContain('<html lang="nl">');
    expect(nl.body).toContain('Voorkomen, bestrijden en uitroeien van mensenhandel');
    expect(nl.headers['set-cookie']).toMatch(/lang=nl/);
    const byCookie = await app.inject({ url: '/', headers: { cookie: 'lang=de' } });
    expect(byCookie.body).toContain('Die 23 Ziele');
    const byHeader = await app.inject({ url: '/', headers: { 'accept-language': 'fr-BE,fr;q=0.9' } });
    expect(byHeader.body).toContain('Les 23 objectifs');
  });

  it('ignores an unknown language instead of echoing it', async () => {
    const res = await app.inject('/?lang=%3Cscript%3E');
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).not.toContain('<script>');
  });
});
