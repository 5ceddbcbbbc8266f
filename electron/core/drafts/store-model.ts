import type { AsyncCommand } from 'fast-check';
import { expect } from 'vitest';
import { type FileIo, nodeFileIo } from '../fs/file-io';
import { silentLogger } from '../ports';
import { DraftStore } from './draft-store';
import { articleWith, steppingClock } from './testing';
import { createVersions, type VersionsModule } from './versions/versions-module';

/**
 * The model-based test of the draft store (notes/reliability.md F1), shared by store-model.test.ts
 * and any later test that adds commands (versions: name, restore). Not imported by app code.
 *
 * The model is deliberately simple: which drafts are live, which are spiked, and for each the
 * text and revision of its last acknowledged save. A save interrupted by a crash leaves two
 * acceptable outcomes (DESIGN §6: the last acknowledged save or the one in flight); the model
 * keeps both until the next check reads the disk and settles it.
 */
export interface SavedText {
  headline: string;
  body: string;
  revision: number;
}

export interface ModelDraft {
  saved: SavedText;
  /** Versions named by the journalist, oldest first: their id and the text they hold. */
  named: Array<{ versionId: string; name: string; headline: string; body: string }>;
  /** A save cut off by a crash: on disk there is `saved` or this, never anything else. */
  inFlight?: SavedText;
}

export interface StoreModel {
  live: Map<string, ModelDraft>;
  spiked: Map<string, ModelDraft>;
  /** Every id ever created, in order: commands pick drafts by index into it. */
  ids: string[];
}

/**
 * I/O that can be frozen: after `freezeAfter(n)` the n+1-th call and every later one never
 * settle, as in a process killed at that instant. The store holding it is then dropped.
 */
export class FreezableIo {
  private remaining = Number.POSITIVE_INFINITY;
  private onFrozen: (() => void) | undefined;
  readonly io: FileIo;

  constructor(base: FileIo = nodeFileIo) {
    const gate =
      <K extends keyof FileIo>(op: K) =>
      (...args: unknown[]): Promise<never> => {
        if (this.remaining <= 0) {
          this.onFrozen?.();
          return new Promise<never>(() => undefined);
        }
        this.remaining -= 1;
        return (base[op] as (...a: unknown[]) => Promise<never>)(...args);
      };
    this.io = {
      open: gate('open'),
      write: gate('write'),
      fsync: gate('fsync'),
      close: gate('close'),
      rename: gate('rename'),
      unlink: gate('unlink'),
      fsyncDir: gate('fsyncDir'),
    };
  }

  /** Lets `calls` more I/O calls through; resolves when the next one is frozen. */
  freezeAfter(calls: number): Promise<void> {
    this.remaining = calls;
    return new Promise((resolve) => (this.onFrozen = resolve));
  }
}

/** The real side: a data folder and the store of the app's current "run" over it. */
export interface RealStore {
  folder: string;
  store: DraftStore;
  /** The versions module over that store, as services.ts builds it. */
  versions: VersionsModule;
  io: FreezableIo;
  runs: number;
}

export async function startRun(folder: string, runs = 0): Promise<RealStore> {
  const io = new FreezableIo();
  // Each run's clock starts an hour after the last one's, so timestamps keep moving forward.
  const clock = steppingClock(new Date(Date.parse('2025-06-01T09:00:00.000Z') + runs * 3_600_000).toISOString());
  const store = await DraftStore.open({ folder, io: io.io, clock, atomicWrite: { renameRetryDelaysMs: [1] } });
  const versions = await createVersions({ drafts: store, clock, logger: silentLogger, emit: () => undefined });
  return { folder, store, versions, io, runs };
}

const bodyOf = (article: { body: { root: { children: unknown[] } } }): string => {
  const paragraph = article.body.root.children[0] as { children: Array<{ text: string }> } | undefined;
  return paragraph?.children[0]?.text ?? '';
};

/**
 * Every command acts, then compares the whole store with the model, so a divergence is reported
 * at the step that caused it.
 */
abstract class Cmd implements AsyncCommand<StoreModel, RealStore, boolean> {
  abstract check(model: Readonly<StoreModel>): boolean;
  protected abstract act(model: StoreModel, real: RealStore): Promise<void>;
  async run(model: StoreModel, real: RealStore): Promise<void> {
    await this.act(model, real);
    await checkAgainstModel(model, real);
  }
}
const pick = (model: StoreModel, index: number): string | undefined => model.ids[index % Math.max(1, model.ids.length)];

export class CreateCmd extends Cmd {
  constructor(readonly headline: string) {
    super();
  }
  check(): boolean {
    return true;
  }
  protected async act(model: StoreModel, real: RealStore): Promise<void> {
    const draft = await real.store.create({ headline: this.headline });
    model.ids.push(draft.id);
    model.live.set(draft.id, { saved: { headline: this.headline, body: '', revision: 0 }, named: [] });
  }
  override toString(): string {
    return `create(${JSON.stringify(this.headline)})`;
  }
}

export class SaveCmd extends Cmd {
  constructor(
    readonly index: number,
    readonly headline: string,
    readonly body: string,
  ) {
    super();
  }
  check(model: Readonly<StoreModel>): boolean {
    return model.ids.length > 0;
  }
  protected async act(model: StoreModel, real: RealStore): Promise<void> {
    const id = pick(model, this.index) as string;
    const draft = model.live.get(id);
    const saving = real.store.save(id, articleWith(this.headline, this.body));
    if (draft === undefined) {
      await expect(saving, 'a save of a spiked or purged draft').rejects.toMatchObject({ code: 'NOT_FOUND' });
      return;
    }
    const receipt = await saving;
    expect(receipt.revision).toBe(draft.saved.revision + 1);
    draft.saved = { headline: this.headline, body: this.body, revision: receipt.revision };
    await real.versions.afterSave(id); // as services.ts does after every acknowledged save
  }
  override toString(): string {
    return `save(#${this.index}, ${JSON.stringify(this.headline)}, ${JSON.stringify(this.body)})`;
  }
}

export class SpikeCmd extends Cmd {
  constructor(readonly index: number) {
    super();
  }
  check(model: Readonly<StoreModel>): boolean {
    return model.ids.length > 0;
  }
  protected async act(model: StoreModel, real: RealStore): Promise<void> {
    const id = pick(model, this.index) as string;
    const draft = model.live.get(id);
    if (draft === undefined) {
      await expect(real.store.trash(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      return;
    }
    await real.store.trash(id);
    model.live.delete(id);
    model.spiked.set(id, draft);
  }
  override toString(): string {
    return `spike(#${this.index})`;
  }
}

export class RestoreCmd extends Cmd {
  constructor(readonly index: number) {
    super();
  }
  check(model: Readonly<StoreModel>): boolean {
    return model.ids.length > 0;
  }
  protected async act(model: StoreModel, real: RealStore): Promise<void> {
    const id = pick(model, this.index) as string;
    const draft = model.spiked.get(id);
    if (draft === undefined) {
      await expect(real.store.restore(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      return;
    }
    await real.store.restore(id);
    model.spiked.delete(id);
    model.live.set(id, draft);
  }
  override toString(): string {
    return `restore(#${this.index})`;
  }
}

export class PurgeCmd extends Cmd {
  constructor(readonly index: number) {
    super();
  }
  check(model: Readonly<StoreModel>): boolean {
    return model.ids.length > 0;
  }
  protected async act(model: StoreModel, real: RealStore): Promise<void> {
    const id = pick(model, this.index) as string;
    if (!model.spiked.has(id)) {
      await expect(real.store.purge(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      return;
    }
    await real.store.purge(id);
    model.spiked.delete(id);
  }
  override toString(): string {
    return `purge(#${this.index})`;
  }
}

export class NameVersionCmd extends Cmd {
  constructor(
    readonly index: number,
    readonly name: string,
  ) {
    super();
  }
  check(model: Readonly<StoreModel>): boolean {
    return model.ids.length > 0;
  }
  protected async act(model: StoreModel, real: RealStore): Promise<void> {
    const id = pick(model, this.index) as string;
    const draft = model.live.get(id);
    const naming = real.versions.handlers['versions.name']({ draftId: id, name: this.name });
    if (draft === undefined) {
      await expect(naming, 'naming a version of a spiked or purged draft').rejects.toMatchObject({ code: 'NOT_FOUND' });
      return;
    }
    const meta = await naming;
    expect(meta).toMatchObject({ name: this.name, headline: draft.saved.headline });
    draft.named.push({ versionId: meta.id, name: this.name, headline: draft.saved.headline, body: draft.saved.body });
  }
  override toString(): string {
    return `name(#${this.index}, ${JSON.stringify(this.name)})`;
  }
}

export class RestoreVersionCmd extends Cmd {
  constructor(
    readonly index: number,
    readonly which: number,
  ) {
    super();
  }
  check(model: Readonly<StoreModel>): boolean {
    return [...model.live.values()].some((draft) => draft.named.length > 0);
  }
  protected async act(model: StoreModel, real: RealStore): Promise<void> {
    const withNamed = [...model.live.entries()].filter(([, draft]) => draft.named.length > 0);
    const [id, draft] = withNamed[this.index % withNamed.length]!;
    const version = draft.named[this.which % draft.named.length]!;
    const restored = await real.versions.handlers['versions.restore']({ draftId: id, versionId: version.versionId });
    const next = { headline: version.headline, body: version.body, revision: draft.saved.revision + 1 };
    expect({ headline: restored.article.headline, body: bodyOf(restored.article), revision: restored.revision }).toEqual(next);
    draft.saved = next;
  }
  override toString(): string {
    return `restoreVersion(#${this.index}, named #${this.which})`;
  }
}

/**
 * The app dies and starts again on the same folder. With `cutSaveAfter` set, a save is in flight
 * when it dies: its I/O stops after that many calls (0 = before the temp is opened; past the
 * last call the save completes and is acknowledged). Nothing is flushed: the summary index keeps
 * whatever the last list wrote, so the new run must notice every file that changed since.
 */
export class CrashCmd extends Cmd {
  constructor(readonly cutSave?: { index: number; headline: string; body: string; afterIoCalls: number }) {
    super();
  }
  check(): boolean {
    return true;
  }
  protected async act(model: StoreModel, real: RealStore): Promise<void> {
    const cut = this.cutSave;
    const id = cut === undefined ? undefined : pick(model, cut.index);
    const draft = id === undefined ? undefined : model.live.get(id);
    if (cut !== undefined && id !== undefined && draft !== undefined) {
      const frozen = real.io.freezeAfter(cut.afterIoCalls);
      const saving = real.store.save(id, articleWith(cut.headline, cut.body));
      const next = { headline: cut.headline, body: cut.body, revision: draft.saved.revision + 1 };
      const outcome = await Promise.race([frozen.then(() => 'cut' as const), saving.then(() => 'acknowledged' as const)]);
      if (outcome === 'acknowledged') draft.saved = next;
      else draft.inFlight = next;
    } else {
      real.io.freezeAfter(0).catch(() => undefined);
    }
    // The old store is dropped, frozen; a new run opens the same folder.
    Object.assign(real, await startRun(real.folder, real.runs + 1));
  }
  override toString(): string {
    return this.cutSave === undefined
      ? 'crash()'
      : `crash(save #${this.cutSave.index} cut after ${this.cutSave.afterIoCalls} I/O calls, ${JSON.stringify(this.cutSave.headline)})`;
  }
}

/**
 * Compares everything the store reports with the model: the list (no problems, ever), every live
 * draft's text and revision, the spiked list. Settles a cut save to whichever outcome the disk holds.
 */
export async function checkAgainstModel(model: StoreModel, real: RealStore): Promise<void> {
  const { drafts, problems } = await real.store.list();
  expect(problems).toEqual([]);
  expect(drafts.map((d) => d.id).sort()).toEqual([...model.live.keys()].sort());
  for (const [id, draft] of model.live) {
    const read = await real.store.read(id);
    const onDisk: SavedText = { headline: read.article.headline, body: bodyOf(read.article), revision: read.revision };
    const allowed = draft.inFlight === undefined ? [draft.saved] : [draft.saved, draft.inFlight];
    expect(allowed, `draft ${id}: on disk ${JSON.stringify(onDisk)}`).toContainEqual(onDisk);
    draft.saved = onDisk;
    delete draft.inFlight;
    expect(drafts.find((d) => d.id === id)?.headline).toBe(onDisk.headline);
    // Every named version is still there, under its name (they travel with the draft's folder).
    if (draft.named.length > 0) {
      const { versions } = await real.versions.handlers['versions.list']({ draftId: id });
      const listed = new Map(versions.map((v) => [v.id, v.name]));
      for (const named of draft.named) expect(listed.get(named.versionId), `named version ${named.name}`).toBe(named.name);
    }
  }
  const spiked = await real.store.listSpiked();
  expect(spiked.map((s) => s.id).sort()).toEqual([...model.spiked.keys()].sort());
  for (const entry of spiked) expect(entry.headline).toBe(model.spiked.get(entry.id)?.saved.headline);
}
