import { describe, expect, it } from 'vitest';
import { linkWebAppManifest, WEB_APP_MANIFEST_FILE } from '../../src/offline/web-app-manifest.ts';

describe('linkWebAppManifest', () => {
  it('links the manifest beside index.html once', () => {
    const doc = document.implementation.createHTMLDocument('atlas');
    linkWebAppManifest(doc);
    linkWebAppManifest(doc);
    const links = doc.head.querySelectorAll('link[rel="manifest"]');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe(`./${WEB_APP_MANIFEST_FILE}`);
    expect(WEB_APP_MANIFEST_FILE).toBe('manifest.webmanifest');
  });

  it('keeps a link the page already has', () => {
    const doc = document.implementation.createHTMLDocument('atlas');
    const existing = doc.createElement('link');
    existing.rel = 'manifest';
    existing.setAttribute('href', './elsewhere.webmanifest');
    doc.head.append(existing);
    linkWebAppManifest(doc);
    expect([...doc.head.querySelectorAll('link[rel="manifest"]')].map((link) => link.getAttribute('href'))).toEqual(['./elsewhere.webmanifest']);
  });
});
