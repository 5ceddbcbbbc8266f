import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

/**
 * Bundles a TypeScript entry (and the real code it imports) into one ESM file that a plain
 * `node` child process can run: the kill -9 tests must kill a process running our actual writer,
 * not a copy. Test support only; no app code imports it.
 */
export async function bundleForChild(entry: URL, outFile: string): Promise<string> {
  await build({ input: fileURLToPath(entry), platform: 'node', logLevel: 'silent', output: { file: outFile, format: 'esm' } });
  return outFile;
}
