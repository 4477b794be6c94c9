/**
 * Citations on screen: each reference number a claim carries ("25") reads as "Hollman et al., 2011" and links to
 * its entry on the References page (/references#ref-25), where the full reference is.
 */
import { Fragment, type MouseEvent } from 'react';
import { citation, splitCitations } from '../../../src/core/citations.js';
import { navigatePath } from '../lib/router.js';
import { currentLanguage } from '../i18n/i18n.js';

/** The id of a reference's entry on the References page. */
export const referenceAnchor = (id: string) => `ref-${id}`;

/** The path of a reference's entry: /references#ref-25. */
export const referenceHref = (id: string) => `/references#${referenceAnchor(id)}`;

/** history.state of a References page opened from a citation: it offers a way back to where the person was. */
export interface FromCitation {
  fromCitation: true;
}

export function CitationLink({ id }: { id: string }) {
  const href = referenceHref(id);
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigatePath(href, { fromCitation: true } satisfies FromCitation);
  };
  return (
    <a href={href} onClick={onClick} className="citation">
      {citation(id, currentLanguage())}
    </a>
  );
}

/** "Bohannon and Andrews, 2011; Andrews et al., 2023", each a link. Nothing for no references. */
export function Citations({ refs }: { refs: readonly string[] }) {
  return (
    <>
      {refs.map((id, i) => (
        <Fragment key={id}>
          {i > 0 && '; '}
          <CitationLink id={id} />
        </Fragment>
      ))}
    </>
  );
}

/** A text that cites by number ("null for treatment [2][3]") with each run of numbers as linked citations. */
export function CitedText({ text }: { text: string }) {
  return (
    <>
      {splitCitations(text).map((p, i) => (
        <Fragment key={i}>
          {'refs' in p ? (
            <>
              {' '}
              (<Citations refs={p.refs} />)
            </>
          ) : (
            p.text
          )}
        </Fragment>
      ))}
    </>
  );
}
