export { ARTICLE_TRANSFORMERS, BODY_HEADING, SAFE_LINK } from '../../shared/editor/markdown-transformers';
