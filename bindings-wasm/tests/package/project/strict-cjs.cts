// Node CommonJS code under TypeScript strict ("module": "nodenext").
import lw = require('learning-week');

export const codes: string[] = lw.validateSummary({ host_unit: '东湖区' }).diagnostics.map((d) => d.code);
