import { writeSync } from 'node:fs';
import { FileCms } from './kill9-cms';
import { OutboxStore } from './outbox-store';
import { OutboxWorker } from './worker';

/**
 * The child of the outbox kill -9 test (kill9.test.ts bundles it with rolldown, since Node 20
 * cannot run TypeScript): opens the real store in argv[2] and drains it with the real worker into
 * the file CMS argv[3], with 0–3 ms of "network" on each leg so the kill lands in every phase.
 * Writes `recovered <n>` and `ready` at start, `done` (then exits) when nothing is left.
 */
const [folder, cmsLog] = process.argv.slice(2);
if (folder === undefined || cmsLog === undefined) throw new Error('usage: kill9-child <folder> <cms log>');

const travel = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
const store = await OutboxStore.open({ folder });
const worker = new OutboxWorker({ store, transport: new FileCms(cmsLog, travel), reconcileAfterMs: 0 });
writeSync(1, `recovered ${store.recovered.length}\n`);
await worker.start();
writeSync(1, 'ready\n');
const poll = setInterval(() => {
  if (worker.pendingCount() > 0) return;
  clearInterval(poll);
  writeSync(1, 'done\n');
  process.exit(0);
}, 1);
