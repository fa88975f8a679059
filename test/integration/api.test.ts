import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { loadFramework } from '../../src/framework/load.ts';
import { buildServer } from '../../src/http/server.ts';
import { ingestDocument } from '../../src/services/ingest.ts';
import { ROLES, type Role } from '../../src/services/permissions.ts';
import { createUser, login } from '../../src/services/users.ts';
import { createTestDb, testEngine } from '../helpers/db.ts';
import { randomBytes } from '../helpers/files.ts';

const THB = readFileSync(join(import.meta.dirname, '../fixtures/corpus/be-thb-action-plan.excerpt.txt'));
const PASSWORD = 'correct horse battery staple';

let db: Database;
let app: FastifyInstance;
const tokens = {} as Record<Role, string>;
let documentId: number;
let actionIds: number[] = [];

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
function call(
  method: Method,
  url: string,
  opts: { role?: Role; body?: unknown; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: { ...(opts.role ? { authorization: `Bearer ${tokens[opts.role]}` } : {}), ...opts.headers },
    ...(opts.body !== undefined ? { payload: opts.body as Record<string, unknown> } : {}),
  });
}

function multipart(file: Uint8Array, filename: string, fields: Record<string, string> = {}) {
  const boundary = '----gcmt-test-boundary';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = `${parts.join('')}--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\ncontent-type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(file), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const count = async (table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? -1;

beforeAll(async () => {
  db = await createTestDb();
  app = await buildServer({ db, framework: loadFramework('gcm'), logger: false, maxUploadBytes: 64 * 1024 });
  const ingest = await ingestDocument(db, {
    bytes: THB,
    filename: 'thb.txt',
    type: 'action_plan',
    country: 'BE',
    by: { userId: null, label: 'test' },
  });
  documentId = ingest.documentId;
  actionIds = (
    await db.query<{ id: number }>(`SELECT id FROM action WHERE document_id = $1 ORDER BY id`, [documentId])
  ).map((r) => r.id);
  const [college] = await db.query<{ id: number }>(
    `SELECT id FROM actor WHERE name = 'College of Public Prosecutors'`,
  );
  for (const role of ROLES) {
    await createUser(
      db,
      {
        email: `${role}@example.org`,
        password: PASSWORD,
        role,
        displayName: role,
        ...(role === 'focal_point' && college ? { actorIds: [college.id] } : {}),
      },
      { userId: null, label: 'test' },
    );
    tokens[role] = (await login(db, `${role}@example.org`, PASSWORD)).token;
  }
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe(`public reads on ${testEngine}`, () => {
  it.each([
    '/api/v1/framework',
    '/api/v1/documents',
    '/api/v1/actions',
    '/api/v1/actions?overdue=true',
    '/api/v1/review-queue?minScore=0.5',
    '/api/v1/coverage?country=BE',
    '/api/v1/accountability',
    '/api/v1/search?q=magistrates',
    '/api/v1/contributions',
    '/api/v1/reviews/draft?country=BE',
    '/api/v1/reviews/synthesis?countries=BE,NL',
    '/api/v1/openapi.json',
  ])('GET %s needs no login', async (url) => {
    const res = await call('GET', url);
    expect(res.statusCode).toBe(200);
  });

  it('lists documents with cursor pagination', async () => {
    const first = (await call('GET', '/api/v1/documents?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeUndefined();
    const actions = (await call('GET', `/api/v1/actions?document=${documentId}&limit=4`)).json();
    expect(actions.items).toHaveLength(4);
    const next = (
      await call('GET', `/api/v1/actions?document=${documentId}&limit=4&cursor=${actions.nextCursor}`)
    ).json();
    expect(next.items[0].id).toBeGreaterThan(actions.items[3].id);
    const notANumber = Buffer.from('not-a-number').toString('base64url');
    expect((await call('GET', `/api/v1/actions?cursor=${notANumber}`)).statusCode).toBe(400);
  });

  it('shows a document with passages, their objective links and its actions', async () => {
    const doc = (await call('GET', `/api/v1/documents/${documentId}`)).json();
    expect(doc.actions.length).toBe(actionIds.length);
    const row = doc.passages.find((p: { text: string }) => p.text.startsWith('Adapt the sheet'));
    expect(row.action_ids).toHaveLength(1);
    expect(doc.passages.some((p: { links: unknown[] }) => p.links.length > 0)).toBe(true);
    expect((await call('GET', '/api/v1/documents/99999')).json()).toEqual({
      error: { code: 'not_found', message: 'document 99999 does not exist' },
    });
  });

  it('describes every route in the OpenAPI document and serves a docs page', async () => {
    const spec = (await call('GET', '/api/v1/openapi.json')).json();
    for (const path of [
      '/api/v1/actions/{id}',
      '/api/v1/documents',
      '/api/v1/search',
      '/api/v1/links/{id}/decision',
      '/api/v1/reviews/draft',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect((await call('GET', '/api/v1/docs/')).statusCode).toBe(200);
  });

  it('searches in the query language with facets and escaped, highlighted snippets', async () => {
    const res = (await call('GET', '/api/v1/search?q=magistrate&lang=en')).json();
    expect(res.config).toBe('english');
    expect(res.hits.length).toBeGreaterThan(0);
    expect(res.hits[0].snippet_html).toMatch(/<mark>magistrates?<\/mark>/i);
    expect(res.facets.language).toEqual({ en: res.hits.length > 0 ? expect.any(Number) : 0 });
    await db.query(
      `INSERT INTO passage (document_id, ordinal, kind, text, language) VALUES ($1, 9999, 'paragraph', $2, 'en')`,
      [documentId, 'The magistrates <script>alert(1)</script> met & agreed that 3 < 4.'],
    );
    const xss = (await call('GET', '/api/v1/search?q=magistrates%20met&lang=en')).json();
    const hit = xss.hits.find((h: { snippet_html: string }) => h.snippet_html.includes('alert'));
    expect(hit.snippet_html).not.toMatch(/<(?!\/?mark>)/); // no markup but our own <mark>
    expect(hit.snippet_html).toContain('&#38;');
  });
});

describe(`authorisation matrix on ${testEngine}`, () => {
  // Each write, the roles allowed to do it, and how to make a fresh target for one call.
  const writes: { name: string; allowed: Role[]; run: (role?: Role) => Promise<LightMyRequestResponse> }[] = [
    {
      name: 'upload a document',
      allowed: ['admin', 'coordinator'],
      run: (role) => {
        const m = multipart(
          new TextEncoder().encode(
            `Project\tLead\tTiming\nAction for ${role ?? 'anon'}\tFPS Justice\t2024\n`,
          ),
          'plan.txt',
          { type: 'action_plan', country: 'BE' },
        );
        return app.inject({
          method: 'POST',
          url: '/api/v1/documents',
          payload: m.payload,
          headers: { ...m.headers, ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) },
        });
      },
    },
    {
      name: 'create an action',
      allowed: ['admin', 'coordinator'],
      run: (role) => call('POST', '/api/v1/actions', { role, body: { title: 'New action', endYear: 2026 } }),
    },
    {
      name: 'update an action of the College of Public Prosecutors',
      allowed: ['admin', 'coordinator', 'focal_point'],
      run: async (role) => {
        const id = actionIds[2] as number;
        const version = (await call('GET', `/api/v1/actions/${id}`)).json().version;
        return call('PATCH', `/api/v1/actions/${id}`, { role, body: { version, status: 'in_progress' } });
      },
    },
    {
      name: 'add progress to an action of the College of Public Prosecutors',
      allowed: ['admin', 'coordinator', 'focal_point'],
      run: (role) =>
        call('POST', `/api/v1/actions/${actionIds[2]}/progress`, {
          role,
          body: { date: '2024-03-01', status: 'lopend', note: `by ${role}` },
        }),
    },
    {
      name: 'decide a suggested link',
      allowed: ['admin', 'coordinator'],
      run: async (role) => {
        const [link] = await db.query<{ id: number }>(
          `SELECT id FROM objective_link WHERE state = 'suggested' AND score < 0.99 ORDER BY id LIMIT 1`,
        );
        return call('POST', `/api/v1/links/${link?.id}/decision`, { role, body: { decision: 'reject' } });
      },
    },
    {
      name: 'bulk-confirm suggestions',
      allowed: ['admin', 'coordinator'],
      run: (role) => call('POST', '/api/v1/review-queue/confirm-above', { role, body: { minScore: 0.99 } }),
    },
    {
      name: 'submit a contribution',
      allowed: ['admin', 'coordinator', 'focal_point', 'contributor'],
      run: (role) =>
        call('POST', '/api/v1/contributions', {
          role,
          body: {
            text: 'Civil society runs shelters for victims of trafficking.',
            objectives: [10],
            country: 'BE',
          },
        }),
    },
    {
      name: 'moderate a contribution',
      allowed: ['admin', 'coordinator'],
      run: async (role) => {
        const [c] = await db.query<{ id: number }>(
          `INSERT INTO contribution (text, objectives, country) VALUES ('A pending contribution about objective 10', '{10}', 'BE') RETURNING id`,
        );
        return call('POST', `/api/v1/contributions/${c?.id}/moderation`, {
          role,
          body: { decision: 'approved' },
        });
      },
    },
    {
      name: 'create a user',
      allowed: ['admin'],
      run: (role) =>
        call('POST', '/api/v1/users', {
          role,
          body: { email: `new-${role ?? 'anon'}@example.org`, password: PASSWORD, role: 'reader' },
        }),
    },
    { name: 'list users', allowed: ['admin'], run: (role) => call('GET', '/api/v1/users', { role }) },
    { name: 'read the audit log', allowed: ['admin'], run: (role) => call('GET', '/api/v1/audit', { role }) },
    {
      name: 'delete a document',
      allowed: ['admin'],
      run: async (role) => {
        const r = await ingestDocument(db, {
          bytes: new TextEncoder().encode(`Disposable document for ${role}`),
          filename: 'x.txt',
          by: { userId: null, label: 'test' },
        });
        return call('DELETE', `/api/v1/documents/${r.documentId}`, { role });
      },
    },
  ];

  for (const w of writes) {
    it(`${w.name}: only ${w.allowed.join(', ')}`, async () => {
      expect((await w.run()).statusCode).toBe(401);
      for (const role of ROLES) {
        const res = await w.run(role);
        if (w.allowed.includes(role)) expect(res.statusCode, `${role}: ${res.body}`).toBeLessThan(300);
        else expect(res.statusCode, `${role} should be refused`).toBe(403);
      }
    });
  }

  it('refuses every write made with a session cookie but without the CSRF token', async () => {
    const loginRes = await call('POST', '/api/v1/auth/login', {
      body: { email: 'admin@example.org', password: PASSWORD },
    });
    const cookie = String(loginRes.headers['set-cookie']).split(';')[0] as string;
    const unsafe: [Method, string, unknown][] = [
      ['POST', '/api/v1/actions', { title: 'x' }],
      ['PATCH', `/api/v1/actions/${actionIds[0]}`, { version: 1, title: 'x' }],
      ['POST', `/api/v1/actions/${actionIds[0]}/progress`, { date: '2024-01-01', status: 'planned' }],
      ['POST', '/api/v1/links/1/decision', { decision: 'reject' }],
      ['POST', '/api/v1/review-queue/confirm-above', { minScore: 0.9 }],
      ['POST', '/api/v1/contributions', { text: 'A contribution long enough to pass.', objectives: [1] }],
      ['POST', '/api/v1/contributions/1/moderation', { decision: 'approved' }],
      ['POST', '/api/v1/users', { email: 'csrf@example.org', password: PASSWORD, role: 'reader' }],
      ['DELETE', `/api/v1/documents/${documentId}`, undefined],
      ['POST', '/workspace/confirm-above', { minScore: '0.9' }],
      ['POST', `/actions/${actionIds[0]}/edit`, { version: '1', title: 'x', status: 'planned' }],
    ];
    for (const [method, url, body] of unsafe) {
      const res = await call(method, url, { body, headers: { cookie } });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.message).toMatch(/CSRF/);
    }
    const upload = multipart(new TextEncoder().encode('text'), 'a.txt');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: upload.payload,
      headers: { ...upload.headers, cookie },
    });
    expect(res.statusCode).toBe(403);
  });

  it('renders stored document text inert', async () => {
    const r = await ingestDocument(db, {
      bytes: new TextEncoder().encode(
        'Plan\n\nVictims <script>alert(1)</script> and <img src=x onerror=alert(2)> are protected.\n',
      ),
      filename: 'hostile.html.txt',
      by: { userId: null, label: 'test' },
    });
    const page = await app.inject({ url: `/documents/${r.documentId}`, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/<script>alert|<img src=x/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('lets a focal point change only the actions of its own bodies', async () => {
    const other = actionIds[0] as number; // Human Trafficking and People Smuggling Office
    const version = (await call('GET', `/api/v1/actions/${other}`)).json().version;
    const res = await call('PATCH', `/api/v1/actions/${other}`, {
      role: 'focal_point',
      body: { version, status: 'completed' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/own bodies/);
  });

  it('audits every write with who, what and before/after', async () => {
    const events = (await call('GET', '/api/v1/audit?entity=action', { role: 'admin' })).json().items;
    const updates = events.filter((e: { action: string }) => e.action === 'action.update');
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) {
      expect(u.actor_label).toMatch(/@example.org$/);
      expect(u.after.version).toBe(u.before.version + 1);
    }
  });
});

describe(`concurrency, sessions and failures on ${testEngine}`, () => {
  it('refuses a stale update with 409 and keeps the first change', async () => {
    const id = actionIds[3] as number;
    const read = await call('GET', `/api/v1/actions/${id}`);
    const etag = read.headers.etag as string;
    const first = await call('PATCH', `/api/v1/actions/${id}`, {
      role: 'coordinator',
      body: { title: 'First editor' },
      headers: { 'if-match': etag },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).not.toBe(etag);
    const second = await call('PATCH', `/api/v1/actions/${id}`, {
      role: 'admin',
      body: { title: 'Second editor' },
      headers: { 'if-match': etag },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'conflict' });
    expect((await call('GET', `/api/v1/actions/${id}`)).json().title).toBe('First editor');
    expect(
      (await call('PATCH', `/api/v1/actions/${id}`, { role: 'admin', body: { title: 'x' } })).statusCode,
    ).toBe(400);
  });

  it('keeps progress as a history and maps imported status words', async () => {
    const id = actionIds[4] as number;
    await call('POST', `/api/v1/actions/${id}/progress`, {
      role: 'coordinator',
      body: { date: '2022-01-10', status: 'en cours', evidence: [{ url: 'https://example.org/report.pdf' }] },
    });
    await call('POST', `/api/v1/actions/${id}/progress`, {
      role: 'coordinator',
      body: { date: '2023-06-30', status: 'afgerond', note: 'Done.' },
    });
    const action = (await call('GET', `/api/v1/actions/${id}`)).json();
    expect(action.history.map((h: { status: string }) => h.status)).toEqual(['in_progress', 'completed']);
    expect(action.status).toBe('completed');
  });

  it('stores evidence files and serves them only as downloads', async () => {
    const m = multipart(new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'minutes.html');
    const upload = (role: Role) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/attachments',
        payload: m.payload,
        headers: { ...m.headers, authorization: `Bearer ${tokens[role]}` },
      });
    expect((await upload('reader')).statusCode).toBe(403);
    const res = await upload('focal_point');
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    const progress = await call('POST', `/api/v1/actions/${actionIds[2]}/progress`, {
      role: 'focal_point',
      body: { date: '2024-05-01', status: 'in_progress', evidence: [{ attachmentId: id, title: 'Minutes' }] },
    });
    expect(progress.statusCode).toBe(201);
    const bad = await call('POST', `/api/v1/actions/${actionIds[2]}/progress`, {
      role: 'focal_point',
      body: { date: '2024-05-02', status: 'in_progress', evidence: [{ attachmentId: 99999 }] },
    });
    expect(bad.statusCode).toBe(400);
    const file = await call('GET', `/api/v1/attachments/${id}`);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="minutes.html"/);
    expect(file.body).toContain('<script>');
  });

  it('needs the CSRF token with a cookie session', async () => {
    const loginRes = await call('POST', '/api/v1/auth/login', {
      body: { email: 'coordinator@example.org', password: PASSWORD },
    });
    expect(loginRes.statusCode).toBe(200);
    const setCookie = String(loginRes.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0] as string;
    const { csrfToken } = loginRes.json();
    const id = actionIds[5] as number;
    const version = (await call('GET', `/api/v1/actions/${id}`)).json().version;
    const without = await call('PATCH', `/api/v1/actions/${id}`, {
      body: { version, status: 'delayed' },
      headers: { cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.message).toMatch(/CSRF/);
    const withToken = await call('PATCH', `/api/v1/actions/${id}`, {
      body: { version, status: 'delayed' },
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(withToken.statusCode).toBe(200);
    expect((await call('GET', '/api/v1/auth/session', { headers: { cookie } })).json().user.role).toBe(
      'coordinator',
    );
  });

  it('slows down login brute force', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (
          await call('POST', '/api/v1/auth/token', {
            body: { email: 'admin@example.org', password: `wrong-${i}` },
            headers: { 'x-forwarded-for': '203.0.113.9' },
          })
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('refuses a corrupt upload whole and writes nothing', async () => {
    const before = await Promise.all(['document', 'passage', 'action', 'audit_event'].map(count));
    const m = multipart(randomBytes(4096), 'plan.pdf');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: m.payload,
      headers: { ...m.headers, authorization: `Bearer ${tokens.admin}` },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toMatch(/binary/);
    expect(await Promise.all(['document', 'passage', 'action', 'audit_event'].map(count))).toEqual(before);
  });

  it('refuses an upload beyond the limit', async () => {
    const m = multipart(new Uint8Array(100 * 1024).fill(65), 'big.txt');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: m.payload,
      headers: { ...m.headers, authorization: `Bearer ${tokens.admin}` },
    });
    expect(res.statusCode).toBe(413);
  });
});

describe(`reviews and exports on ${testEngine}`, () => {
  it('builds a draft review by objective with actions, progress, passages and contributions', async () => {
    await db.query(`UPDATE contribution SET state = 'approved'`);
    const review = (await call('GET', '/api/v1/reviews/draft?country=BE&since=2020-01-01')).json();
    expect(review.sections).toHaveLength(23);
    const ten = review.sections.find((s: { objective: number }) => s.objective === 10);
    expect(ten.actions.length).toBeGreaterThan(0);
    expect(ten.actions[0].responsible.length).toBeGreaterThan(0);
    expect(ten.contributions.length).toBeGreaterThan(0);
    expect(ten.changedSince.newActions).toBeGreaterThan(0);
    expect(review.sections.some((s: { gap: boolean }) => s.gap)).toBe(true);
  });

  it('exports DOCX and XLSX files that open again', async () => {
    const docx = await call('GET', '/api/v1/reviews/draft?country=BE&format=docx');
    expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain('Objective 10: Prevent, combat and eradicate trafficking in persons');
    const xlsx = await call('GET', '/api/v1/reviews/draft?country=BE&format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Actions');
    expect(sheet?.rowCount).toBeGreaterThan(2);
    expect(sheet?.getRow(1).values).toContain('responsible');
  });

  it('exports Markdown, HTML with escaped text, CSV and JSON', async () => {
    await db.query(
      `INSERT INTO contribution (text, objectives, country, state) VALUES ('<img src=x onerror=alert(1)> shelters', '{10}', 'BE', 'approved')`,
    );
    const html = (await call('GET', '/api/v1/reviews/draft?country=BE&format=html')).body;
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
    const md = (await call('GET', '/api/v1/reviews/draft?country=BE&format=md')).body;
    expect(md).toMatch(/^# Draft voluntary national review/);
    expect(md).toContain('\\<img');
    const csv = (await call('GET', '/api/v1/reviews/draft?country=BE&format=csv')).body;
    expect(csv.split('\n')[0]).toBe('objective,action,status,overdue,responsible,start,end');
  });

  it('exports a PDF with the review text', async () => {
    const pdf = await call('GET', '/api/v1/reviews/draft?country=BE&format=pdf');
    expect(pdf.statusCode).toBe(200);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(pdf.rawPayload), verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
    expect(text).toContain('Draft voluntary national review');
  }, 60_000);
});
