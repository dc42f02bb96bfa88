import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { useWorkflowApi } from './api-test-app';
import { multipartBody, multipartType, type Part } from './documents/multipart';
import { sampleFiles } from './documents/sample-files';
import { CHIYODA, TONO, completePlan } from './workflow-client';

const DATA_DIR = mkdtempSync(join(tmpdir(), 'l10k-documents-e2e-'));
const DOCUMENTS = join(DATA_DIR, 'documents');
const DEFAULT_LIMIT = 20 * 1024 * 1024;

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under DATA_DIR/documents, committed or half-written. */
function storedFiles(): string[] {
  try {
    return readdirSync(DOCUMENTS, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(DOCUMENTS, join(entry.parentPath ?? entry.path, entry.name)))
      .sort();
  } catch {
    return [];
  }
}

const binary = (response: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('attachments with receipts, over HTTP', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00', { DATA_DIR });
  afterAll(() => rmSync(DATA_DIR, { recursive: true, force: true }));

  const tokenOf = (code = TONO) => api.client.token(`officer-${code}`, 'municipality', code);
  const draft = async (): Promise<string> =>
    (await api.client.municipality(TONO).post('/v1/applications', { plan: completePlan() }).expect(201)).body
      .id;
  const eventCount = async (): Promise<number> =>
    (await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM events'))[0].n;

  async function upload(id: string, file: Buffer, filename: string, kind: string, code = TONO) {
    return request(api.app.getHttpServer())
      .post(`/v1/applications/${id}/documents`)
      .set('authorization', `Bearer ${await tokenOf(code)}`)
      .field('kind', kind)
      .attach('file', file, { filename, contentType: 'application/octet-stream' });
  }

  async function sendRaw(id: string, contentType: string | undefined, body: Buffer) {
    let call = request(api.app.getHttpServer())
      .post(`/v1/applications/${id}/documents`)
      .set('authorization', `Bearer ${await tokenOf()}`);
    if (contentType !== undefined) call = call.set('content-type', contentType);
    return call.send(body);
  }

  it('gives a receipt for each of two documents whose SHA-256 is sha256sum’s, and returns the same bytes', async () => {
    const id = await draft();
    const files = {
      plan: {
        name: '事業計画書.pdf',
        kind: 'business_plan',
        bytes: Buffer.concat([sampleFiles().pdf, randomBytes(400_000)]),
      },
      letter: { name: '融資確約書.png', kind: 'loan_letter', bytes: sampleFiles().png },
    };
    const receipts = [];
    for (const file of Object.values(files)) {
      const path = join(DATA_DIR, file.name);
      writeFileSync(path, file.bytes);
      const answer = await upload(id, file.bytes, file.name, file.kind);
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({
        documentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kind: file.kind,
        name: file.name,
        size: file.bytes.length,
        sha256: sha256Of(file.bytes),
        contentType: file.name.endsWith('.pdf') ? 'application/pdf' : 'image/png',
        receivedAt: '2025-06-02T01:00:00.000Z',
      });
      expect(answer.headers.location).toBe(`/v1/applications/${id}/documents/${answer.body.documentId}`);
      receipts.push(answer.body);
    }
    // The same figure as the coreutils tool a municipality would check its receipt with.
    const [sum] = execFileSync('sha256sum', [join(DATA_DIR, files.plan.name)], { encoding: 'utf8' }).split(
      ' ',
    );
    expect(receipts[0].sha256).toBe(sum);

    for (const [receipt, file] of [
      [receipts[0], files.plan],
      [receipts[1], files.letter],
    ] as const) {
      const download = await request(api.app.getHttpServer())
        .get(`/v1/applications/${id}/documents/${receipt.documentId}`)
        .set('authorization', `Bearer ${await tokenOf()}`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(Buffer.compare(download.body as Buffer, file.bytes)).toBe(0);
      const base64 = Buffer.from(receipt.sha256, 'hex').toString('base64');
      expect(download.headers).toMatchObject({
        'repr-digest': `sha-256=:${base64}:`,
        digest: `sha-256=${base64}`,
        'content-type': receipt.contentType,
        'content-length': String(file.bytes.length),
      });
      expect(download.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent(file.name)}`,
      );
      expect(storedFiles()).toContain(
        `${receipt.sha256.slice(0, 2)}/${receipt.sha256.slice(2, 4)}/${receipt.sha256}`,
      );
    }

    const officer = api.client.officer();
    const first = (await officer.get(`/v1/applications/${id}/documents?limit=1`).expect(200)).body;
    expect(first.items.map((item: { name: string }) => item.name)).toEqual([files.plan.name]);
    expect(first.total).toBe(2);
    const second = (
      await officer.get(`/v1/applications/${id}/documents?limit=1&cursor=${first.nextCursor}`).expect(200)
    ).body;
    expect(second).toEqual({
      items: [{ ...receipts[1], receivedBy: `officer-${TONO}` }],
      nextCursor: null,
      total: 2,
      maxBytes: DEFAULT_LIMIT,
    });

    await api.project();
    const view = (await api.client.municipality(TONO).get(`/v1/applications/${id}`).expect(200)).body;
    expect(view.documents.map((document: { sha256: string }) => document.sha256)).toEqual(
      receipts.map((receipt) => receipt.sha256),
    );
    const history = (await officer.get(`/v1/applications/${id}/history`).expect(200)).body;
    const attached = history.items.filter((item: { type: string }) => item.type === 'DocumentAttached');
    expect(
      attached.map((item: { data: { name: string; sha256: string } }) => [item.data.name, item.data.sha256]),
    ).toEqual(receipts.map((receipt) => [receipt.name, receipt.sha256]));
  });

  it('answers another municipality as if the application did not exist, and stores nothing for it', async () => {
    const id = await draft();
    const missing = '00000000-0000-4000-8000-000000000000';
    const before = { files: storedFiles(), events: await eventCount() };
    const foreign = await upload(id, sampleFiles().pdf, 'x.pdf', 'evidence', CHIYODA);
    const nobody = await upload(missing, sampleFiles().pdf, 'x.pdf', 'evidence', CHIYODA);
    expect(foreign.status).toBe(404);
    const withoutInstance = ({ instance: _instance, ...problem }: Record<string, unknown>) => problem;
    expect(withoutInstance(foreign.body)).toEqual(withoutInstance(nobody.body));
    const chiyoda = api.client.municipality(CHIYODA);
    const listed = await chiyoda.get(`/v1/applications/${id}/documents`).response();
    expect(listed.status).toBe(404);
    expect(withoutInstance(listed.body)).toEqual(
      withoutInstance((await chiyoda.get(`/v1/applications/${missing}/documents`).response()).body),
    );
    expect({ files: storedFiles(), events: await eventCount() }).toEqual(before);
  });

  it('refuses a 25 MB upload with 413 naming the file and the limit, and stores nothing', async () => {
    const id = await draft();
    const before = { files: storedFiles(), events: await eventCount() };
    const large = Buffer.concat([sampleFiles().pdf, Buffer.alloc(25_000_000 - sampleFiles().pdf.length)]);
    const answer = await upload(id, large, '大きすぎる.pdf', 'evidence');
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body.errors).toEqual([
      {
        field: 'file',
        rule: 'max_size',
        message: `file must be at most ${DEFAULT_LIMIT} bytes (DOCUMENT_MAX_BYTES)`,
        figures: { maxBytes: DEFAULT_LIMIT },
      },
    ]);
    expect({ files: storedFiles(), events: await eventCount() }).toEqual(before);
    expect(
      (await api.client.municipality(TONO).get(`/v1/applications/${id}/documents`).expect(200)).body.items,
    ).toEqual([]);
  });

  it('leaves neither a file nor an event when the client hangs up mid-upload', async () => {
    const id = await draft();
    const before = { files: storedFiles(), events: await eventCount() };
    const boundary = 'interrupted-boundary';
    const whole = multipartBody(boundary, [
      { name: 'kind', body: 'evidence' },
      {
        name: 'file',
        filename: '途中.pdf',
        body: Buffer.concat([sampleFiles().pdf, randomBytes(4_000_000)]),
      },
    ]);
    const server = api.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const client = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/v1/applications/${id}/documents`,
      headers: {
        authorization: `Bearer ${await tokenOf()}`,
        'content-type': multipartType(boundary),
        'content-length': String(whole.length),
      },
    });
    client.on('error', () => undefined);
    client.write(whole.subarray(0, 1_000_000));
    // Wait until the server is writing the file, then go away with three quarters unsent.
    const deadline = Date.now() + 10_000;
    while (!storedFiles().some((file) => file.startsWith('.incoming-')) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(storedFiles().some((file) => file.startsWith('.incoming-'))).toBe(true);
    client.destroy();
    while (storedFiles().some((file) => file.startsWith('.incoming-')) && Date.now() < deadline + 10_000)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect({ files: storedFiles(), events: await eventCount() }).toEqual(before);
  });

  const B = 'test-boundary-7MA4YWxkTrZu0gW';
  const pdf = () => sampleFiles().pdf;
  const kindPart: Part = { name: 'kind', body: 'evidence' };
  const filePart = (body: Buffer = pdf(), filename: string | undefined = '証拠.pdf'): Part => ({
    name: 'file',
    filename,
    contentType: 'application/pdf',
    body,
  });
  const malformed: readonly [string, string | undefined, () => Buffer, string, string][] = [
    [
      'a JSON body',
      'application/json',
      () => Buffer.from('{"kind":"evidence"}'),
      'content-type',
      'multipart_form_data',
    ],
    [
      'no content type',
      undefined,
      () => multipartBody(B, [kindPart, filePart()]),
      'content-type',
      'multipart_form_data',
    ],
    [
      'multipart without a boundary',
      'multipart/form-data',
      () => multipartBody(B, [kindPart, filePart()]),
      'content-type',
      'multipart_form_data',
    ],
    [
      'a boundary the body does not use',
      multipartType('another-boundary'),
      () => multipartBody(B, [kindPart, filePart()]),
      'body',
      'multipart_form_data',
    ],
    [
      'a body cut off inside the file',
      multipartType(B),
      () =>
        multipartBody(B, [kindPart, filePart(Buffer.concat([pdf(), randomBytes(50_000)]))], {
          closed: false,
        }).subarray(0, 30_000),
      'body',
      'multipart_form_data',
    ],
    ['an empty body', multipartType(B), () => Buffer.alloc(0), 'body', 'multipart_form_data'],
    ['only the closing boundary', multipartType(B), () => Buffer.from(`--${B}--\r\n`), 'file', 'required'],
    [
      'a part header without a colon',
      multipartType(B),
      () =>
        multipartBody(B, [{ name: 'kind', body: 'evidence', headers: ['this is no header'] }, filePart()]),
      'body',
      'multipart_form_data',
    ],
    [
      'two files',
      multipartType(B),
      () => multipartBody(B, [kindPart, filePart(), { ...filePart(), name: 'file' }]),
      'file',
      'one_file',
    ],
    ['no kind', multipartType(B), () => multipartBody(B, [filePart()]), 'kind', 'required'],
    [
      'an unknown kind',
      multipartType(B),
      () => multipartBody(B, [{ name: 'kind', body: 'selfie' }, filePart()]),
      'kind',
      'is_in',
    ],
    [
      'a kind far too long',
      multipartType(B),
      () => multipartBody(B, [{ name: 'kind', body: 'evidence'.repeat(100) }, filePart()]),
      'kind',
      'max_length',
    ],
    [
      'kind twice',
      multipartType(B),
      () => multipartBody(B, [kindPart, kindPart, filePart()]),
      'kind',
      'once',
    ],
    [
      'a field that is not part of an upload',
      multipartType(B),
      () => multipartBody(B, [{ name: 'comment', body: 'x' }, filePart()]),
      'comment',
      'unknown_field',
    ],
    [
      'the file under another name',
      multipartType(B),
      () => multipartBody(B, [kindPart, { ...filePart(), name: 'document' }]),
      'document',
      'unknown_field',
    ],
    [
      'a file without a file name',
      multipartType(B),
      () =>
        multipartBody(B, [
          kindPart,
          {
            name: 'file',
            body: pdf(),
            headers: [
              'Content-Disposition: form-data; name="file"; filename=""',
              'Content-Type: application/pdf',
            ],
          },
        ]),
      'file',
      'file_name',
    ],
    [
      'a file name that is only folders',
      multipartType(B),
      () => multipartBody(B, [kindPart, filePart(pdf(), '../../')]),
      'file',
      'file_name',
    ],
    [
      'an empty file',
      multipartType(B),
      () => multipartBody(B, [kindPart, filePart(Buffer.alloc(0))]),
      'file',
      'not_empty',
    ],
    [
      'an executable named .pdf',
      multipartType(B),
      () => multipartBody(B, [kindPart, filePart(sampleFiles().elf, 'invoice.pdf')]),
      'file',
      'allowed_content_type',
    ],
    [
      'plain text named .txt',
      multipartType(B),
      () => multipartBody(B, [kindPart, filePart(Buffer.from('hello'), 'memo.txt')]),
      'file',
      'allowed_content_type',
    ],
  ];

  it.each(malformed)(
    'refuses %s with a 400 naming the part, and stores nothing',
    async (_case, type, body, field, rule) => {
      const id = await draft();
      const before = { files: storedFiles(), events: await eventCount() };
      const answer = await sendRaw(id, type, body());
      expect({
        status: answer.status,
        errors: answer.body.errors?.map((error: { field: string; rule: string }) => [
          error.field,
          error.rule,
        ]),
      }).toEqual({
        status: 400,
        errors: [[field, rule]],
      });
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect({ files: storedFiles(), events: await eventCount() }).toEqual(before);
    },
  );

  it('refuses a document for a withdrawn application before reading it', async () => {
    const id = await draft();
    await api.client
      .municipality(TONO)
      .post(`/v1/applications/${id}/withdraw`, { reason: '事業者の事情' })
      .expect(200);
    const before = { files: storedFiles(), events: await eventCount() };
    const answer = await upload(id, Buffer.concat([pdf(), randomBytes(10_000)]), 'late.pdf', 'evidence');
    expect(answer.status).toBe(409);
    expect({ files: storedFiles(), events: await eventCount() }).toEqual(before);
  });

  it('answers a repeated upload with the same Idempotency-Key with the first receipt, attaching once', async () => {
    const id = await draft();
    const key = '5f1c2a9e-8d3b-4c7a-9e21-0b6d4f3a2c18';
    const send = async () =>
      request(api.app.getHttpServer())
        .post(`/v1/applications/${id}/documents`)
        .set('authorization', `Bearer ${await tokenOf()}`)
        .set('idempotency-key', key)
        .field('kind', 'evidence')
        .attach('file', sampleFiles().xlsx, { filename: '収支.xlsx' });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(first.body.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const listed = (await api.client.municipality(TONO).get(`/v1/applications/${id}/documents`).expect(200))
      .body;
    expect(listed.items).toHaveLength(1);
  });
});
