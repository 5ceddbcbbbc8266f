import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender';

const main = (url: string) => ({ url, parent: null });

describe('isTrustedSender (S6)', () => {
  it('accepts the main frame of our app', () => {
    expect(isTrustedSender(main('app://newsroom/index.html'))).toBe(true);
    expect(isTrustedSender(main('app://newsroom/index.html#/drafts'))).toBe(true);
  });

  it.each([
    ['null frame', null],
    ['undefined frame', undefined],
    ['foreign origin', main('https://evil.example/')],
    ['look-alike app host', main('app://newsroom.evil/index.html')],
    ['app host with port', main('app://newsroom:1/index.html')],
    ['credentials', main('app://x@newsroom/index.html')],
    ['sub-frame of our page', { url: 'app://newsroom/index.html', parent: main('app://newsroom/index.html') }],
    ['about:blank', main('about:blank')],
    ['about:srcdoc', main('about:srcdoc')],
    ['malformed URL', main('::not a url::')],
    ['empty URL', main('')],
    ['file://', main('file:///work/main/dist/index.html')],
    ['data:', main('data:text/html,hi')],
    ['dev server not passed', main('http://localhost:5173/')],
    ['parent missing (undefined is not null)', { url: 'app://newsroom/index.html', parent: undefined }],
    ['url not a string', { url: 42, parent: null } as unknown as { url: string; parent: null }],
  ])('rejects %s', (_name, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });

  it('rejects a frame whose properties throw (destroyed)', () => {
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed');
      },
      parent: null,
    };
    expect(isTrustedSender(destroyed)).toBe(false);
  });

  it('accepts the dev server only when explicitly passed', () => {
    const origins = ['app://newsroom', 'http://localhost:5173'];
    expect(isTrustedSender(main('http://localhost:5173/'), origins)).toBe(true);
    expect(isTrustedSender(main('app://newsroom/index.html'), origins)).toBe(true);
    expect(isTrustedSender(main('http://localhost:5174/'), origins)).toBe(false);
    expect(isTrustedSender(main('http://localhost:5173/'), 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender(main('app://newsroom/index.html'), 'http://localhost:5173')).toBe(false);
  });
});
