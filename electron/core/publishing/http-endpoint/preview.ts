import type { Article } from '../../../../shared/model/article';
import { renderBodyHtml } from '../../../../shared/editor/render-html';
import type { MappingPreview } from '../adapter';
import { IMAGE_PLACEHOLDER_PREFIX } from './payload';

/** What an in-house CMS receives: every story field under its payload name; only the editorial note stays home. */
export function previewFor(article: Article): MappingPreview {
  const image = article.featuredImage;
  const sent = [
    { field: 'headline', value: article.headline },
    { field: 'standfirst', value: article.standfirst },
    { field: 'byline', value: article.byline.join(', ') },
    { field: 'section', value: article.section },
    { field: 'tags', value: article.tags.join(', ') },
    { field: 'slug', value: article.slug },
    { field: 'dateline', value: [article.dateline.place, article.dateline.date].filter(Boolean).join(', ') },
    { field: 'seoTitle', value: article.seoTitle },
    { field: 'seoDescription', value: article.seoDescription },
    { field: 'featuredImage', value: image ? [image.alt, image.caption, image.credit].filter(Boolean).join(' · ') : '' },
  ];
  const lost = article.editorialNote.trim() === '' ? [] : ['Editorial note (for the desk only: never sent)'];
  return { sent, lost, body: renderBodyHtml(article.body, { imageUrl: (asset) => `${IMAGE_PLACEHOLDER_PREFIX}${asset}` }) };
}
