// What the bundled page does: load the wasm, validate a 总结表 with one planted error, and leave
// the codes (or the error) in window.__result and #out for the browser check.
import init, { Validator } from 'learning-week';

export async function run(initArg) {
  try {
    await init(initArg);
    const validator = new Validator();
    const answer = validator.validateSummary({ host_unit: '东湖区', participation: { units_total: 10, units_participating: 12 } });
    window.__result = { codes: answer.diagnostics.map((d) => d.code) };
  } catch (e) {
    window.__result = { error: String((e && e.stack) || e) };
  }
  document.getElementById('out').textContent = JSON.stringify(window.__result);
}
