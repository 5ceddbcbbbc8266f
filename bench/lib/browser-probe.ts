/**
 * Code that runs inside the measured page. Playwright serialises each exported function with
 * `toString()`, so none of them may refer to anything outside its own body. The app page and the
 * bare reference page get exactly the same functions.
 */

interface TypingProbe {
  samples: number[];
  waitFor(count: number, timeoutMs: number): Promise<number>;
  stop(): void;
}

type ProbeGlobal = { __typingProbe?: TypingProbe; __openProbe?: Promise<number> };

/**
 * Typing latency: from a printable key's keydown (`event.timeStamp`, taken when the browser
 * received the input) until the first task after the frame that follows the DOM showing the
 * character: MutationObserver sees the text → requestAnimationFrame → a MessageChannel message
 * posted from that frame, which runs after the frame was produced.
 */
export function installTypingProbe(selector: string): void {
  const g = globalThis as unknown as ProbeGlobal;
  g.__typingProbe?.stop();
  const target = document.querySelector(selector);
  if (!target) throw new Error(`typing probe: nothing matches ${selector}`);
  const samples: number[] = [];
  const waiters: Array<{ count: number; resolve: (n: number) => void }> = [];
  let pending: number | null = null;
  const notify = (): void => {
    for (const waiter of waiters.splice(0)) {
      if (samples.length >= waiter.count) waiter.resolve(samples.length);
      else waiters.push(waiter);
    }
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey) pending = event.timeStamp;
  };
  const observer = new MutationObserver(() => {
    if (pending === null) return;
    const start = pending;
    pending = null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        samples.push(performance.now() - start);
        channel.port1.close();
        notify();
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(target, { subtree: true, childList: true, characterData: true });
  window.addEventListener('keydown', onKeyDown, true);
  g.__typingProbe = {
    samples,
    waitFor: (count, timeoutMs) =>
      new Promise<number>((resolve, reject) => {
        if (samples.length >= count) {
          resolve(samples.length);
          return;
        }
        const timer = setTimeout(() => reject(new Error(`typing probe: key ${count} never reached the DOM`)), timeoutMs);
        waiters.push({ count, resolve: (n) => (clearTimeout(timer), resolve(n)) });
      }),
    stop: () => {
      observer.disconnect();
      window.removeEventListener('keydown', onKeyDown, true);
    },
  };
}

export function waitForTypingSample(args: { count: number; timeoutMs: number }): Promise<number> {
  const probe = (globalThis as unknown as ProbeGlobal).__typingProbe;
  if (!probe) return Promise.reject(new Error('typing probe not installed'));
  return probe.waitFor(args.count, args.timeoutMs);
}

/** Takes the samples collected so far and stops listening. */
export function takeTypingSamples(): number[] {
  const g = globalThis as unknown as ProbeGlobal;
  const probe = g.__typingProbe;
  if (!probe) throw new Error('typing probe not installed');
  probe.stop();
  delete g.__typingProbe;
  return [...probe.samples];
}

/**
 * Puts the caret in the middle of the document: in the middle block's longest text node, just
 * after the word nearest its middle, and focuses the editable.
 */
export function placeCaretInMiddle(selector: string): string {
  const root = document.querySelector<HTMLElement>(selector);
  if (!root) throw new Error(`caret: nothing matches ${selector}`);
  const blocks = Array.from(root.children).filter((el) => el.tagName === 'P');
  const block = blocks[Math.floor(blocks.length / 2)];
  if (!block) throw new Error('caret: no paragraph');
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let best: Text | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (!best || text.data.length > best.data.length) best = text;
  }
  if (!best) throw new Error('caret: paragraph has no text');
  const middle = Math.floor(best.data.length / 2);
  const space = best.data.indexOf(' ', middle);
  const offset = space < 0 ? best.data.length : space;
  root.focus({ preventScroll: true });
  block.scrollIntoView({ block: 'center' });
  const selection = document.getSelection();
  selection?.collapse(best, offset);
  return best.data.slice(Math.max(0, offset - 20), offset);
}

/** Resolves after `frames` animation frames and then a macrotask: the page has painted. */
export function afterFrames(frames: number): Promise<void> {
  return new Promise((resolve) => {
    let left = frames;
    const step = (): void => {
      left -= 1;
      if (left > 0) requestAnimationFrame(step);
      else setTimeout(resolve, 0);
    };
    requestAnimationFrame(step);
  });
}

/**
 * Opening: from `start` (the pointerdown on the library row, or 0 = the navigation start of a
 * fresh document) until the editable is in the DOM, editable, holds the last block's text, and
 * one frame was produced after that. Resolves with the elapsed milliseconds.
 */
export function watchOpen(args: { selector: string; lastText: string; fromPointerDown: boolean }): void {
  const g = globalThis as unknown as ProbeGlobal;
  let start = args.fromPointerDown ? Number.NaN : 0;
  if (args.fromPointerDown) {
    window.addEventListener('pointerdown', (event) => (start = event.timeStamp), { capture: true, once: true });
  }
  g.__openProbe = new Promise<number>((resolve) => {
    const ready = (): boolean => {
      const root = document.querySelector<HTMLElement>(args.selector);
      return !!root && root.isContentEditable && (root.lastElementChild?.textContent ?? '').endsWith(args.lastText);
    };
    const finish = (): void => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(() => {
      if (!Number.isNaN(start) && ready()) {
        observer.disconnect();
        finish();
      }
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

export function openResult(): Promise<number> {
  const probe = (globalThis as unknown as ProbeGlobal).__openProbe;
  if (!probe) return Promise.reject(new Error('open probe not installed'));
  return probe;
}
