import { describe, expect, it } from 'vitest';
import { withoutManifestLink } from '../../data/vite/manifest-after-first-view.ts';

const HTML = `<head>
    <title>Atlas</title>
    <link rel="stylesheet" crossorigin href="./assets/first-view-BfpX31t1.css">
  <link rel="manifest" href="./manifest.webmanifest"></head>
  <body><div id="root"></div></body>`;

describe('the web app manifest link left out of index.html (issue 13)', () => {
  it('removes the link vite-plugin-pwa writes, and nothing else', () => {
    const html = withoutManifestLink(HTML, 'manifest.webmanifest');
    expect(html).not.toContain('rel="manifest"');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="./assets/first-view-BfpX31t1.css">');
    expect(html).toContain('</head>\n  <body><div id="root"></div></body>');
  });

  it('fails the build when the link is missing or there are two', () => {
    expect(() => withoutManifestLink('<head></head>', 'manifest.webmanifest')).toThrow(/found 0/);
    const twice = HTML.replace('</head>', '<link rel="manifest" href="./manifest.webmanifest" crossorigin="use-credentials"></head>');
    expect(() => withoutManifestLink(twice, 'manifest.webmanifest')).toThrow(/found 2/);
    expect(() => withoutManifestLink(HTML, 'other.webmanifest')).toThrow(/found 0/);
  });
});
