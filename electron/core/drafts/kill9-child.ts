import { writeSync } from 'node:fs';
import { DraftStore } from './draft-store';
import { articleWith } from './testing';

/**
 * The child of the kill -9 test (kill9.test.ts bundles it with rolldown, since Node 20 cannot
 * run TypeScript): opens the real store on argv[2] and saves draft argv[3] in a loop, headline
 * `seq <n>`, about 200 KB each, as the experiment in notes/reliability.md §2.2. After each save
 * resolves it writes `<n>\n` to stdout with a synchronous write, so a line the parent read is a
 * save that was acknowledged before the kill.
 */
const [folder, id] = process.argv.slice(2);
if (folder === undefined || id === undefined) throw new Error('usage: kill9-child <folder> <draft id>');

const store = await DraftStore.open({ folder });
const padding = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(3_500);
for (let seq = 1; ; seq += 1) {
  await store.save(id, articleWith(`seq ${seq}`, padding));
  writeSync(1, `${seq}\n`);
}
