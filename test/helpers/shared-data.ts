/**
 * Test helper: absolute paths of the shared real recordings (../shared/data beside the repo, see its
 * SOURCES.md). Tests read them in place; they are never copied into the repository.
 */
import { fileURLToPath } from 'node:url';

/** Path of a file under the shared data folder, e.g. `sharedData('fit/garmin-fenix-5-walk.fit')`. */
export function sharedData(relative: string): string {
  return fileURLToPath(new URL(`../../../shared/data/${relative}`, import.meta.url));
}
