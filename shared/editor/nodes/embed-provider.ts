import { isSafeLinkUrl } from '../../url-policy';

export type EmbedProvider = 'youtube' | 'x' | 'instagram' | 'link';

const PROVIDER_HOSTS: ReadonlyArray<[EmbedProvider, readonly string[]]> = [
  ['youtube', ['youtube.com', 'youtu.be', 'youtube-nocookie.com']],
  ['x', ['x.com', 'twitter.com']],
  ['instagram', ['instagram.com', 'instagr.am']],
];

/** An embed keeps only web addresses: http(s), and nothing the link policy refuses. */
export function isEmbeddableUrl(raw: string): boolean {
  if (!isSafeLinkUrl(raw)) return false;
  const protocol = new URL(raw.trim()).protocol;
  return protocol === 'http:' || protocol === 'https:';
}

/** Which service a URL belongs to, by host (subdomains such as www. and m. included). */
export function embedProviderOf(url: string): EmbedProvider {
  let host: string;
  try {
    host = new URL(url.trim()).hostname.toLowerCase();
  } catch {
    return 'link';
  }
  for (const [provider, hosts] of PROVIDER_HOSTS) {
    if (hosts.some((known) => host === known || host.endsWith(`.${known}`))) return provider;
  }
  return 'link';
}
