/**
 * The names the preload needs, and nothing heavier: the preload is bundled on its own and must not
 * pull in zod or the schemas. `contract.test.ts` keeps these lists equal to the contract's keys.
 */
export const INVOKE_CHANNEL = 'newsroom:invoke';
export const EVENT_CHANNEL = 'newsroom:event';

export const METHOD_NAMES = [
  'app.info',
  'app.flushComplete',
  'drafts.list',
  'drafts.create',
  'drafts.open',
  'drafts.save',
  'drafts.trash',
  'drafts.duplicate',
  'drafts.recover',
  'versions.list',
  'versions.open',
  'versions.name',
  'versions.restore',
  'templates.list',
  'templates.save',
  'templates.delete',
  'settings.getUser',
  'settings.saveUser',
  'review.setStatus',
  'handoff.claim',
  'handoff.release',
  'desk.list',
  'desk.open',
  'settings.getDraftsFolder',
  'settings.setDraftsFolder',
  'app.pickFolder',
  'app.restart',
  'drafts.listSpiked',
  'drafts.restore',
  'drafts.purge',
  'drafts.search',
  'drafts.attachImage',
  'drafts.readAsset',
  'drafts.export',
  'settings.getHouseProfile',
  'settings.saveHouseProfile',
  'profiles.list',
  'profiles.save',
  'profiles.delete',
  'profiles.setDefault',
  'profiles.test',
  'publishing.chooseProfile',
  'publishing.preview',
  'publishing.queue',
  'publishing.status',
  'publishing.conflict',
  'outbox.list',
  'outbox.retry',
  'outbox.resume',
  'outbox.discard',
  'outbox.wake',
] as const;

export const EVENT_NAMES = ['drafts.changed', 'app.flushRequested', 'outbox.changed'] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export const isMethodName = (value: unknown): value is MethodName =>
  typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);

export const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
