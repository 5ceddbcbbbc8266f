import type { Template } from '../../../shared/model/templates';
import { paragraphsBody } from './paragraphs-body';

/**
 * The templates every desk starts with. They cannot be changed or deleted (a desk that wants a
 * different "Breaking news" adds its own); their ids are fixed so a renderer can tell them apart.
 * The capitalised placeholders are meant to be typed over.
 */
export const BUILT_IN_TEMPLATES: readonly Template[] = [
  {
    id: 'builtin-breaking-news',
    name: 'Breaking news',
    builtIn: true,
    article: {
      headline: '',
      section: 'News',
      tags: ['Breaking'],
      body: paragraphsBody([
        'WHAT HAPPENED, WHERE, WHEN — in one sentence.',
        'WHO IS AFFECTED, and what the authorities say.',
        'More to follow.',
      ]),
    },
  },
  {
    id: 'builtin-interview',
    name: 'Interview',
    builtIn: true,
    article: {
      headline: '',
      standfirst: 'WHO they are, and why they matter now — in one or two sentences.',
      tags: ['Interview'],
      body: paragraphsBody([
        'INTRODUCTION: where and when you spoke, and what about.',
        [{ text: 'Q: ', bold: true }, { text: 'FIRST QUESTION', bold: true }],
        'A: THEIR ANSWER.',
        [{ text: 'Q: ', bold: true }, { text: 'NEXT QUESTION', bold: true }],
        'A: THEIR ANSWER.',
      ]),
    },
  },
  {
    id: 'builtin-analysis',
    name: 'Analysis',
    builtIn: true,
    article: {
      headline: '',
      standfirst: 'THE QUESTION this piece answers, and the short answer.',
      tags: ['Analysis'],
      body: paragraphsBody([
        'THE NEWS in one paragraph: what happened that this explains.',
        'WHY IT MATTERS: who it affects and how.',
        'THE EVIDENCE: figures, sources, what others say.',
        'WHAT COMES NEXT.',
      ]),
    },
  },
];

export const isBuiltInId = (id: string): boolean => BUILT_IN_TEMPLATES.some((template) => template.id === id);
