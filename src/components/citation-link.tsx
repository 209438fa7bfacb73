import type { ReactNode } from 'react';
import { safeHref } from './format.ts';

/** A cited page: a link opening in a new tab when the URL is a safe http(s) one, else the label as plain text. */
export function CitationLink({ url, title, children }: { url: string | null | undefined; title?: string; children: ReactNode }) {
  const href = safeHref(url);
  return href ? (
    <a href={href} rel="noopener noreferrer" target="_blank" title={title}>
      {children}
    </a>
  ) : (
    <>{children}</>
  );
}
