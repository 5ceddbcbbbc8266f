// @vitest-environment jsdom
import { createHeadlessEditor } from '@lexical/headless';
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import { $createTextNode, $getRoot, $insertNodes, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  $createEmbedNode,
  $createHorizontalRuleNode,
  $createImageNode,
  $createPullQuoteNode,
  $isEmbedNode,
  $isPullQuoteNode,
  ARTICLE_NODES,
} from './index';

function makeEditor(): LexicalEditor {
  return createHeadlessEditor({ namespace: 'dom-test', nodes: [...ARTICLE_NODES], onError: (e) => { throw e; } });
}

function exportHtml(editor: LexicalEditor): string {
  let html = '';
  editor.update(
    () => {
      $getRoot()
        .clear()
        .append(
          $createPullQuoteNode('Ana "Ruiz" <mayor>').append($createTextNode('We will <rebuild> it.')),
          $createHorizontalRuleNode(),
          $createImageNode({ asset: 'a1b2c3d4e5f60718.png', alt: 'x" onerror="alert(1)', caption: '<img src=x onerror=alert(1)>', credit: 'AP' }),
          $createEmbedNode('https://x.com/desk/status/1'),
        );
      html = $generateHtmlFromNodes(editor);
    },
    { discrete: true },
  );
  return html;
}

describe('article nodes: HTML export (copy) and import (paste)', () => {
  it('exports a pull quote as figure/blockquote/figcaption and the rest without live content', () => {
    const html = exportHtml(makeEditor());
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const figure = doc.querySelector('figure.pull-quote');
    expect(figure?.querySelector('blockquote > p')?.textContent).toBe('We will <rebuild> it.');
    expect(figure?.querySelector('figcaption')?.textContent).toBe('Ana "Ruiz" <mayor>');
    expect(doc.querySelector('hr')).not.toBeNull();
    expect(doc.querySelector('figure.article-image')?.getAttribute('data-asset')).toBe('a1b2c3d4e5f60718.png');
    expect(doc.querySelector('figure.embed a')?.getAttribute('href')).toBe('https://x.com/desk/status/1');
    // Nothing executable: no element carries an event handler, no script, no img is created.
    expect(doc.querySelectorAll('script, img, iframe')).toHaveLength(0);
    const attributes = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name));
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
  });

  it('imports its own export back as a pull quote with attribution and an embed', () => {
    const source = makeEditor();
    const html = exportHtml(source);
    const target = makeEditor();
    target.update(
      () => {
        $getRoot().clear().selectEnd();
        $insertNodes($generateNodesFromDOM(target, new DOMParser().parseFromString(html, 'text/html')));
      },
      { discrete: true },
    );
    target.getEditorState().read(() => {
      const quote = $getRoot().getChildren().find($isPullQuoteNode);
      expect(quote?.getAttribution()).toBe('Ana "Ruiz" <mayor>');
      expect(quote?.getTextContent()).toBe('We will <rebuild> it.');
      expect(quote?.getChildren().every((child) => child.isInline())).toBe(true);
      expect($getRoot().getChildren().find($isEmbedNode)?.getUrl()).toBe('https://x.com/desk/status/1');
    });
  });

  it('does not turn a hostile embed figure into an embed', () => {
    const editor = makeEditor();
    const html = '<figure class="embed"><a href="javascript:alert(1)">click</a></figure>';
    editor.update(
      () => {
        $getRoot().clear().selectEnd();
        $insertNodes($generateNodesFromDOM(editor, new DOMParser().parseFromString(html, 'text/html')));
      },
      { discrete: true },
    );
    expect(JSON.stringify(editor.getEditorState().toJSON())).not.toContain('"type":"embed"');
  });

  it('shows the attribution in the editor DOM through data-attribution', () => {
    const editor = makeEditor();
    editor.update(
      () => {
        const quote = $createPullQuoteNode('Ana Ruiz');
        const dom = quote.createDOM(editor._config);
        expect(dom.tagName).toBe('ASIDE');
        expect(dom.className).toBe('pull-quote');
        expect(dom.getAttribute('data-attribution')).toBe('Ana Ruiz');
      },
      { discrete: true },
    );
  });
});
