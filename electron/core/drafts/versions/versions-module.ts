// SCAFFOLD (issue 6, versions engineer replaces this file): the shape services.ts wires.
import type { DraftProblem } from '../../../../shared/model/draft';
import { AppFailure } from '../../../../shared/ipc/result';
import type { Handlers } from '../../../ipc/router';
import type { Clock, EmitEvent, Logger } from '../../ports';
import type { DraftStore } from '../draft-store';

export interface VersionsModule {
  handlers: Pick<Handlers, 'versions.list' | 'versions.open' | 'versions.name' | 'versions.restore' | 'drafts.recover'>;
  /** After every acknowledged save of a draft: coalesces saves into versions. */
  afterSave(draftId: string): Promise<void>;
  /** Problems from drafts.list, with `recoverable` set where a good version exists. */
  withRecovery(problems: DraftProblem[]): Promise<DraftProblem[]>;
  /** A version the app names at a key moment (the story went live on a CMS). */
  mark(draftId: string, kind: 'published' | 'filed', name: string): Promise<void>;
}

const notYet = (): never => {
  throw new AppFailure('INTERNAL', 'Versions are not built yet.');
};

export function createVersions(_deps: { drafts: DraftStore; clock: Clock; logger: Logger; emit: EmitEvent }): Promise<VersionsModule> {
  return Promise.resolve({
    handlers: { 'versions.list': notYet, 'versions.open': notYet, 'versions.name': notYet, 'versions.restore': notYet, 'drafts.recover': notYet },
    afterSave: () => Promise.resolve(),
    withRecovery: (problems) => Promise.resolve(problems),
    mark: () => Promise.resolve(),
  });
}
