import { appendFileSync, readFileSync } from 'node:fs';
import type { OutboxJob, RemoteResult } from './job';
import { type OutboxTransport, type SendContext, SendFailure } from './transport';

/**
 * A CMS in a file, for the kill -9 test (not app code). Every request, commit and reconcile is a
 * line appended with one synchronous write, so a SIGKILL leaves whole lines (the page cache
 * survives it) and the file is the CMS's own record of what it made. A commit is keyed by the
 * idempotency key, as the marker a real adapter leaves (a slug, an Idempotency-Key) would be.
 */
export interface CmsRecord {
  op: 'request' | 'commit' | 'reconcile';
  jobId: string;
  key: string;
  draftId: string;
  action: OutboxJob['action'];
  remoteId?: string;
  found?: boolean;
}

export function readRecords(path: string): CmsRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CmsRecord);
}

export class FileCms implements OutboxTransport {
  constructor(
    private readonly path: string,
    /** Network time: between request and commit, and between commit and answer. */
    private readonly travel: () => Promise<void> = async () => undefined,
  ) {}

  async send(job: OutboxJob, context: SendContext): Promise<RemoteResult> {
    this.append(job, { op: 'request' });
    await this.travel();
    const remoteId = job.action === 'create' ? `post-${job.idempotencyKey}` : context.earlier?.remoteId;
    if (remoteId === undefined) {
      throw new SendFailure({ code: 'NOT_FOUND', message: 'No post to update.', status: 404, outcomeUnknown: false });
    }
    this.append(job, { op: 'commit', remoteId });
    await this.travel();
    return resultOf(remoteId);
  }

  async reconcile(job: OutboxJob): Promise<RemoteResult | null> {
    const commit = readRecords(this.path).find((r) => r.op === 'commit' && r.key === job.idempotencyKey);
    this.append(job, { op: 'reconcile', found: commit !== undefined });
    return commit?.remoteId === undefined ? null : resultOf(commit.remoteId);
  }

  private append(job: OutboxJob, fields: Pick<CmsRecord, 'op' | 'remoteId' | 'found'>): void {
    const record: CmsRecord = { ...fields, jobId: job.id, key: job.idempotencyKey, draftId: job.draftId, action: job.action };
    appendFileSync(this.path, `${JSON.stringify(record)}\n`);
  }
}

const resultOf = (remoteId: string): RemoteResult => ({ remoteId, url: `https://cms.test/${remoteId}/` });
