import { Agent, createServer, type IncomingHttpHeaders, type IncomingMessage, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from './seeded-random';

/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of a real CMS, for the faults a real server
 * cannot produce on demand (notes/reliability.md §4.2). Every request gets one rule:
 *
 * - `pass`: forwarded, answered as the CMS answered.
 * - `reset-after-commit`: forwarded; the CMS answers (it has committed), then the client's
 *   connection is reset before a byte of that answer reaches it. The case that makes duplicates.
 * - `reset-before-forward`: the connection is reset at once; the CMS never sees the request.
 * - `stall`: accepted and never answered, and never forwarded: the client's deadline must fire.
 * - `stall-body`: forwarded (committed); the status line, headers and half the body are sent,
 *   then nothing more: a deadline fires mid-body.
 * - `status`: answered by the proxy itself (429 with Retry-After, 502/503/504, 413) without
 *   forwarding, so the CMS did nothing.
 *
 * Test support only. Bounded: at most `maxRequests` requests, and `close()` ends every socket.
 */
export type FaultRule =
  | { kind: 'pass' }
  | { kind: 'reset-after-commit' }
  | { kind: 'reset-before-forward' }
  | { kind: 'stall' }
  | { kind: 'stall-body' }
  | { kind: 'status'; status: number; retryAfter?: string };

export type FaultKind = FaultRule['kind'];

/**
 * Which requests a rule may hit. `route` is matched against the REST route: the `rest_route`
 * query parameter when there is one (how WordPressClient calls), else the path without a leading
 * `/wp-json` — so `/wp/v2/posts` means the same endpoint written either way.
 */
export interface FaultMatch {
  method?: string;
  route?: string | RegExp;
}

export interface ProxiedRequest {
  /** 0-based arrival order. */
  index: number;
  method: string;
  route: string;
}

/** Picks the rule for one request. */
export type FaultPolicy = (request: ProxiedRequest) => FaultRule;

/** What the proxy did with one request, for a test's assertions. */
export interface FaultRecord extends ProxiedRequest {
  rule: FaultKind;
  /** Set when the request was forwarded and the CMS answered (its status). */
  upstreamStatus?: number;
  /** Set when the request was forwarded and the CMS could not be reached. */
  upstreamError?: string;
}

const PASS: FaultRule = { kind: 'pass' };

export function routeOf(url: string): string {
  const parsed = new URL(url, 'http://proxy.invalid');
  const restRoute = parsed.searchParams.get('rest_route');
  return restRoute ?? parsed.pathname.replace(/^\/wp-json(?=\/)/, '');
}

export function matches(match: FaultMatch | undefined, request: ProxiedRequest): boolean {
  if (match === undefined) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== request.method) return false;
  if (match.route === undefined) return true;
  // A string is an exact route, so `/wp/v2/posts` does not also hit `/wp/v2/posts/12`.
  return typeof match.route === 'string' ? match.route === request.route : match.route.test(request.route);
}

/**
 * Random faults from a seed, the same on every run: for each request, the rules whose `match`
 * admits it are tried in order with one draw, each firing with its `probability`, else the request
 * passes. Requests admitted by different sets of rules draw from separate streams, so the n-th
 * create always meets the same fate however parallel lanes interleave creates with look-ups.
 */
export function seededPolicy(seed: number, rules: ReadonlyArray<{ rule: FaultRule; probability: number; match?: FaultMatch }>): FaultPolicy {
  const streams = new Map<string, () => number>();
  return (request) => {
    const candidates = rules.flatMap((entry, index) => (matches(entry.match, request) ? [index] : []));
    if (candidates.length === 0) return PASS;
    const key = candidates.join(',');
    let random = streams.get(key);
    if (random === undefined) {
      random = seededRandom(seed + 7919 * (candidates[0]! + 1) + candidates.length);
      streams.set(key, random);
    }
    const draw = random();
    let cumulative = 0;
    for (const index of candidates) {
      cumulative += rules[index]!.probability;
      if (draw < cumulative) return rules[index]!.rule;
    }
    return PASS;
  };
}

/**
 * A test's exact script: each request admitted by the next step's `match` takes that step's rule
 * and the step is used up; every other request passes.
 */
export function scriptedPolicy(steps: ReadonlyArray<FaultRule & { match?: FaultMatch }>): FaultPolicy & { remaining: () => number } {
  const queue = [...steps];
  const policy = (request: ProxiedRequest): FaultRule => {
    const next = queue[0];
    if (next === undefined || !matches(next.match, request)) return PASS;
    queue.shift();
    const { match: _match, ...rule } = next;
    return rule as FaultRule;
  };
  return Object.assign(policy, { remaining: () => queue.length });
}

export interface FaultProxyOptions {
  /** The CMS, e.g. `http://127.0.0.1:8881`. */
  target: string;
  policy?: FaultPolicy;
  /** A runaway test cannot flood the CMS: later requests are refused with 503 and recorded. */
  maxRequests?: number;
  /** A fixed port, for a CMS that "comes back" where a client already looked for it; ephemeral if absent. */
  port?: number;
}

/** Hop-by-hop headers and those the proxy recomputes because it buffers bodies. */
const DROPPED = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'content-length', 'host']);

function forwardable(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !DROPPED.has(name)) out[name] = value;
  return out;
}

export class FaultProxy {
  readonly records: FaultRecord[] = [];
  /** Replace between phases of a test; applies to requests that arrive afterwards. */
  policy: FaultPolicy;
  private readonly target: URL;
  private readonly maxRequests: number;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;

  private constructor(options: FaultProxyOptions) {
    this.target = new URL(options.target);
    this.policy = options.policy ?? (() => PASS);
    this.maxRequests = options.maxRequests ?? 10_000;
  }

  /** Starts a proxy on 127.0.0.1, on `options.port` or an ephemeral port. */
  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const proxy = new FaultProxy(options);
    const server = createServer((req, res) => void proxy.handle(req, res));
    server.on('connection', (socket) => {
      proxy.sockets.add(socket);
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    proxy.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
    return proxy;
  }

  /** `http://127.0.0.1:<port>`, no trailing slash: use it as the CMS address. */
  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Records of one rule (or all), optionally only those `match` admits. */
  count(kind?: FaultKind, match?: FaultMatch): number {
    return this.records.filter((r) => (kind === undefined || r.rule === kind) && matches(match, r)).length;
  }

  /** Ends every connection (stalled ones too) and stops listening. */
  async close(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    this.agent.destroy();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const request: ProxiedRequest = { index: this.records.length, method, route: routeOf(url) };
    const rule: FaultRule = request.index >= this.maxRequests ? { kind: 'status', status: 503 } : this.policy(request);
    const record: FaultRecord = { ...request, rule: rule.kind };
    this.records.push(record);
    const body = await readBody(req).catch(() => undefined);
    if (body === undefined) return; // the client went away while sending

    switch (rule.kind) {
      case 'reset-before-forward':
        req.socket.resetAndDestroy();
        return;
      case 'stall':
        return; // never answered; the socket ends when the client gives up or close() runs
      case 'status': {
        const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8' };
        if (rule.retryAfter !== undefined) headers['Retry-After'] = rule.retryAfter;
        res.writeHead(rule.status, headers).end(`<html><head><title>${rule.status}</title></head><body><h1>Fault proxy: HTTP ${rule.status}</h1></body></html>`);
        return;
      }
      default:
        break;
    }
    const answer = await this.forward(method, url, req.headers, body).catch((error: unknown) => {
      record.upstreamError = String(error);
      return undefined;
    });
    if (answer === undefined) {
      res.writeHead(502, { 'Content-Type': 'text/plain' }).end('Fault proxy: the CMS could not be reached.');
      return;
    }
    record.upstreamStatus = answer.status;
    if (rule.kind === 'reset-after-commit') {
      req.socket.resetAndDestroy();
      return;
    }
    const headers = { ...forwardable(answer.headers), 'content-length': String(answer.body.length) };
    if (rule.kind === 'stall-body') {
      res.writeHead(answer.status, headers);
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      return; // the rest never comes
    }
    res.writeHead(answer.status, headers).end(answer.body);
  }

  private forward(method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        {
          host: this.target.hostname,
          port: this.target.port,
          method,
          path: url,
          agent: this.agent,
          // The CMS sees its own address, as if called directly (WordPress builds links from it).
          headers: { ...forwardable(headers), host: this.target.host, 'content-length': String(body.length) },
        },
        (response) => {
          readBody(response).then((data) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: data }), reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.on('aborted', () => reject(new Error('aborted')));
  });
}
