import { stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../../../../shared/model/article';
import { AppFailure } from '../../../../shared/ipc/result';
import { writeFileAtomic } from '../../fs/atomic-write';
import type { FileIo } from '../../fs/file-io';
import { errnoCode, toAppFailure } from '../../fs/fs-errors';
import type { OutboxJob, RemoteResult } from '../../outbox/job';
import { type SendContext, SendFailure } from '../../outbox/transport';
import { type Clock, systemClock } from '../../ports';
import { type AssetReader, type CmsAdapter, type ConnectionVerdict, type MappingPreview, parsePayload, type PublishPayload, type RemoteCopy } from '../adapter';
import { type Bundle, claimFolder, findBundle, INDEX_FILE, isFolderName, readBundle, writeBundle } from './bundles';
import { folderBase, storyBody, storyMatter } from './story-matter';
import { markdownToHtml, storyAssets } from './story-parts';

export interface FolderAdapterOptions {
  /** The publishing folder of this profile. */
  root: string;
  readAsset: AssetReader;
  clock?: Clock;
  /** Tests inject faults here. */
  io?: FileIo;
}

/**
 * Publishes to a local folder as Markdown page bundles (see bundles.ts), the default profile on a
 * fresh install. The "remote" is the folder: remote id = the story's folder name, version = a hash
 * of its index.md (a hand edit is a conflict on the next update), and the idempotency key of the
 * action that last wrote a story sits in its front matter, where `reconcile` finds it.
 */
export class FolderAdapter implements CmsAdapter {
  readonly kind = 'folder' as const;
  private readonly clock: Clock;

  constructor(private readonly options: FolderAdapterOptions) {
    this.clock = options.clock ?? systemClock;
  }

  async send(job: OutboxJob, context: SendContext): Promise<RemoteResult> {
    const payload = parsePayload(job);
    return this.guard('send', async () => {
      const existing = await this.locate(job, context);
      // The key is already in the folder: this action took effect, it is not done twice.
      if (existing?.matter.newsroom.idempotency_key === job.idempotencyKey) return this.result(existing);
      if (payload.kind === 'unpublish' || job.action === 'unpublish') {
        if (existing === null) throw this.gone(context);
        this.checkBase(existing, payload);
        const matter = { ...existing.matter, draft: true, newsroom: { ...existing.matter.newsroom, idempotency_key: job.idempotencyKey } };
        return this.result(await writeBundle(this.options.root, existing.folder, { matter, body: existing.body, images: [] }, this.options.io));
      }
      if (existing === null && job.action === 'update') throw this.gone(context);
      if (existing !== null) this.checkBase(existing, payload);
      return this.result(await this.writeStory(job, payload, existing));
    });
  }

  async reconcile(job: OutboxJob, context: SendContext): Promise<RemoteResult | null> {
    return this.guard('reconcile', async () => {
      const bundle = await this.locate(job, context);
      return bundle?.matter.newsroom.idempotency_key === job.idempotencyKey ? this.result(bundle) : null;
    });
  }

  async testConnection(): Promise<ConnectionVerdict> {
    const { root } = this.options;
    try {
      const info = await stat(root);
      if (!info.isDirectory()) return { ok: false, code: 'NOT_CONFIGURED', message: `${root} is a file, not a folder. Choose a folder to publish into.` };
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return { ok: false, code: 'NOT_CONFIGURED', message: `The folder ${root} does not exist. Choose another folder or create it.` };
      return { ok: false, code: 'IO_ERROR', message: `Newsroom cannot open the folder ${root}: ${toAppFailure(error, 'open').message}` };
    }
    const probe = join(root, `.newsroom-write-test-${process.pid}`);
    try {
      await writeFileAtomic(probe, 'Newsroom checks it can write here; this file is removed at once.\n', this.options.io);
      await unlink(probe);
    } catch (error) {
      await unlink(probe).catch(() => undefined);
      return { ok: false, code: 'IO_ERROR', message: `Newsroom cannot write into the folder ${root}: ${toAppFailure(error).message}` };
    }
    return { ok: true, account: root, canPublish: true };
  }

  preview(article: Article): MappingPreview {
    const payload: PublishPayload = { kind: 'publish', article, revision: 0, timing: { kind: 'now' }, overwrite: false };
    const matter = storyMatter(payload, { draftId: '', idempotencyKey: '', now: this.clock.now().toISOString(), previous: undefined });
    const image = article.featuredImage;
    const sent = [
      { field: 'Title', value: matter.title },
      { field: 'Slug (folder name)', value: folderBase(article, '00000000') },
      { field: 'Description', value: matter.description },
      { field: 'Authors', value: matter.authors.join(', ') },
      { field: 'Category', value: matter.categories.join(', ') },
      { field: 'Tags', value: matter.tags.join(', ') },
      { field: 'Dateline', value: [matter.dateline.place, matter.dateline.date].filter(Boolean).join(', ') },
      { field: 'SEO title', value: matter.seo.title },
      { field: 'SEO description', value: matter.seo.description },
      { field: 'Featured image', value: image ? [image.asset, image.alt, image.caption, image.credit].filter(Boolean).join(' · ') : '' },
    ];
    const lost = article.editorialNote.trim() === '' ? [] : ['Editorial note (for the desk only: never written to the folder)'];
    return { sent, lost, body: storyBody(payload, undefined) };
  }

  async fetchRemote(remoteId: string): Promise<RemoteCopy | null> {
    if (!isFolderName(remoteId)) return null;
    const bundle = await this.guard('reconcile', () => readBundle(this.options.root, remoteId));
    if (bundle === null) return null;
    const { matter } = bundle;
    const status = matter.draft ? 'draft' : Date.parse(matter.date) > this.clock.now().getTime() ? 'scheduled' : 'published';
    return { remoteId, version: bundle.version, title: matter.title, html: markdownToHtml(bundle.body), status, url: this.urlOf(remoteId) };
  }

  /** The story's bundle: where the last action put it, else wherever its draft id is. */
  private async locate(job: OutboxJob, context: SendContext): Promise<Bundle | null> {
    const known = context.earlier?.remoteId;
    if (known !== undefined && isFolderName(known)) {
      const bundle = await readBundle(this.options.root, known);
      if (bundle?.matter.newsroom.draft_id === job.draftId) return bundle;
    }
    return findBundle(this.options.root, job.draftId);
  }

  private async writeStory(job: OutboxJob, payload: PublishPayload, existing: Bundle | null): Promise<Bundle> {
    const { root, readAsset, io } = this.options;
    const assets = storyAssets(payload.article);
    const folder = existing?.folder ?? (await claimFolder(root, folderBase(payload.article, job.draftId), assets));
    const previous = existing?.matter;
    const context = { draftId: job.draftId, idempotencyKey: job.idempotencyKey, now: this.clock.now().toISOString(), previous };
    const images = assets.map((asset) => ({ asset, bytes: async () => (await readAsset(job.draftId, asset)).bytes }));
    return writeBundle(root, folder, { matter: storyMatter(payload, context), body: storyBody(payload, previous), images }, io);
  }

  /** A hand edit since our last write (its hash changed) is not overwritten unless the user said so. */
  private checkBase(bundle: Bundle, payload: { baseVersion?: string | undefined; overwrite: boolean }): void {
    if (payload.overwrite || payload.baseVersion === undefined || payload.baseVersion === bundle.version) return;
    throw new SendFailure({
      code: 'CONFLICT',
      status: 409,
      outcomeUnknown: false,
      message: `The story’s file in the publishing folder (${bundle.folder}/${INDEX_FILE}) was changed since Newsroom last wrote it. Compare the two before overwriting it.`,
    });
  }

  private gone(context: SendContext): SendFailure {
    const where = context.earlier?.remoteId ?? 'its folder';
    return new SendFailure({
      code: 'NOT_FOUND',
      outcomeUnknown: false,
      message: `The story is no longer in the publishing folder (${where} was moved or deleted). Publish it again as a new story.`,
    });
  }

  private result(bundle: Bundle): RemoteResult {
    return { remoteId: bundle.folder, url: this.urlOf(bundle.folder), version: bundle.version, slug: bundle.folder };
  }

  private urlOf(folder: string): string {
    return pathToFileURL(join(this.options.root, folder, INDEX_FILE)).href;
  }

  /**
   * File errors in plain words. A write that failed may still have replaced index.md (the rename
   * went through, the folder sync did not), so a send's outcome is unknown: the worker reconciles,
   * which reads the key back, before writing again.
   */
  private async guard<T>(phase: 'send' | 'reconcile', run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof SendFailure) throw error;
      const mapped = error instanceof AppFailure ? error : toAppFailure(error, phase === 'send' ? 'save' : 'read');
      const code = mapped.code === 'NOT_FOUND' && phase === 'send' ? 'NOT_FOUND' : mapped.code;
      const message = `Publishing to the folder ${this.options.root} failed: ${mapped.message}`;
      throw new SendFailure({ code, message, outcomeUnknown: phase === 'send' && code !== 'NOT_FOUND', cause: error });
    }
  }
}
