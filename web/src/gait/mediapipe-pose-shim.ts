/**
 * Stands in for `@mediapipe/pose` in the web build. pose-detection's ESM bundle imports `Pose` from it for its
 * "mediapipe" runtime, but that package is a classic script with no ES exports, so bundling fails. Footing only
 * uses the "tfjs" runtime (src/pose/browser-runtime.ts), which never touches this class.
 */
export class Pose {
  constructor() {
    // i18n-ignore: never reached (Footing does not use the MediaPipe runtime); stands in for the package's bundle
    throw new Error('The MediaPipe runtime is not bundled: Footing uses pose-detection with runtime "tfjs".');
  }
}
export const VERSION = 'shim';
