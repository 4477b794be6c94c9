/**
 * A link to any path of the app, ids included (/patients/:personId), which the patient app's Route type cannot
 * name. The clinician's workspace and its screens use it; it lives here so that they need not import each other.
 */
import type { MouseEvent, ReactNode } from 'react';
import { navigatePath } from '../lib/router.js';

/** A link inside the workspace (paths with ids, which the patient app's Link cannot name). */
export function PathLink({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigatePath(to);
  };
  return (
    <a href={to} onClick={onClick} className={className}>
      {children}
    </a>
  );
}
