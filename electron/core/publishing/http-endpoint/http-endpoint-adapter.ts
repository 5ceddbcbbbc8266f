import type { Article } from '../../../../shared/model/article';
import { AppFailure } from '../../../../shared/ipc/result';
import type { OutboxJob, RemoteResult } from '../../outbox/job';
import { type SendContext, SendFailure } from '../../outbox/transport';
import { type Clock, type FetchLike, systemClock } from '../../ports';
import { type AssetReader, type CmsAdapter, type ConnectionVerdict, type MappingPreview, parsePayload, type RemoteCopy } from '../adapter';
import { type HttpReply, sendRequest, TransportFailure } from '../http';
import { answerFailure, transportVerdict } from './answers';
import { buildPublishBody, buildUnpublishBody, type EndpointPayload, ItemAnswerSchema, RemoteItemSchema } from './payload';
import { previewFor } from './preview';
import { SIGNATURE_HEADER, signatureHeader } from './signing';

export type EndpointAuth = { kind: 'bearer'; token: string } | { kind: 'hmac'; secret: string };

export interface HttpEndpointOptions {
  /** The profile's endpoint, e.g. `https://cms.example.org/newsroom`. */
  endpointUrl: string;
  auth: EndpointAuth;
  readAsset: AssetReader;
  fetch?: FetchLike;
  clock?: Clock;
  timeoutMs?: number;
}

/**
 * Publishes to an in-house CMS through the documented JSON protocol (docs/http-endpoint.md):
 * POST <endpoint> creates, PUT <endpoint>/<id> updates, POST <endpoint>/<id>/unpublish takes it
 * back to draft, GET <endpoint>?idempotencyKey=… finds what an earlier attempt made. Every attempt
 * of one action carries the same Idempotency-Key and the same bytes, so the CMS can replay its
 * first answer instead of acting twice.
 */
export class HttpEndpointAdapter implements CmsAdapter {
  readonly kind = 'http' as const;
  private readonly base: string;
  private readonly fetchImpl: FetchLike;
  private readonly clock: Clock;
  private readonly site: string;

  constructor(private readonly options: HttpEndpointOptions) {
    this.base = options.endpointUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
    this.clock = options.clock ?? systemClock;
    this.site = `the publishing endpoint at ${hostOf(this.base)}`;
  }

  async send(job: OutboxJob, context: SendContext): Promise<RemoteResult> {
    const payload = parsePayload(job);
    const remoteId = context.earlier?.remoteId ?? null;
    if (job.action !== 'create' && remoteId === null) {
      throw new SendFailure({ code: 'NOT_FOUND', outcomeUnknown: false, message: 'Newsroom does not know where this story is on the CMS, so it cannot change it. Publish it as a new story.' });
    }
    let body: EndpointPayload;
    if (payload.kind === 'unpublish') {
      if (remoteId === null) throw new SendFailure({ code: 'INTERNAL', outcomeUnknown: false, message: 'An unpublish needs a story that was published.' });
      body = buildUnpublishBody(job, payload, remoteId);
    } else {
      body = await this.readImages(() => buildPublishBody(job, payload, remoteId, this.options.readAsset));
    }
    const path = body.action === 'create' ? '' : body.action === 'update' ? `/${encodeURIComponent(remoteId ?? '')}` : `/${encodeURIComponent(remoteId ?? '')}/unpublish`;
    const reply = await this.exchange(body.action === 'update' ? 'PUT' : 'POST', this.base + path, JSON.stringify(body), job.idempotencyKey, 'send');
    if (reply.status === 200 || reply.status === 201) return this.item(reply, true);
    throw answerFailure(reply, this.site, 'send');
  }

  async reconcile(job: OutboxJob, _context?: SendContext): Promise<RemoteResult | null> {
    const url = new URL(this.base);
    url.searchParams.set('idempotencyKey', job.idempotencyKey);
    const reply = await this.exchange('GET', url.href, '', undefined, 'reconcile');
    if (reply.status === 404) return null;
    if (reply.status === 200) return this.item(reply, false);
    throw answerFailure(reply, this.site, 'reconcile');
  }

  async testConnection(): Promise<ConnectionVerdict> {
    let reply: HttpReply;
    try {
      reply = await this.exchange('GET', `${this.base}/health`, '', undefined, 'reconcile');
    } catch (error) {
      return transportVerdict(error);
    }
    if (reply.status === 200) {
      const json = reply.json as { name?: unknown } | undefined;
      const name = typeof json?.name === 'string' && json.name.trim() !== '' ? json.name.trim() : hostOf(this.base);
      return { ok: true, account: name, canPublish: true };
    }
    const failure = answerFailure(reply, this.site, 'reconcile');
    const code = failure.code === 'AUTH_FAILED' || failure.code === 'FORBIDDEN' ? failure.code : 'BAD_RESPONSE';
    return { ok: false, code, message: failure.message };
  }

  preview(article: Article): MappingPreview {
    return previewFor(article);
  }

  async fetchRemote(remoteId: string): Promise<RemoteCopy | null> {
    const reply = await this.exchange('GET', `${this.base}/${encodeURIComponent(remoteId)}`, '', undefined, 'reconcile');
    if (reply.status === 404) return null;
    if (reply.status !== 200) throw answerFailure(reply, this.site, 'reconcile');
    const parsed = RemoteItemSchema.safeParse(reply.json);
    if (!parsed.success) throw new AppFailure('BAD_RESPONSE', `${cap(this.site)} sent a copy of the story Newsroom could not read.`);
    const { id, url, version, title, html, status } = parsed.data;
    return { remoteId: id, url, version, title, html, status };
  }

  /** One signed request. `idempotencyKey` only on sends: a look-up changes nothing. */
  private async exchange(method: 'GET' | 'POST' | 'PUT', url: string, raw: string, idempotencyKey: string | undefined, phase: 'send' | 'reconcile'): Promise<HttpReply> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
    const { auth } = this.options;
    if (auth.kind === 'bearer') headers.Authorization = `Bearer ${auth.token}`;
    else headers[SIGNATURE_HEADER] = signatureHeader(auth.secret, raw, this.clock.now());
    const rawBody = method === 'GET' ? undefined : { data: Buffer.from(raw, 'utf8'), contentType: 'application/json; charset=utf-8' };
    try {
      return await sendRequest(this.fetchImpl, { method, url, headers, ...(rawBody ? { rawBody } : {}), timeoutMs: this.options.timeoutMs ?? 30_000, siteLabel: this.site });
    } catch (error) {
      // http.ts tells TLS_ERROR (certainly not sent) from a reset or time-out (perhaps acted on).
      if (error instanceof TransportFailure) {
        throw new SendFailure({ code: error.code, message: error.message, outcomeUnknown: phase === 'send' && error.outcomeUnknown, cause: error });
      }
      throw error;
    }
  }

  /** A 2xx we cannot read may still have made the story: its outcome is unknown, so it is reconciled. */
  private item(reply: HttpReply, afterSend: boolean): RemoteResult {
    const parsed = ItemAnswerSchema.safeParse(reply.json);
    if (!parsed.success) {
      throw new SendFailure({ code: 'BAD_RESPONSE', status: reply.status, outcomeUnknown: afterSend, message: `${cap(this.site)} answered, but not with the story’s id, address and version. Ask its developers to check it against the Newsroom endpoint guide.` });
    }
    return { remoteId: parsed.data.id, url: parsed.data.url, version: parsed.data.version };
  }

  private async readImages(build: () => Promise<EndpointPayload>): Promise<EndpointPayload> {
    try {
      return await build();
    } catch (error) {
      const message = error instanceof AppFailure ? error.message : 'An image of the story could not be read from its draft folder.';
      throw new SendFailure({ code: error instanceof AppFailure ? error.code : 'IO_ERROR', outcomeUnknown: false, message, cause: error });
    }
  }
}

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

