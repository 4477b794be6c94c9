import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dropAngle, kneeFlexion, type P2 } from './joint-angles.js';

// The hand references (test/fixtures/gait-reference, docs/gait-references) record each angle with the points it was
// read from and the angle worked out by hand from them. The program's angle functions, given the same points, must
// give the same angle: then a difference between the program and the hand is where the points are (the pose
// model's landmarks), never how the angle is defined (docs/gait-signals.md, knee flexion at peak swing).
const dir = new URL('../../test/fixtures/gait-reference/', import.meta.url);
interface HandAngle {
  frame: number;
  kind: string;
  angleDeg: number;
  points?: Record<string, [number, number]>;
}
const pt = (p: [number, number] | undefined): P2 => {
  assert.ok(p, 'point recorded');
  return { x: p[0], y: p[1] };
};

test('knee flexion and pelvic obliquity are defined as the hand references define them (same points, same angle within rounding)', () => {
  let checked = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const ref = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { angles?: HandAngle[] | null };
    for (const a of ref.angles ?? []) {
      if (!a.points) continue;
      let program: number;
      if (a.kind.startsWith('knee_flexion'))
        program = kneeFlexion(pt(a.points.hip), pt(a.points.knee), pt(a.points.ankle));
      else if (a.kind === 'pelvic_obliquity') program = dropAngle(pt(a.points.left_hip), pt(a.points.right_hip));
      else continue;
      // The references give angles to 0.1 deg.
      assert.ok(
        Math.abs(program - a.angleDeg) <= 0.051,
        `${file} frame ${a.frame} ${a.kind}: program ${program.toFixed(2)} vs hand ${a.angleDeg}`,
      );
      checked++;
    }
  }
  // Four knee angles on the treadmill run, three on the short side walk, four obliquities on the handheld back view.
  assert.equal(checked, 11);
});
