import type { EditorThemeClasses } from 'lexical';

/**
 * Lexical writes these class names onto the DOM it renders; editor.css styles them. Keeping the
 * names prefixed (`nr-`) avoids clashes with app chrome styles.
 */
export const articleTheme: EditorThemeClasses = {
  paragraph: 'nr-p',
  heading: { h2: 'nr-h2', h3: 'nr-h3' },
  quote: 'nr-quote',
  list: {
    ul: 'nr-ul',
    ol: 'nr-ol',
    listitem: 'nr-li',
    nested: { listitem: 'nr-li-nested' },
  },
  link: 'nr-link',
  pullQuote: 'nr-pull-quote',
  hr: 'nr-hr',
  hrSelected: 'nr-hr-selected',
  // Comment anchors (MarkNode), styled in features/review/comments/comments.css.
  mark: 'nr-mark',
  markOverlap: 'nr-mark-overlap',
  text: {
    bold: 'nr-bold',
    italic: 'nr-italic',
    underline: 'nr-underline',
    strikethrough: 'nr-strikethrough',
    underlineStrikethrough: 'nr-underline-strikethrough',
  },
};
