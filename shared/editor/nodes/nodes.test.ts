import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor, type SerializedEditorState } from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  $createEmbedNode,
  $createHorizontalRuleNode,
  $createImageNode,
  $createPullQuoteNode,
  $isEmbedNode,
  $isHorizontalRuleNode,
  $isImageNode,
  $isPullQuoteNode,
  ARTICLE_NODES,
  embedProviderOf,
  ImageNode,
  type ImageData,
  type SerializedImageNode,
} from './index';

const ASSET = 'a1b2c3d4e5f60718.png';

function makeEditor(nodes = ARTICLE_NODES): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'nodes-test',
    nodes: [...nodes],
    onError: (error) => {
      throw error;
    },
  });
}

function buildDocument(editor: LexicalEditor): SerializedEditorState {
  editor.update(
    () => {
      const quote = $createPullQuoteNode('Ana Ruiz, mayor');
      quote.append($createTextNode('We will rebuild the bridge.'));
      const intro = $createParagraphNode().append($createTextNode('The river rose overnight.'));
      $getRoot()
        .clear()
        .append(
          intro,
          quote,
          $createHorizontalRuleNode(),
          $createImageNode({ asset: ASSET, alt: 'The flooded square', caption: 'Plaza Mayor at dawn', credit: 'Photo: J. Pérez' }),
          $createImageNode({ missingSource: 'IMG_2041.jpg' }),
          $createEmbedNode('https://www.youtube.com/watch?v=abc123'),
        );
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON();
}

/** A saved document with one node's JSON replaced, as a damaged or hostile file would hold it. */
function documentWith(node: Record<string, unknown>): string {
  return JSON.stringify({
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [node] },
  });
}

describe('article nodes: JSON', () => {
  it('round-trips every node with its data', () => {
    const first = buildDocument(makeEditor());
    const second = makeEditor();
    second.setEditorState(second.parseEditorState(first));
    expect(second.getEditorState().toJSON()).toEqual(first);

    second.getEditorState().read(() => {
      const [intro, quote, rule, image, placeholder, embed] = $getRoot().getChildren();
      expect(intro?.getTextContent()).toBe('The river rose overnight.');
      expect($isPullQuoteNode(quote) && quote.getAttribution()).toBe('Ana Ruiz, mayor');
      expect(quote?.getTextContent()).toBe('We will rebuild the bridge.');
      expect($isHorizontalRuleNode(rule)).toBe(true);
      expect($isImageNode(image) && image.getData()).toEqual<ImageData>({
        asset: ASSET,
        alt: 'The flooded square',
        caption: 'Plaza Mayor at dawn',
        credit: 'Photo: J. Pérez',
      });
      expect($isImageNode(placeholder) && placeholder.getData()).toEqual<ImageData>({
        asset: null,
        alt: '',
        caption: '',
        credit: '',
        missingSource: 'IMG_2041.jpg',
      });
      expect($isEmbedNode(embed) && [embed.getUrl(), embed.getProvider()]).toEqual([
        'https://www.youtube.com/watch?v=abc123',
        'youtube',
      ]);
    });
  });

  it('writes the documented JSON shapes', () => {
    const json = buildDocument(makeEditor());
    const [, quote, rule, image, , embed] = json.root.children;
    expect(quote).toMatchObject({ type: 'pullquote', version: 1, attribution: 'Ana Ruiz, mayor' });
    expect(rule).toMatchObject({ type: 'horizontalrule', version: 1 });
    expect(image).toEqual({
      type: 'article-image',
      version: 1,
      asset: ASSET,
      alt: 'The flooded square',
      caption: 'Plaza Mayor at dawn',
      credit: 'Photo: J. Pérez',
    });
    expect(embed).toEqual({ type: 'embed', version: 1, url: 'https://www.youtube.com/watch?v=abc123' });
  });

  it.each([
    ['an embed of a javascript: URL', { type: 'embed', version: 1, url: 'javascript:alert(1)' }, /embed.*url/],
    ['an embed of a data: URL', { type: 'embed', version: 1, url: 'data:text/html,<script>1</script>' }, /embed/],
    ['an embed of a mailto: address', { type: 'embed', version: 1, url: 'mailto:desk@example.com' }, /embed/],
    ['an embed without a url', { type: 'embed', version: 1 }, /embed.*url/],
    ['an image whose asset is a path', { type: 'article-image', version: 1, asset: '../../etc/passwd', alt: '', caption: '', credit: '' }, /article-image.*asset/],
    ['an image whose asset is a URL', { type: 'article-image', version: 1, asset: 'https://evil.test/x.png', alt: '', caption: '', credit: '' }, /asset/],
    ['an image without alt', { type: 'article-image', version: 1, asset: null, caption: '', credit: '' }, /alt/],
    ['an image caption that is not text', { type: 'article-image', version: 1, asset: null, alt: '', caption: 5, credit: '' }, /caption/],
    ['a pull quote with an overlong attribution', { type: 'pullquote', version: 1, children: [], direction: null, format: '', indent: 0, attribution: 'x'.repeat(301) }, /pullquote.*attribution/],
    ['a pull quote without attribution', { type: 'pullquote', version: 1, children: [], direction: null, format: '', indent: 0 }, /attribution/],
  ])('refuses to load %s', (_label, node, message) => {
    const editor = makeEditor();
    expect(() => editor.parseEditorState(documentWith(node))).toThrow(message);
  });

  it('refuses unsafe embed addresses at creation and on update', () => {
    const editor = makeEditor();
    editor.update(
      () => {
        expect(() => $createEmbedNode('javascript:alert(1)')).toThrow(/web address/);
        expect(() => $createEmbedNode('https://user:pass@example.com/')).toThrow(/web address/);
        expect(() => $createEmbedNode('ftp://example.com/file')).toThrow(/web address/);
        const embed = $createEmbedNode('  https://x.com/desk/status/1  ');
        expect(embed.getUrl()).toBe('https://x.com/desk/status/1');
        expect(() => embed.setUrl('javascript:void(0)')).toThrow();
        expect(embed.getUrl()).toBe('https://x.com/desk/status/1');
      },
      { discrete: true },
    );
  });

  it('validates image data set in the editor, and keeps attribution to one line', () => {
    const editor = makeEditor();
    editor.update(
      () => {
        const image = $createImageNode();
        expect(image.getData()).toEqual({ asset: null, alt: '', caption: '', credit: '' });
        expect(() => image.setData({ asset: 'evil.svg' })).toThrow(/asset/);
        image.setData({ asset: ASSET, caption: 'New caption' });
        expect(image.getData()).toMatchObject({ asset: ASSET, caption: 'New caption' });
        const quote = $createPullQuoteNode('  Ana\nRuiz  ');
        expect(quote.getAttribution()).toBe('Ana Ruiz');
        expect(quote.setAttribution('y'.repeat(400)).getAttribution()).toHaveLength(300);
      },
      { discrete: true },
    );
  });
});

describe('embedProviderOf', () => {
  it.each([
    ['https://www.youtube.com/watch?v=abc', 'youtube'],
    ['https://youtu.be/abc', 'youtube'],
    ['https://m.youtube.com/watch?v=abc', 'youtube'],
    ['https://x.com/user/status/1', 'x'],
    ['https://twitter.com/user/status/1', 'x'],
    ['https://www.instagram.com/p/abc/', 'instagram'],
    ['https://notyoutube.com/watch', 'link'],
    ['https://youtube.com.evil.test/watch', 'link'],
    ['https://example.com/story', 'link'],
    ['not a url', 'link'],
  ])('%s is %s', (url, provider) => {
    expect(embedProviderOf(url)).toBe(provider);
  });
});

describe('subclassing the headless nodes', () => {
  // The documented pattern: only decorate(), plus importJSON delegated to silence Lexical's dev warning.
  class DrawnImageNode extends ImageNode {
    static override importJSON(json: SerializedImageNode): ImageNode {
      return super.importJSON(json);
    }

    override decorate(): unknown {
      return `drawn ${this.getData().asset ?? 'placeholder'}`;
    }
  }

  it('builds the registered subclass from JSON, on clone and through $createImageNode', () => {
    const json = buildDocument(makeEditor());
    const nodes = ARTICLE_NODES.filter((klass) => klass !== ImageNode).concat(DrawnImageNode);
    const editor = makeEditor(nodes);
    editor.setEditorState(editor.parseEditorState(json));
    editor.update(
      () => {
        const image = $getRoot().getChildren()[3];
        expect(image).toBeInstanceOf(DrawnImageNode);
        expect($isImageNode(image)).toBe(true);
        // A plain writable copy (a move, a selection change) keeps the data.
        expect((image as ImageNode).getWritable().getData().asset).toBe(ASSET);
        const edited = (image as ImageNode).setData({ caption: 'Edited' });
        expect(edited).toBeInstanceOf(DrawnImageNode);
        expect($createImageNode()).toBeInstanceOf(DrawnImageNode);
      },
      { discrete: true },
    );
    expect(editor.getEditorState().toJSON().root.children[3]).toMatchObject({ caption: 'Edited' });
  });
});
