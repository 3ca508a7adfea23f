// vite follows the package's `new URL("learning_week_bg.wasm", import.meta.url)`: plain init().
import { run } from './page.js';

run();
