// Node ES module code under TypeScript strict ("module": "nodenext").
import init, { Validator } from 'learning-week';

await init();
const answer = new Validator().validateSummary('{"host_unit": "东湖区"}');
export const codes: string[] = answer.diagnostics.map((d) => d.code);
const office = await import('learning-week/office');
export const exported: boolean = office.exportSummaryDocx('{"host_unit": "东湖区"}').ok;
