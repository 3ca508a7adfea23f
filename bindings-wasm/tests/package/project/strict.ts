// Browser code under TypeScript strict, resolved as a bundler does ("moduleResolution": "bundler").
import init, { Validator, type InitInput } from 'learning-week';
import wasmUrl from 'learning-week/learning_week_bg.wasm';
import officeWasmUrl from 'learning-week/learning_week_office_bg.wasm';
import type { ExportAnswer, ImportAnswer } from 'learning-week/office';

export async function start(where?: InitInput): Promise<string[]> {
  await init({ module_or_path: where ?? wasmUrl });
  const url: string = wasmUrl;
  const validator = new Validator();
  const answer = validator.validateSummary({ host_unit: '东湖区' }, { lang: 'en' });
  const codes: string[] = answer.diagnostics.map((d) => d.code);
  validator.free();
  // The office module, loaded when a file is dropped or a Word file asked for.
  const office = await import('learning-week/office');
  await office.default({ module_or_path: officeWasmUrl });
  const docx: ExportAnswer = office.exportSummaryDocx({ host_unit: '东湖区' });
  const back: ImportAnswer = office.importXlsx(docx.bytes ?? new Uint8Array());
  return [url, ...codes, String(docx.bytes?.length), String(back.errors)];
}
