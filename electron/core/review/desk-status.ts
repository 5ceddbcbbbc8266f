import { AppFailure } from '../../../shared/ipc/result';
import { canMove, type ReviewRecord, STATUS_LABELS, type Stamp, type WorkflowStatus } from '../../../shared/model/review';
import type { DraftStore } from '../drafts/draft-store';
import type { EmitEvent, Logger } from '../ports';
import type { UserSettings } from './user-settings';

export interface DeskStatusPorts {
  drafts: Pick<DraftStore, 'setReview'>;
  users: UserSettings;
  emit: EmitEvent;
  logger: Logger;
  /** Names a version at a key moment ("Filed"). */
  markVersion: (draftId: string, kind: 'filed', name: string) => Promise<void>;
}

const label = (status: WorkflowStatus): string => `“${STATUS_LABELS[status]}”`;

/** When nobody has said who they are, the app's own moves are still signed by something readable. */
const APP_STAMP = (at: string): Stamp => ({ name: 'Newsroom', initials: 'NR', at });

/**
 * Where a story stands on the desk, and the trail of who moved it. Each move is one step in the
 * draft's queue (read status, check the move, append to the trail, write), so two moves never
 * both start from the same status.
 */
export class DeskStatus {
  constructor(private readonly ports: DeskStatusPorts) {}

  /** A move a person asked for: refused when the workflow does not allow it or nobody is signed in. */
  async set(draftId: string, to: WorkflowStatus, note?: string): Promise<ReviewRecord> {
    const by = this.ports.users.stamp();
    if (by === null) throw new AppFailure('NOT_ALLOWED', 'Set your name first: every status change is signed.');
    const text = note?.trim() ?? '';
    const draft = await this.ports.drafts.setReview(draftId, (current) => {
      const from = current.review.status;
      if (from === to) throw new AppFailure('NOT_ALLOWED', `This story is already ${label(to)}.`);
      if (!canMove(from, to)) throw new AppFailure('NOT_ALLOWED', `A story that is ${label(from)} cannot be moved to ${label(to)}.`);
      return { status: to, trail: [...current.review.trail, { from, to, by, ...(text === '' ? {} : { note: text }) }] };
    });
    this.ports.emit('drafts.changed', { id: draftId, revision: draft.revision, reason: 'status' });
    if (to === 'filed') {
      // The move stands even when the version cannot be written; "changes since filed" then has nothing to compare.
      await this.ports.markVersion(draftId, 'filed', 'Filed').catch((error: unknown) => this.ports.logger.warn('filed version not recorded', { draftId, error: String(error) }));
    }
    return draft.review;
  }

  /**
   * A move the app makes by itself (a publish was delivered, a spike): allowed from any status,
   * signed by the user at this machine, with a note saying why. Nothing is written when already
   * there. Returns the status it moved from (null when it did not move).
   */
  async record(draftId: string, to: WorkflowStatus, note: string, at: Date): Promise<WorkflowStatus | null> {
    const by = this.ports.users.stamp() ?? APP_STAMP(at.toISOString());
    let previous: WorkflowStatus | null = null;
    const draft = await this.ports.drafts.setReview(draftId, (current) => {
      const from = current.review.status;
      if (from === to) return null;
      previous = from;
      return { status: to, trail: [...current.review.trail, { from, to, by, note }] };
    });
    this.ports.emit('drafts.changed', { id: draftId, revision: draft.revision, reason: 'status' });
    return previous;
  }
}
