import { AppFailureMessage, ImportError } from './messages';
import { buildArticle, type ImportedArticle } from './build-body';
import { IMPORT_MAX_BYTES } from './formats';


type Format = 'docx' | 'markdown' | 'html' | 'text';

function formatOf(name: string): Format | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (extension) {
    case 'docx':
      return 'docx';
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'html':
    case 'htm':
      return 'html';
    case 'txt':
      return 'text';
    default:
      return null;
  }
}

/** Text files are read as UTF-8; a file full of replacement characters was not text at all. */
async function readText(file: File): Promise<string> {
  const text = await file.text();
  const broken = (text.match(/\uFFFD/g) ?? []).length;
  if (text.includes('\u0000') || (text.length > 0 && broken / text.length > 0.01)) {
    throw new ImportError(AppFailureMessage.unreadable(file.name));
  }
  return text.replace(/^\uFEFF/, '');
}

async function docxToHtml(file: File): Promise<string> {
  // Loaded only when a .docx is imported: mammoth is large and not needed to start the app.
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml({ arrayBuffer: await file.arrayBuffer() });
    return result.value;
  } catch {
    throw new ImportError(AppFailureMessage.unreadable(file.name));
  }
}

/** Reads a chosen file into an article; every failure is an Error with a plain message. */
export async function articleFromFile(file: File): Promise<ImportedArticle> {
  const format = formatOf(file.name);
  if (!format) throw new ImportError(AppFailureMessage.unsupported(file.name));
  if (file.size > IMPORT_MAX_BYTES) throw new ImportError(AppFailureMessage.tooBig(file.name));
  if (file.size === 0) throw new ImportError(AppFailureMessage.empty(file.name));
  let article: ImportedArticle;
  try {
    switch (format) {
      case 'docx':
        article = buildArticle({ kind: 'html', html: await docxToHtml(file) });
        break;
      case 'markdown':
        article = buildArticle({ kind: 'markdown', text: await readText(file) });
        break;
      case 'html':
        article = buildArticle({ kind: 'html', html: await readText(file) });
        break;
      case 'text':
        article = buildArticle({ kind: 'text', text: await readText(file) });
        break;
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(AppFailureMessage.unreadable(file.name));
  }
  if (!article.headline && article.body.root.children.every((node) => JSON.stringify(node).indexOf('"text":"') === -1)) {
    throw new ImportError(AppFailureMessage.empty(file.name));
  }
  return article;
}
