import type { CmsProfileView } from '../../../shared/model/cms-profiles';
import type { LogEntry, OutboxJobView, PublishStatus } from '../../../shared/model/publishing';

/** Test data for the publish panel's dom tests: two profiles, a status, jobs and log entries. */
export const DRAFT = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
export const SITE = '11111111-1111-4111-8111-111111111111';
export const FOLDER = '22222222-2222-4222-8222-222222222222';
export const JOB = '33333333-3333-4333-8333-333333333333';

export const PROFILES: CmsProfileView[] = [
  { kind: 'wordpress', id: SITE, name: 'Main site', siteUrl: 'https://news.example', username: 'desk', hasSecret: true, secretPersisted: true },
  { kind: 'folder', id: FOLDER, name: 'Site folder', folder: '/srv/site', hasSecret: false, secretPersisted: true },
];

export const statusWith = (patch: Partial<PublishStatus> = {}): PublishStatus => ({
  profileId: SITE,
  revision: 2,
  entries: [],
  live: [],
  ...patch,
});

export const entry = (patch: Partial<LogEntry> = {}): LogEntry => ({
  jobId: JOB,
  profileId: SITE,
  profileName: 'Main site',
  action: 'publish',
  queuedAt: '2026-11-28T11:59:00Z',
  state: 'queued',
  revision: 2,
  ...patch,
});

export const job = (patch: Partial<OutboxJobView> = {}): OutboxJobView => ({
  id: JOB,
  draftId: DRAFT,
  profileId: SITE,
  profileName: 'Main site',
  action: 'create',
  state: 'pending',
  createdAt: '2026-11-28T11:59:00Z',
  notBefore: '2020-01-01T00:00:00Z',
  attempts: 0,
  outcomeUnknown: false,
  ...patch,
});
