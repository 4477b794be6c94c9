/**
 * Serves the pose model to the web app from the repository, without committed copies: /models/blazepose/* from
 * models/blazepose/, /models/tfjs-wasm/*.wasm from @tensorflow/tfjs-backend-wasm's dist/ folder and
 * /models/ort-wasm/ort-wasm-simd-threaded.{mjs,wasm} from onnxruntime-web's (the URLs that
 * src/pose/browser-runtime.ts loads). In `vite build` the files are emitted into web/dist/models/ so the Fastify
 * server serves them as static files and the service worker can cache them; in `vite dev` a middleware serves them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const ORT_DIST = dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));

/** URL folder → source folder and the files in it that the browser needs. */
function modelFolders(): { url: string; dir: string; files: string[] }[] {
  const blaze = fileURLToPath(new URL('../models/blazepose/', import.meta.url));
  const wasm = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  return [
    // The model graphs and weights, plus the licence and notice that must travel with them (Apache-2.0).
    { url: 'models/blazepose/', dir: blaze, files: readdirSync(blaze).filter((f) => /\.(json|bin)$|^(LICENSE|NOTICE)$/.test(f)) },
    // All three builds: tfjs picks simd, or threaded-simd when the page is cross-origin isolated, or plain.
    { url: 'models/tfjs-wasm/', dir: wasm, files: readdirSync(wasm).filter((f) => f.endsWith('.wasm')) },
    // ONNX Runtime's wasm build (SIMD, threaded when the page is cross-origin isolated) and the script that loads it;
    // not the WebGPU (jsep), JSPI or asyncify builds, which Footing does not use (each is another 16-28 MB).
    { url: 'models/ort-wasm/', dir: ORT_DIST, files: ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm'] },
  ];
}

const TYPES: Record<string, string> = { json: 'application/json', bin: 'application/octet-stream', wasm: 'application/wasm', mjs: 'text/javascript' };

export function gaitModels(): Plugin {
  return {
    name: 'footing-gait-models',
    // pose-detection imports `Pose` from @mediapipe/pose, a classic script without ES exports: give it a stub.
    // onnxruntime-web: its wasm-only build that loads the runtime files from env.wasm.wasmPaths (/models/ort-wasm/),
    // not the default bundle, which adds WebGL/WebGPU code, embeds a second copy of the loader and would emit the
    // 14 MB wasm again under assets/.
    config: () => ({ resolve: { alias: [
      { find: '@mediapipe/pose', replacement: fileURLToPath(new URL('./src/gait/mediapipe-pose-shim.ts', import.meta.url)) },
      { find: /^onnxruntime-web$/, replacement: join(ORT_DIST, 'ort.wasm.min.mjs') },
    ] } }),
    configureServer(server) {
      const folders = modelFolders();
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        const folder = folders.find((f) => path.startsWith(f.url));
        const file = folder?.files.find((f) => path === folder.url + f);
        if (!folder || !file) return next();
        res.setHeader('content-type', TYPES[file.split('.').pop() ?? ''] ?? 'text/plain');
        res.end(readFileSync(join(folder.dir, file)));
      });
    },
    generateBundle() {
      for (const folder of modelFolders()) {
        for (const file of folder.files) {
          this.emitFile({ type: 'asset', fileName: folder.url + file, source: readFileSync(join(folder.dir, file)) });
        }
      }
    },
  };
}
