import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, type AutosaveTimers, type SaveState } from './autosave';

/** vitest's fake timers also fake Date, so `now` and the timers move together. */
const timers: AutosaveTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

interface Deferred {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A save function whose calls the test completes by hand, recording when each started. */
function manualSave() {
  const calls: { value: string; at: number; done: Deferred }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const save = vi.fn((value: string) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<{ savedAt: Date }>((resolve, reject) => {
      const finish = () => (inFlight -= 1);
      calls.push({
        value,
        at: Date.now(),
        done: {
          resolve: () => (finish(), resolve({ savedAt: new Date() })),
          reject: (error) => (finish(), reject(error)),
        },
      });
    });
  });
  return { save, calls, maxInFlight: () => maxInFlight };
}

/** A save function that succeeds at once. */
function instantSave() {
  const calls: { value: string; at: number }[] = [];
  const save = vi.fn(async (value: string) => {
    calls.push({ value, at: Date.now() });
    return { savedAt: new Date() };
  });
  return { save, calls };
}

const flushMicrotasks = () => vi.advanceTimersByTimeAsync(0);

describe('Autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2025, 2, 12, 10, 0, 0));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once, about 1 s after the last change, with the latest value', async () => {
    const { save, calls } = instantSave();
    const autosave = new Autosave<string>({ save, timers });
    autosave.change('a');
    await vi.advanceTimersByTimeAsync(500);
    autosave.change('ab');
    await vi.advanceTimersByTimeAsync(999);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([{ value: 'ab', at: Date.now() }]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(autosave.state.kind).toBe('saved');
  });

  it('saves at least every 5 s while typing continues', async () => {
    const { save, calls } = instantSave();
    const autosave = new Autosave<string>({ save, timers });
    const start = Date.now();
    let text = '';
    // A keystroke every 200 ms for 16 s: the 1 s quiet period never comes.
    for (let i = 0; i < 80; i += 1) {
      text += 'x';
      autosave.change(text);
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(calls.length).toBeGreaterThanOrEqual(3);
    const times = [start, ...calls.map((c) => c.at)];
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(5000);
    // Once typing stops, the last text follows about 1 s later.
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.at(-1)?.value).toBe(text);
  });

  it('keeps a due save due while keystrokes keep coming, so steady fast typing still reaches the disk about every second', async () => {
    const { save, calls } = instantSave();
    // As in the app: a save that falls due also waits for an idle moment (here always the full 500 ms).
    const idleTimers: AutosaveTimers = { ...timers, setTimeout: (callback, ms) => setTimeout(callback, ms + 500) };
    const autosave = new Autosave<string>({ save, timers: idleTimers, maxWaitMs: 400 });
    const start = Date.now();
    let text = '';
    // A keystroke every 40 ms for 6 s: no pause at all.
    for (let i = 0; i < 150; i += 1) {
      text += 'x';
      autosave.change(text);
      await vi.advanceTimersByTimeAsync(40);
    }
    const times = [start, ...calls.map((c) => c.at)];
    expect(calls.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(1_000);
  });

  it('does not save when nothing changed', async () => {
    const { save } = instantSave();
    const autosave = new Autosave<string>({ save, timers });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await autosave.flush()).toBe(true);
    expect(save).not.toHaveBeenCalled();
  });

  it('never has two saves in flight and sends the latest value next', async () => {
    const { save, calls, maxInFlight } = manualSave();
    const autosave = new Autosave<string>({ save, timers });
    autosave.change('one');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.map((c) => c.value)).toEqual(['one']);

    autosave.change('two');
    autosave.change('three');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);

    calls[0]!.done.resolve();
    await flushMicrotasks();
    expect(calls.map((c) => c.value)).toEqual(['one', 'three']);
    calls[1]!.done.resolve();
    await flushMicrotasks();
    expect(maxInFlight()).toBe(1);
    expect(autosave.state.kind).toBe('saved');
  });

  it('keeps the text dirty after a failure, reports the message and retries only on change or retry', async () => {
    const states: SaveState[] = [];
    const { save, calls } = manualSave();
    const autosave = new Autosave<string>({ save, timers, onState: (s) => states.push(s) });
    autosave.change('story');
    await vi.advanceTimersByTimeAsync(1000);
    calls[0]!.done.reject(new Error('The disk is full. Your text is still in the editor.'));
    await flushMicrotasks();
    expect(autosave.state).toEqual({ kind: 'failed', message: 'The disk is full. Your text is still in the editor.' });
    expect(autosave.hasUnsavedChanges).toBe(true);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);

    // The next change tries again after the usual pause, with the newest text.
    autosave.change('story, longer');
    expect(autosave.state.kind).toBe('failed');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.map((c) => c.value)).toEqual(['story', 'story, longer']);
    calls[1]!.done.reject(new Error('The disk is full. Your text is still in the editor.'));
    await flushMicrotasks();

    // Retry sends at once.
    const retried = autosave.retry();
    await flushMicrotasks();
    expect(calls.map((c) => c.value)).toEqual(['story', 'story, longer', 'story, longer']);
    calls[2]!.done.resolve();
    expect(await retried).toBe(true);
    expect(autosave.state.kind).toBe('saved');
    expect(states.map((s) => s.kind)).toEqual(['dirty', 'saving', 'failed', 'saving', 'failed', 'saving', 'saved']);
  });

  it('flush saves immediately when dirty and resolves once it is on disk', async () => {
    const { save, calls } = manualSave();
    const autosave = new Autosave<string>({ save, timers });
    autosave.change('quick');
    const flushed = autosave.flush();
    await flushMicrotasks();
    expect(calls.map((c) => c.value)).toEqual(['quick']);
    calls[0]!.done.resolve();
    expect(await flushed).toBe(true);
    // The debounce timer was cancelled: no second save later.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush waits for a save in flight, then sends what changed meanwhile', async () => {
    const { save, calls, maxInFlight } = manualSave();
    const autosave = new Autosave<string>({ save, timers });
    autosave.change('first');
    await vi.advanceTimersByTimeAsync(1000);
    autosave.change('second');
    const flushed = autosave.flush();
    await flushMicrotasks();
    expect(calls.map((c) => c.value)).toEqual(['first']);
    calls[0]!.done.resolve();
    await flushMicrotasks();
    expect(calls.map((c) => c.value)).toEqual(['first', 'second']);
    calls[1]!.done.resolve();
    expect(await flushed).toBe(true);
    expect(maxInFlight()).toBe(1);
  });

  it('flush reports false when the save fails', async () => {
    const save = vi.fn(async () => {
      throw new Error('The drafts folder is read-only.');
    });
    const autosave = new Autosave<string>({ save, timers });
    autosave.change('text');
    expect(await autosave.flush()).toBe(false);
    expect(autosave.state).toEqual({ kind: 'failed', message: 'The drafts folder is read-only.' });
  });

  it('hands out unsaved text once, never saves it, and holds leaving until the text is kept elsewhere', async () => {
    const { save, calls } = instantSave();
    const autosave = new Autosave<string>({ save, timers });
    autosave.change('local edits');
    expect(await autosave.takeUnsaved()).toBe('local edits');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual([]);
    // Not on disk and not yet copied: leaving (which flushes first) must wait.
    expect(await autosave.flush()).toBe(false);
    autosave.release();
    expect(await autosave.flush()).toBe(true);
    expect(calls).toEqual([]);
  });

  it('has nothing to hand out, and nothing to hold, when everything was saved', async () => {
    const { save } = instantSave();
    const autosave = new Autosave<string>({ save, timers });
    autosave.change('saved text');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await autosave.takeUnsaved()).toBeUndefined();
    expect(await autosave.flush()).toBe(true);
  });
});
