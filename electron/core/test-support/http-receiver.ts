import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EndpointPayload, EndpointPayloadSchema } from '../publishing/http-endpoint/payload';
import { SIGNATURE_HEADER, verifySignature } from '../publishing/http-endpoint/signing';

/**
 * A small in-house CMS for tests of the generic HTTP endpoint adapter: a real HTTP server on
 * 127.0.0.1 that does what docs/http-endpoint.md asks of a receiver. It checks the bearer token or
 * the HMAC signature, validates the payload, keeps stories with versions, and keeps idempotency
 * keys: a repeated key with the same body replays the first answer, with another body gets 422,
 * and while the first is still being handled gets 409. It can be told to fail on the next request.
 */
export type ReceiverAuth = { kind: 'bearer'; token: string } | { kind: 'hmac'; secret: string };

export type Fault =
  /** Acts on the request, then drops the connection without answering (the answer is lost). */
  | 'drop-after-commit'
  /** 503 with Retry-After: 1, without acting. */
  | 'unavailable'
  /** Holds the request without acting until `release()`; the key is "in progress" meanwhile. */
  | 'stall';

export interface ReceivedItem {
  id: string;
  version: number;
  status: 'published' | 'scheduled' | 'draft';
  payload: Extract<EndpointPayload, { action: 'create' | 'update' }>;
  history: EndpointPayload['action'][];
}

export interface ReceivedRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  answered: number | 'dropped' | 'stalled';
}

interface KeyRecord {
  fingerprint: string;
  answer?: { status: number; body: unknown };
}

export class HttpReceiver {
  readonly items = new Map<string, ReceivedItem>();
  readonly requests: ReceivedRequest[] = [];
  private readonly keys = new Map<string, KeyRecord>();
  private readonly faults: Fault[] = [];
  private readonly stalled: Array<() => void> = [];
  private nextId = 1;
  private server: Server | undefined;
  /** `http://127.0.0.1:<port>/newsroom`: the endpoint URL of a profile. */
  url = '';

  constructor(
    private readonly auth: ReceiverAuth,
    /** The receiver's clock, for the signature's tolerance. */
    readonly now: () => Date = () => new Date(),
  ) {}

  async start(): Promise<this> {
    const server = createServer((request, response) => void this.handle(request, response));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/newsroom`;
    return this;
  }

  async close(): Promise<void> {
    this.release();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** The next requests (one fault each) fail this way. */
  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  /** Lets stalled requests go on (they then act and answer). */
  release(): void {
    for (const go of this.stalled.splice(0)) go();
  }

  /** Someone edits the story in the CMS itself: a new version Newsroom has not seen. */
  editInCms(id: string, headline: string): void {
    const item = this.items.get(id);
    if (!item) throw new Error(`no item ${id}`);
    item.payload = { ...item.payload, story: { ...item.payload.story, headline } };
    item.version += 1;
  }

  /** Sends that reached the receiver (create/update/unpublish), in order. */
  sends(): ReceivedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET');
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://receiver');
    const key = header(request, 'idempotency-key');
    const record: ReceivedRequest = { method: request.method ?? '', path: url.pathname, idempotencyKey: key, answered: 0 };
    this.requests.push(record);
    const reply = (status: number, body: unknown, extra: Record<string, string> = {}): void => {
      record.answered = status;
      response.writeHead(status, { 'Content-Type': 'application/json', ...extra }).end(JSON.stringify(body));
    };
    if (!this.authorised(request, raw)) return reply(401, { error: 'unauthorized', message: 'Bad token or signature.' });
    if (!url.pathname.startsWith('/newsroom')) return reply(404, { error: 'not_found' });
    const rest = url.pathname.slice('/newsroom'.length).split('/').filter(Boolean);
    if (request.method === 'GET') return this.get(rest, url, reply);

    const fault = this.faults.shift();
    if (fault === 'unavailable') return reply(503, { error: 'unavailable' }, { 'Retry-After': '1' });
    if (key === undefined) return reply(400, { error: 'missing_idempotency_key' });
    const fingerprint = createHash('sha256').update(raw).digest('hex');
    const known = this.keys.get(key);
    if (known && known.fingerprint !== fingerprint) return reply(422, { error: 'idempotency_key_reused' });
    if (known && known.answer === undefined) return reply(409, { error: 'idempotency_in_progress' });
    if (known?.answer) return reply(known.answer.status, known.answer.body, { 'Idempotent-Replayed': 'true' });
    this.keys.set(key, { fingerprint });
    if (fault === 'stall') {
      record.answered = 'stalled';
      await new Promise<void>((resolve) => this.stalled.push(resolve));
    }
    const answer = this.act(request.method ?? '', rest, raw);
    // Only a success is kept for replay: after an error the same request may be tried afresh.
    if (answer.status < 300) this.keys.set(key, { fingerprint, answer });
    else this.keys.delete(key);
    if (fault === 'drop-after-commit') {
      record.answered = 'dropped';
      request.socket.destroy();
      return;
    }
    reply(answer.status, answer.body);
  }

  private authorised(request: IncomingMessage, raw: string): boolean {
    if (this.auth.kind === 'bearer') return header(request, 'authorization') === `Bearer ${this.auth.token}`;
    return verifySignature(this.auth.secret, header(request, SIGNATURE_HEADER.toLowerCase()), raw, this.now());
  }

  private get(rest: string[], url: URL, reply: (status: number, body: unknown) => void): void {
    if (rest.length === 1 && rest[0] === 'health') return reply(200, { ok: true, name: 'Test receiver' });
    const key = url.searchParams.get('idempotencyKey');
    if (rest.length === 0 && key !== null) {
      const known = this.keys.get(key);
      if (!known) return reply(404, { error: 'not_found' });
      if (!known.answer) return reply(409, { error: 'idempotency_in_progress' });
      return reply(known.answer.status === 201 ? 200 : known.answer.status, known.answer.body);
    }
    const item = rest.length === 1 ? this.items.get(rest[0] ?? '') : undefined;
    if (!item) return reply(404, { error: 'not_found' });
    const { story, html } = item.payload;
    return reply(200, { ...this.answerOf(item), title: story.headline, html, status: item.status });
  }

  private act(method: string, rest: string[], raw: string): { status: number; body: unknown } {
    let payload: EndpointPayload;
    try {
      payload = EndpointPayloadSchema.parse(JSON.parse(raw));
    } catch {
      return { status: 400, body: { error: 'invalid_payload' } };
    }
    if (method === 'POST' && rest.length === 0 && payload.action === 'create') {
      const item: ReceivedItem = { id: `item-${this.nextId++}`, version: 1, status: statusOf(payload), payload, history: ['create'] };
      this.items.set(item.id, item);
      return { status: 201, body: this.answerOf(item) };
    }
    const item = this.items.get(rest[0] ?? '');
    if (!item) return { status: 404, body: { error: 'not_found' } };
    if (payload.baseVersion !== null && !payload.overwrite && payload.baseVersion !== String(item.version)) {
      return { status: 409, body: { error: 'conflict', currentVersion: String(item.version) } };
    }
    if (method === 'PUT' && rest.length === 1 && payload.action === 'update') {
      Object.assign(item, { payload, status: statusOf(payload), version: item.version + 1 });
    } else if (method === 'POST' && rest[1] === 'unpublish' && payload.action === 'unpublish') {
      Object.assign(item, { status: 'draft', version: item.version + 1 });
    } else {
      return { status: 400, body: { error: 'wrong_route' } };
    }
    item.history.push(payload.action);
    return { status: 200, body: this.answerOf(item) };
  }

  private answerOf(item: ReceivedItem): { id: string; url: string; version: string } {
    return { id: item.id, url: `https://cms.example.org/stories/${item.id}`, version: String(item.version) };
  }
}

const statusOf = (payload: Extract<EndpointPayload, { action: 'create' | 'update' }>): ReceivedItem['status'] =>
  payload.timing.kind === 'scheduled' ? 'scheduled' : 'published';

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
