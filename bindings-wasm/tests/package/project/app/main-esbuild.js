// esbuild does not follow `new URL(…, import.meta.url)`: import the .wasm (--loader:.wasm=file
// emits it and gives its URL) and pass it to init.
// The office module's .wasm likewise: importing its URL fetches nothing; page.js loads the
// module (a chunk of its own, --splitting) only when asked.
import wasmUrl from 'learning-week/learning_week_bg.wasm';
import officeWasmUrl from 'learning-week/learning_week_office_bg.wasm';
import { run } from './page.js';

run({ module_or_path: wasmUrl }, { module_or_path: officeWasmUrl });
