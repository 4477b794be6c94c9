/**
 * References: every source behind what Footing says (DOMAIN.md's list, src/core/references.ts), one entry each
 * with authors, year, title, where it appeared and a link, and what the evidence labels mean in plain words.
 * Every citation in the app links to its entry here (/references#ref-25): the entry is scrolled to, marked and
 * focused. Nothing is fetched, so the page works offline.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referenceLink, shortCitation } from '../../../src/core/citations.js';
import { EVIDENCE_LEVELS, plainStrength, type EvidenceLevel } from '../../../src/core/evidence.js';
import { evidenceExplained, evidenceLabel, strengthWords } from '../../../src/core/i18n/evidence-texts.js';
import { currentLanguage } from '../i18n/i18n.js';
import { REFERENCES, type Reference } from '../../../src/core/references.js';
import { referenceAnchor, type FromCitation } from '../ui/citations.js';
import { ScreenTitle } from '../ui/common.js';

/** The fragment of the address (ref-25), read again whenever the app moves. */
function useFragment(): string {
  const read = () => decodeURIComponent(location.hash.slice(1));
  const [hash, setHash] = useState(read());
  useEffect(() => {
    const on = () => setHash(read());
    for (const e of ['popstate', 'hashchange', 'footing:navigate']) window.addEventListener(e, on);
    return () => {
      for (const e of ['popstate', 'hashchange', 'footing:navigate']) window.removeEventListener(e, on);
    };
  }, []);
  return hash;
}

/** A link that leaves the app, shown as its address without the scheme (doi.org/10.1016/...). */
function OutLink({ href }: { href: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="out-link">
      {href.replace(/^https?:\/\//, '')}
    </a>
  );
}

function ReferenceEntry({ r, current }: { r: Reference; current: boolean }) {
  const { t } = useTranslation('references');
  const link = referenceLink(r);
  return (
    <li id={referenceAnchor(r.id)} tabIndex={-1} className={`reference${current ? ' current' : ''}`} data-ref={r.id}>
      <p className="reference-short">
        <strong>{shortCitation(r, currentLanguage())}</strong>
      </p>
      <p>
        {r.authors && (
          <>
            {r.authors}
            {r.year ? ` (${r.year})` : ''}.{' '}
          </>
        )}
        <cite>{r.title}</cite>. {r.published}.
        {link && (
          <>
            {' '}
            <OutLink href={link} />
          </>
        )}
      </p>
      {r.note && <p className="small muted">{r.note}</p>}
      {r.also && r.also.length > 0 && (
        <ul className="small">
          {r.also.map((a) => {
            const alsoLink = referenceLink(a);
            return (
              <li key={a.text}>
                {t('also', { text: a.text })}
                {alsoLink && (
                  <>
                    {' '}
                    <OutLink href={alsoLink} />
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

// The sources themselves come from src/core/references.ts as they are (titles stay in their own language); the
// evidence labels' words from src/core/i18n/evidence-texts.ts in the language on screen.
export function ReferencesScreen() {
  const { t } = useTranslation('references');
  const fragment = useFragment();
  const fromCitation = (history.state as Partial<FromCitation> | null)?.fromCitation === true;

  // Opened from a citation: bring its entry into view and give it focus, so a screen reader reads it out.
  useEffect(() => {
    if (!fragment) return;
    const el = document.getElementById(fragment);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [fragment]);

  return (
    <section className="screen references-screen">
      <ScreenTitle>{t('title')}</ScreenTitle>
      <p className="lead">{t('lead')}</p>
      {fromCitation && (
        <p>
          <button type="button" onClick={() => history.back()}>
            {t('back')}
          </button>
        </p>
      )}
      <div className="card">
        <h2>{t('strength.title')}</h2>
        <p>{t('strength.intro')}</p>
        <ul className="legend evidence-legend">
          {(Object.keys(EVIDENCE_LEVELS) as EvidenceLevel[]).map((level) => {
            // The class names the English strength (the stylesheet's colours); the words follow the language.
            const strength = plainStrength(level);
            const language = currentLanguage();
            return (
              <li key={level}>
                <span className={['strength', `strength-${strength.replace(/[^a-z]+/g, '-')}`].join(' ')}>
                  {strengthWords(level, language)}
                </span>
                <span>
                  <strong>{evidenceLabel(level, language)}</strong> ({level}). {evidenceExplained(level, language)}
                </span>
              </li>
            );
          })}
        </ul>
        <p className="small">{t('strength.unverified')}</p>
      </div>
      <div className="card">
        <h2>{t('sources')}</h2>
        <ul className="references">
          {REFERENCES.map((r) => (
            <ReferenceEntry key={r.id} r={r} current={fragment === referenceAnchor(r.id)} />
          ))}
        </ul>
      </div>
    </section>
  );
}
