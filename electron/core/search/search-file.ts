import { join } from 'node:path';
import type { FileIo } from '../fs/file-io';
import { IndexFile } from '../library/index-file';
import type { Logger } from '../ports';
import { SearchIndex } from './search-index';

/**
 * `<index>/search.json`: the search index with the stamp of every draft it holds. Anything that
 * does not load (missing, cut short, another version, MiniSearch refusing it) means a rebuild
 * from the drafts, never an error: the drafts are the truth, this is a cache.
 */
export class SearchFile {
  private readonly file: IndexFile;

  constructor(indexDir: string, current: () => SearchIndex | undefined, options: { io: FileIo; logger: Logger }) {
    this.file = new IndexFile(join(indexDir, 'search.json'), () => JSON.stringify(current() ?? null), options);
  }

  async load(logger: Logger): Promise<SearchIndex> {
    const read = await this.file.read();
    if (read.kind === 'missing') return SearchIndex.empty();
    if (read.kind === 'damaged') {
      logger.warn('search index unreadable, rebuilding it', { reason: read.reason });
      return SearchIndex.empty();
    }
    try {
      return await SearchIndex.fromJSON(read.json);
    } catch (error) {
      logger.warn('search index not usable, rebuilding it', { error: String(error).slice(0, 300) });
      return SearchIndex.empty();
    }
  }

  async save(): Promise<void> {
    this.file.changed();
    await this.file.flush();
  }

  settle(): Promise<void> {
    return this.file.settle();
  }
}
