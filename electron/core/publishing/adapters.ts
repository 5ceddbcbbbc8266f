import type { Article } from '../../../shared/model/article';
import { type CmsProfile, needsSecret } from '../../../shared/model/cms-profiles';
import { AppFailure } from '../../../shared/ipc/result';
import type { OutboxJob, RemoteResult } from '../outbox/job';
import { type SendContext, SendFailure } from '../outbox/transport';
import type { Clock, FetchLike } from '../ports';
import type { AssetReader, CmsAdapter, ConnectionVerdict, MappingPreview, RemoteCopy } from './adapter';
import { FolderAdapter } from './folder/folder-adapter';
import { GhostAdapter } from './ghost/ghost-adapter';
import { HttpEndpointAdapter } from './http-endpoint/http-endpoint-adapter';
import { WordPressAdapter } from './wordpress/wordpress-adapter';

export interface AdapterDeps {
  readAsset: AssetReader;
  fetch?: FetchLike;
  clock?: Clock;
}

/**
 * The adapter for one profile and its secret (from CmsProfiles.secretOf). A profile whose kind
 * needs a secret and has none gets an adapter that says so and never makes a request.
 */
export function createAdapter(profile: CmsProfile, secret: string | undefined, deps: AdapterDeps): CmsAdapter {
  if (needsSecret(profile.kind) && (secret === undefined || secret.trim() === '')) {
    // The real adapter with a placeholder secret: only its preview (pure, no request) is used.
    return new NotConfiguredAdapter(build(profile, '', deps), profile);
  }
  return build(profile, secret ?? '', deps);
}

function build(profile: CmsProfile, secret: string, deps: AdapterDeps): CmsAdapter {
  const fetchOption = deps.fetch ? { fetch: deps.fetch } : {};
  const clockOption = deps.clock ? { clock: deps.clock } : {};
  switch (profile.kind) {
    case 'wordpress':
      return new WordPressAdapter({
        credentials: { siteUrl: profile.siteUrl, username: profile.username, applicationPassword: secret },
        readAsset: deps.readAsset,
        ...fetchOption,
      });
    case 'ghost':
      return new GhostAdapter(
        { adminUrl: profile.adminUrl, adminApiKey: secret },
        { readAsset: deps.readAsset, ...(deps.fetch ? { fetchImpl: deps.fetch } : {}) },
      );
    case 'http':
      return new HttpEndpointAdapter({
        endpointUrl: profile.endpointUrl,
        auth: profile.authKind === 'bearer' ? { kind: 'bearer', token: secret } : { kind: 'hmac', secret },
        readAsset: deps.readAsset,
        ...fetchOption,
        ...clockOption,
      });
    case 'folder':
      return new FolderAdapter({ root: profile.folder, readAsset: deps.readAsset, ...clockOption });
  }
}

const SECRET_WORDS: Record<CmsProfile['kind'], string> = {
  wordpress: 'application password',
  ghost: 'Admin API key',
  http: 'token or signing secret',
  folder: 'secret',
};

/** Stands in for an adapter whose profile has no secret stored: every call that would reach the CMS refuses. */
class NotConfiguredAdapter implements CmsAdapter {
  readonly kind: CmsAdapter['kind'];
  private readonly message: string;

  constructor(
    private readonly inner: CmsAdapter,
    profile: CmsProfile,
  ) {
    this.kind = inner.kind;
    this.message = `The ${SECRET_WORDS[profile.kind]} of the profile “${profile.name}” is missing. Enter it again in Settings, then publish.`;
  }

  testConnection(): Promise<ConnectionVerdict> {
    return Promise.resolve({ ok: false, code: 'NOT_CONFIGURED', message: this.message });
  }

  preview(article: Article): MappingPreview {
    return this.inner.preview(article);
  }

  send(_job: OutboxJob, _context: SendContext): Promise<RemoteResult> {
    return Promise.reject(this.failure());
  }

  // Without the secret the CMS cannot be asked whether an earlier attempt landed: "cannot tell".
  reconcile(_job: OutboxJob, _context: SendContext): Promise<RemoteResult | null> {
    return Promise.reject(this.failure());
  }

  fetchRemote(_remoteId: string): Promise<RemoteCopy | null> {
    return Promise.reject(new AppFailure('NOT_CONFIGURED', this.message));
  }

  private failure(): SendFailure {
    return new SendFailure({ code: 'NOT_CONFIGURED', message: this.message, outcomeUnknown: false });
  }
}
