/**
 * The people the walker scan found: a status line ("Looking for the walker…"), an accessible radio list
 * ("Person 2 — walks left to right, frames 30–210") and, for the picture, every visible candidate's box with its
 * label, which a tap or click chooses. The drag-a-box picker (roi-picker.tsx) stays the manual fallback.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.js';
import { MIN_TRAVEL_RADII, type Candidate } from '../../../src/pose/walker-choice.js';
import type { RegionOfInterest } from '../../../src/pose/frame.js';
import type { WalkerScanState } from './use-walker-scan.js';
import { boxesAt, candidateLabel, listedCandidates, pictureFrame } from './walker-candidates.js';

export interface WalkerPickerProps {
  state: WalkerScanState;
  frameCount: number;
  /** The candidate whose region is set, or null when the user drew or typed their own box. */
  selected: number | null;
  onSelect: (c: Candidate) => void;
}

/** How the chosen person moves, as the scan saw it (walker-choice.ts): across, toward/away, or in place. */
function movement(c: Candidate | undefined, t: TFunction): string {
  if (!c || c.travel >= MIN_TRAVEL_RADII) return t('walker.movement.across');
  if (c.depthTravel >= MIN_TRAVEL_RADII) return t('walker.movement.towardOrAway');
  return t('walker.movement.inPlace');
}

export function WalkerPicker({ state, frameCount, selected, onSelect }: WalkerPickerProps) {
  const { t } = useTranslation('gait');
  if (state.status === 'idle') return null;
  if (state.status === 'scanning') {
    return (
      <div className="gait-walker">
        <p role="status">
          {t('walker.looking')}
          {state.total > 0
            ? ` ${t('walker.sampled', { done: formatNumber(state.done), total: formatNumber(state.total) })}`
            : ''}
        </p>
        {state.total > 0 && <progress aria-label={t('walker.lookingLabel')} max={state.total} value={state.done} />}
      </div>
    );
  }
  if (state.status === 'stopped')
    return (
      <div className="gait-walker">
        <p role="status" className="small muted">
          {t('walker.stopped')}
        </p>
      </div>
    );
  if (state.status === 'failed')
    return (
      <div className="gait-walker">
        <p role="status">{t('walker.failed', { message: state.message })}</p>
      </div>
    );
  const { scan } = state;
  const listed = listedCandidates(scan.candidates, scan.chosen);
  return (
    <div className="gait-walker">
      <p role="status">
        {scan.chosen === null
          ? t('walker.nobody', {
              stay: listed.length
                ? ` ${t('walker.stay', { count: listed.length, n: formatNumber(listed.length) })}`
                : '',
            })
          : t(listed.length > 1 ? 'walker.willFollowChoose' : 'walker.willFollow', {
              n: scan.chosen + 1,
              movement: movement(scan.candidates[scan.chosen], t),
            })}
      </p>
      <p
        className="small muted"
        data-timing={`load ${Math.round(scan.loadMs)} ms, frames ${Math.round(scan.framesMs)} ms, total ${Math.round(scan.ms)} ms`} /* i18n-ignore: timings for the bench, not shown */
      >
        {t('walker.looked', {
          samples: formatNumber(scan.samples),
          frames: formatNumber(frameCount),
          seconds: formatNumber(scan.ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
        })}
      </p>
      {listed.length > 0 && (
        <fieldset className="gait-walker-list">
          <legend>{t('walker.legend')}</legend>
          {listed.map((c) => (
            <label key={c.id}>
              <input
                type="radio"
                name="gait-walker"
                value={c.id}
                checked={selected === c.id}
                onChange={() => onSelect(c)}
              />{' '}
              {candidateLabel(c, scan.every, frameCount, t)}
              {c.id === scan.chosen ? ` ${t('walker.found')}` : ''}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

/** The sampled frame to show with candidate boxes: the selected person's (or the walker's) best frame. */
export function walkerPictureFrame(
  state: WalkerScanState,
  selected: number | null,
): { time: number; index: number } | null {
  if (state.status !== 'done') return null;
  const listed = listedCandidates(state.scan.candidates, state.scan.chosen);
  const who = listed.find((c) => c.id === selected) ?? listed.find((c) => c.id === state.scan.chosen) ?? listed[0];
  if (!who) return null;
  const b = pictureFrame(who, listed);
  return { time: b.time, index: b.index };
}

export interface CandidateBoxesProps {
  state: WalkerScanState;
  size: { width: number; height: number };
  index: number;
  selected: number | null;
  onSelect: (c: Candidate) => void;
}

/**
 * Candidate boxes over the picture (inside the roi-picker frame). Hidden from assistive technology: the radio list
 * above offers the same choice; a pointer press on a box chooses it instead of starting a drag.
 */
export function CandidateBoxes({ state, size, index, selected, onSelect }: CandidateBoxesProps) {
  const { t } = useTranslation('gait');
  if (state.status !== 'done') return null;
  const listed = listedCandidates(state.scan.candidates, state.scan.chosen);
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  const place = (b: RegionOfInterest) => ({
    left: pct(b.x, size.width),
    top: pct(b.y, size.height),
    width: pct(b.width, size.width),
    height: pct(b.height, size.height),
  });
  return (
    <div className="gait-walker-boxes" aria-hidden="true">
      {boxesAt(listed, index, size).map(({ id, box }) => (
        <div
          key={id}
          className={`gait-walker-box${id === selected ? ' selected' : ''}`}
          data-person={id + 1}
          style={place(box)}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => {
            const c = listed.find((x) => x.id === id);
            if (c) onSelect(c);
          }}
        >
          <span>{t('walker.person', { n: id + 1 })}</span>
        </div>
      ))}
    </div>
  );
}
