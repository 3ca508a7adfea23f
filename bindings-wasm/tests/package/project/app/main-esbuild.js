// esbuild does not follow `new URL(…, import.meta.url)`: import the .wasm (--loader:.wasm=file
// emits it and gives its URL) and pass it to init.
import wasmUrl from 'learning-week/learning_week_bg.wasm';
import { run } from './page.js';

run({ module_or_path: wasmUrl });
