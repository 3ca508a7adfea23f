// What the bundled page does: load the wasm, validate a 总结表 with one planted error, and leave
// the codes (or the error) in window.__result and #out for the browser check. The office module
// is loaded only when window.__office() is called (a dynamic import, as a form does on a file
// drop): it exports the 总结表 as .docx and reads it back.
import init, { Validator } from 'learning-week';

const doc = { host_unit: '东湖区', participation: { units_total: 10, units_participating: 12 } };

export async function run(initArg, officeInitArg) {
  window.__office = async () => {
    try {
      const office = await import('learning-week/office');
      await office.default(officeInitArg);
      const docx = office.exportSummaryDocx(doc);
      return { ok: docx.ok, zip: docx.bytes[0] === 0x50 && docx.bytes[1] === 0x4b, unit: office.importDocx(docx.bytes).summary?.host_unit };
    } catch (e) {
      return { error: String((e && e.stack) || e) };
    }
  };
  try {
    await init(initArg);
    const validator = new Validator();
    const answer = validator.validateSummary(doc);
    window.__result = { codes: answer.diagnostics.map((d) => d.code) };
  } catch (e) {
    window.__result = { error: String((e && e.stack) || e) };
  }
  document.getElementById('out').textContent = JSON.stringify(window.__result);
}
