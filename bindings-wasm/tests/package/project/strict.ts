// Browser code under TypeScript strict, resolved as a bundler does ("moduleResolution": "bundler").
import init, { Validator, type InitInput } from 'learning-week';
import wasmUrl from 'learning-week/learning_week_bg.wasm';

export async function start(where?: InitInput): Promise<string[]> {
  await init({ module_or_path: where ?? wasmUrl });
  const url: string = wasmUrl;
  const validator = new Validator();
  const answer = validator.validateSummary({ host_unit: '东湖区' }, { lang: 'en' });
  const codes: string[] = answer.diagnostics.map((d) => d.code);
  validator.free();
  return [url, ...codes];
}
