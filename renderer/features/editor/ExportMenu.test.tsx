import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { ExportMenu } from './ExportMenu';

const ID = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';

let bridge: ReturnType<typeof installFakeBridge> | undefined;
let downloads: { name: string; blob: Blob }[];
const blobs = new Map<string, Blob>();

beforeEach(() => {
  downloads = [];
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${(n += 1)}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(() => {
  cleanup();
  bridge?.uninstall();
  vi.restoreAllMocks();
});

async function choose(label: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Export' }));
  fireEvent.click(screen.getByRole('menuitem', { name: label }));
  await act(async () => {});
}

describe('ExportMenu', () => {
  it('offers the four formats', () => {
    render(<ExportMenu draftId={ID} flush={async () => true} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Web page (.html)',
      'Markdown (.md)',
      'Plain text (.txt)',
      'Word (.docx)',
    ]);
  });

  it('saves first, then downloads the exported text file', async () => {
    const order: string[] = [];
    bridge = installFakeBridge({
      'drafts.export': (input) => {
        order.push('export');
        return ok({ fileName: 'storm-closes-port.md', mediaType: 'text/markdown', encoding: 'utf8', data: `# Storm\n${JSON.stringify(input)}` });
      },
    });
    const flush = vi.fn(async () => {
      order.push('flush');
      return true;
    });
    render(<ExportMenu draftId={ID} flush={flush} />);
    await choose('Markdown (.md)');
    expect(order).toEqual(['flush', 'export']);
    expect(bridge.callsTo('drafts.export')).toEqual([{ id: ID, format: 'md' }]);
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toBe('storm-closes-port.md');
    expect(await downloads[0]!.blob.text()).toContain('# Storm');
    expect(screen.getByRole('status').textContent).toBe('Exported storm-closes-port.md');
  });

  it('decodes a base64 .docx into bytes', async () => {
    bridge = installFakeBridge({
      'drafts.export': () => ok({ fileName: 'a.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', encoding: 'base64', data: btoa('PK\u0003\u0004rest') }),
    });
    render(<ExportMenu draftId={ID} flush={async () => true} />);
    await choose('Word (.docx)');
    const bytes = new Uint8Array(await downloads[0]!.blob.arrayBuffer());
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 3, 4]);
  });

  it('does not export when the save failed, and says so', async () => {
    bridge = installFakeBridge({ 'drafts.export': () => ok({ fileName: 'x.txt', mediaType: 'text/plain', encoding: 'utf8', data: 'x' }) });
    render(<ExportMenu draftId={ID} flush={async () => false} />);
    await choose('Plain text (.txt)');
    expect(bridge.callsTo('drafts.export')).toEqual([]);
    expect(downloads).toEqual([]);
    expect(screen.getByRole('alert').textContent).toMatch(/could not be saved/);
  });

  it('shows the plain message of a failed export', async () => {
    bridge = installFakeBridge({ 'drafts.export': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'This draft no longer exists.' } }) });
    render(<ExportMenu draftId={ID} flush={async () => true} />);
    await choose('Web page (.html)');
    expect(screen.getByRole('alert').textContent).toBe('This draft no longer exists.');
  });

  it('exports with comments and suggestions only when asked, and remembers the choice', async () => {
    bridge = installFakeBridge({ 'drafts.export': () => ok({ fileName: 'x.html', mediaType: 'text/html', encoding: 'utf8', data: 'x' }) });
    render(<ExportMenu draftId={ID} flush={async () => true} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const include = screen.getByRole('menuitemcheckbox', { name: /Include comments and suggestions/ });
    expect(include.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(include);
    expect(include.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Web page (.html)' }));
    await act(async () => {});
    await choose('Plain text (.txt)');
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    fireEvent.click(screen.getByRole('menuitemcheckbox', { name: /Include comments/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Word (.docx)' }));
    await act(async () => {});
    expect(bridge.callsTo('drafts.export')).toEqual([
      { id: ID, format: 'html', review: true },
      { id: ID, format: 'txt', review: true },
      { id: ID, format: 'docx' },
    ]);
  });
});
