import { useId, useMemo, useState } from 'react';
import type { StoryFields } from '../../../shared/model/article';
import type { LogAction } from '../../../shared/model/publishing';
import { checkReadiness, type ReadinessProblem } from '../../../shared/model/readiness';
import type { HouseProfileLoad } from '../editor/fields/useHouseProfile';
import { Checklist } from './Checklist';
import { ConflictDialog } from './ConflictDialog';
import { CorrectionDialog, UnpublishDialog } from './ConfirmDialogs';
import { DestinationPicker } from './DestinationPicker';
import { describeOutcome, latestEntryFor } from './outcome';
import { PreviewDialog } from './PreviewDialog';
import { PublishLogList } from './PublishLogList';
import { ScheduleDialog } from './ScheduleDialog';
import { LiveBadge, OutcomeLine } from './StatusLines';
import { TimeField } from './TimeField';
import { localInputToIso } from './time-format';
import { usePublishActions } from './usePublishActions';
import { usePublishStatus } from './usePublishStatus';
import './publishing.css';

interface Props {
  draftId: string;
  /** Saves pending text first: the main side publishes what is on disk. */
  flush: () => Promise<boolean>;
  onOpenSettings: () => void;
  /** The story fields as they are now: the checklist follows every edit. */
  fields: StoryFields;
  houseProfile: HouseProfileLoad;
  /** The story went out: its slug is fixed from now on. */
  onPublished: (slug: string) => void;
  /** Problems only the body on screen shows (open suggested changes), added to the house rules'. */
  extraProblems?: readonly ReadinessProblem[];
}

type Dialog = 'preview' | 'schedule' | 'unpublish' | 'correction' | 'conflict' | null;

/**
 * Publishing one draft: where to (a CMS profile), where it stands there, the checklist of house
 * rules, the actions (publish or update, schedule, embargo, unpublish, correction, preview), what
 * became of the last one, a conflict when the web copy changed, and the publish log. Every action
 * is queued in the outbox by the main side; this panel follows its progress through events.
 */
export function PublishPanel({ draftId, flush, onOpenSettings, fields, houseProfile, onPublished, extraProblems }: Props) {
  const { data, loadError, jobs, refresh } = usePublishStatus(draftId, onPublished);
  const actions = usePublishActions(draftId, flush, refresh);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [embargo, setEmbargo] = useState('');
  const reasonId = useId();
  const { profile } = houseProfile;
  const problems = useMemo(() => (profile ? [...checkReadiness(fields, profile), ...(extraProblems ?? [])] : []), [fields, profile, extraProblems]);
  const clock = { now: new Date(), timeZone: profile?.timeZone ?? 'UTC' };

  if (data === null) {
    return (
      <section className="publish-panel" aria-label="Publishing">
        {loadError ? (
          <p role="alert" className="error-text">
            {loadError}
          </p>
        ) : (
          <p role="status">Reading the publishing status…</p>
        )}
        <Checklist id={reasonId} houseProfile={houseProfile} problems={problems} />
      </section>
    );
  }

  const { status, profiles } = data;
  const profileId = status.profileId;
  const profileName = profiles.find((p) => p.id === profileId)?.name ?? 'the removed profile';
  const live = status.live.find((l) => l.profileId === profileId);
  const isLive = live?.state === 'up-to-date' || live?.state === 'behind';
  const canTakeDown = isLive || live?.state === 'scheduled';
  const blocked = profile === null || problems.length > 0;

  const latest = latestEntryFor(status.entries, profileId);
  // Only while the refused job is still in the outbox: once discarded, its entry keeps the code.
  const conflict = latest?.state === 'failed' && latest.code === 'CONFLICT' && jobs.has(latest.jobId) ? latest : undefined;
  // The job queued from this panel, else the newest unfinished one of this draft on this profile.
  const followedId = actions.followed?.jobId;
  const job = followedId ? jobs.get(followedId) : [...jobs.values()].findLast((j) => j.profileId === profileId && j.state !== 'done');
  const jobId = followedId ?? job?.id;
  // Following nothing: a queued or failed last attempt still has something to say; a sent one is the badge's.
  const entry = jobId ? status.entries.find((e) => e.jobId === jobId) : latest?.state === 'sent' ? undefined : latest;
  const outcome =
    describeOutcome(job, entry, clock) ?? (actions.followed ? { text: `Queued for ${actions.followed.profileName}.`, tone: 'status' as const } : null);

  const embargoIso = embargo === '' ? undefined : localInputToIso(embargo);
  const timed = async (kind: LogAction, extra: { publishAt?: string } = {}) => {
    if (embargoIso === null) {
      actions.setError({ code: 'INVALID_INPUT', message: 'The embargo needs a full date and time, or clear it.' });
      return;
    }
    setDialog(null);
    const failure = await actions.queue(profileId, profileName, kind, { ...extra, ...(embargoIso ? { embargoUntil: embargoIso } : {}) });
    if (failure === null) setEmbargo('');
  };
  const plain = async (kind: LogAction, extra: { correctionNote?: string } = {}) => {
    setDialog(null);
    await actions.queue(profileId, profileName, kind, extra);
  };

  const overwrite = async () => {
    if (!conflict) return null;
    const failure = await actions.queue(profileId, profileName, conflict.action, {
      overwrite: true,
      ...(conflict.correctionNote ? { correctionNote: conflict.correctionNote } : {}),
    });
    if (failure) return failure.message;
    // The refused job is replaced by the one just queued; left, it would still ask to be tried again.
    await actions.discard(conflict.jobId);
    return null;
  };

  return (
    <section className="publish-panel" aria-label="Publishing">
      <div className="publish-row">
        <DestinationPicker
          profiles={profiles}
          defaultProfileId={data.defaultProfileId}
          value={profileId}
          disabled={actions.busy}
          onChange={(next) => void actions.choose(next)}
        />
        <LiveBadge live={live} clock={clock} />
      </div>
      <div className="publish-row publish-actions">
        <button
          type="button"
          className="primary publish-button"
          onClick={() => void timed(isLive ? 'update' : 'publish')}
          disabled={actions.busy || blocked}
          aria-describedby={blocked ? reasonId : undefined}
        >
          {isLive ? 'Update' : 'Publish'}
        </button>
        {!isLive && (
          <button type="button" onClick={() => setDialog('schedule')} disabled={actions.busy || blocked}>
            Schedule…
          </button>
        )}
        <button type="button" onClick={() => setDialog('preview')}>
          Preview
        </button>
        {isLive && (
          <button type="button" onClick={() => setDialog('correction')} disabled={actions.busy || blocked}>
            Correction…
          </button>
        )}
        {canTakeDown && (
          <button type="button" className="danger" onClick={() => setDialog('unpublish')} disabled={actions.busy}>
            Unpublish
          </button>
        )}
      </div>
      <TimeField label="Embargo until" value={embargo} onChange={setEmbargo} timeZone={clock.timeZone} lead="Embargoed until" />
      <Checklist id={reasonId} houseProfile={houseProfile} problems={problems} />
      {status.problem && <p role="alert" className="error-text">{status.problem}</p>}
      {conflict && (
        <p className="publish-conflict" role="alert">
          Changed on {conflict.profileName} since your last {conflict.action === 'file' ? 'send to the desk' : 'publish'}.{' '}
          <button type="button" onClick={() => setDialog('conflict')}>
            Compare
          </button>
        </p>
      )}
      <OutcomeLine
        outcome={outcome}
        error={actions.error}
        notice={actions.notice}
        conflict={conflict !== undefined}
        onRetry={(retry) => void actions.tryAgain(retry)}
        onOpenSettings={onOpenSettings}
      />
      <PublishLogList entries={status.entries} />

      {dialog === 'preview' && <PreviewDialog draftId={draftId} profileId={profileId} profileName={profileName} flush={flush} onClose={() => setDialog(null)} />}
      {dialog === 'schedule' && (
        <ScheduleDialog
          profileName={profileName}
          timeZone={clock.timeZone}
          onSchedule={(publishAt) => void timed('schedule', { publishAt })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'unpublish' && <UnpublishDialog profileName={profileName} onUnpublish={() => void plain('unpublish')} onClose={() => setDialog(null)} />}
      {dialog === 'correction' && (
        <CorrectionDialog profileName={profileName} onCorrect={(note) => void plain('correction', { correctionNote: note })} onClose={() => setDialog(null)} />
      )}
      {dialog === 'conflict' && conflict && (
        <ConflictDialog
          draftId={draftId}
          profileId={profileId}
          profileName={conflict.profileName}
          onOverwrite={overwrite}
          onKeepWeb={() => actions.discard(conflict.jobId)}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
