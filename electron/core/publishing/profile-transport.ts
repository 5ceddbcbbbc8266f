import type { CmsProfile } from '../../../shared/model/cms-profiles';
import type { OutboxJob, RemoteResult } from '../outbox/job';
import { type OutboxTransport, type SendContext, SendFailure } from '../outbox/transport';
import type { CmsProfiles } from '../settings/cms-profiles';
import { type CmsAdapter, JobPayloadSchema } from './adapter';
import { type AdapterDeps, createAdapter } from './adapters';

/**
 * The outbox's one transport: each job goes through the adapter of its own CMS profile, built
 * from the profile and secret as they are when the job is tried (a password fixed in Settings
 * applies to the next try). It also fills in what only the queue knows:
 *
 * - where the story already is on the CMS (`payload.remote`, written when the job was queued from
 *   the publish log) when the outbox has no finished job of that story to say so: a story
 *   published before the outbox existed, or an outbox folder that was cleared;
 * - the conflict base of an update queued behind an unfinished job: the version that job made.
 */
export class ProfileTransport implements OutboxTransport {
  constructor(
    private readonly profiles: Pick<CmsProfiles, 'profile' | 'secretOf'>,
    private readonly deps: AdapterDeps,
  ) {}

  async send(job: OutboxJob, context: SendContext): Promise<RemoteResult> {
    const adapter = await this.adapterForJob(job);
    const full = this.contextOf(job, context);
    return adapter.send(withBase(job, full), full);
  }

  async reconcile(job: OutboxJob, context: SendContext): Promise<RemoteResult | null> {
    const adapter = await this.adapterForJob(job);
    const full = this.contextOf(job, context);
    return adapter.reconcile(withBase(job, full), full);
  }

  /** The adapter of a stored profile, or undefined when the profile is gone. */
  async adapterFor(profileId: string): Promise<CmsAdapter | undefined> {
    const profile = await this.profiles.profile(profileId);
    return profile === undefined ? undefined : this.adapterOf(profile, await this.profiles.secretOf(profileId));
  }

  adapterOf(profile: CmsProfile, secret: string | undefined): CmsAdapter {
    return createAdapter(profile, secret, this.deps);
  }

  private async adapterForJob(job: OutboxJob): Promise<CmsAdapter> {
    const adapter = await this.adapterFor(job.profileId);
    if (adapter !== undefined) return adapter;
    throw new SendFailure({
      code: 'NOT_CONFIGURED',
      message: 'The publishing destination of this job was deleted in Settings, so it cannot be sent. Discard it, or publish again to another destination.',
      outcomeUnknown: false,
    });
  }

  private contextOf(job: OutboxJob, context: SendContext): SendContext {
    if (context.earlier !== undefined) return context;
    const parsed = JobPayloadSchema.safeParse(job.payload);
    return parsed.success && parsed.data.remote !== undefined ? { earlier: parsed.data.remote } : context;
  }
}

/** An update without a base of its own compares against what the job ahead of it made. */
function withBase(job: OutboxJob, context: SendContext): OutboxJob {
  const parsed = JobPayloadSchema.safeParse(job.payload);
  const version = context.earlier?.version;
  if (!parsed.success || parsed.data.baseVersion !== undefined || version === undefined || job.action === 'create') return job;
  return { ...job, payload: { ...parsed.data, baseVersion: version } };
}
