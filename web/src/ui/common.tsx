/** Small shared pieces: headings that take focus, links that use the router, error and status lines. */
import { useEffect, useRef, type ReactNode, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, type Route } from '../lib/router.js';
import { plainStrength } from '../../../src/core/evidence.js';
import type { Claim } from '../api/types.js';
import { Citations } from './citations.js';

/** The screen's main heading; focused when the screen opens so a screen reader announces where you are. */
export function ScreenTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

// children is optional so a Link can be a <Trans> component, which fills in the words of its <link> tag.
export function Link({
  to,
  children,
  className,
  current,
}: {
  to: Route;
  children?: ReactNode;
  className?: string;
  current?: boolean;
}) {
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

/** An error next to a field (or at the top of a form). `id` lets the field point at it with aria-describedby. */
export function FieldError({ id, message }: { id?: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  const { t } = useTranslation('ui');
  return (
    <p className="muted" role="status">
      {t('loading', { what })}
    </p>
  );
}

/**
 * A claim with its strength in plain words, the formal label and its sources, e.g. "well supported", then
 * "Evidence: Randomised controlled trial (Pocovi et al., 2024)" with the citation linking to the References page.
 */
export function ClaimLine({ claim }: { claim: Claim }) {
  const { t } = useTranslation('ui');
  const strength = plainStrength(claim.evidence);
  return (
    <li className="claim">
      <span className={`strength strength-${strength.replace(/[^a-z]+/g, '-')}`}>
        {t(`strength.${claim.evidence}`)}
      </span>
      <span>{claim.text}</span>
      <span className="evidence-label">
        {t('evidence', { level: t(`evidenceLevel.${claim.evidence}`) })}
        {claim.refs.length > 0 && (
          <>
            {' '}
            (<Citations refs={claim.refs} />)
          </>
        )}
      </span>
    </li>
  );
}
