// Node CommonJS code under TypeScript strict ("module": "nodenext").
import lw = require('learning-week');

import office = require('learning-week/office');

export const imported: number = office.importDoc(new Uint8Array()).errors;
export const codes: string[] = lw.validateSummary({ host_unit: '东湖区' }).diagnostics.map((d) => d.code);
