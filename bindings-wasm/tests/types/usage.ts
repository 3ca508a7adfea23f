// Uses every export of the package with its real types; `tsc --noEmit --strict` over this file
// (scripts/test-wasm.sh) fails when the generated .d.ts loses a type or falls back to `any`.
import init, {
  aggregate,
  defaultNotice,
  parsePercent,
  parsePeriod,
  parseQuantity,
  parseUnits,
  parseVenues,
  readCell,
  rules,
  splitNames,
  validate,
  validateField,
  validatePlan,
  validateSubmission,
  validateSummary,
  Validator,
} from "../../pkg/web/learning_week.js";
// The second module, loaded on demand; its own types.
import initOffice, {
  aggregateFiles,
  divisions,
  exportSummaryDocx,
  importDoc,
  importDocx,
  importXlsx,
  readNotice,
  validateFile,
} from "../../pkg/web/learning_week_office.js";
import type { ExportAnswer, InboxFile, NoticeReading as OfficeNoticeReading } from "../../pkg/web/learning_week_office.js";
import type {
  AggregateAnswer,
  CompileError,
  CityRollup,
  Diagnostic,
  DivisionsAnswer,
  DocumentKind,
  ImportAnswer,
  Notice,
  ParseAnswer,
  RuleDescriptor,
  Severity,
  SummaryTable,
  TextCell,
  TextName,
  TextPeriod,
  TextQuantity,
  TextSatisfaction,
  TextUnits,
  TextVenues,
  ValidationAnswer,
} from "../../pkg/web/learning_week.js";

// `any` would make both of these compile; `unknown`-free, exact types make only the first one.
type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny = <T>(_value: T, _check: IsAny<T> extends true ? never : true): void => {};

export async function main(): Promise<string[]> {
  await init();
  const summary: ValidationAnswer<SummaryTable> = validateSummary(
    { year: 2021, host_unit: "东湖区", participation: { units_total: 10, units_participating: "约8个" } },
    { lang: "en" },
  );
  notAny(summary, true);
  const d: Diagnostic | undefined = summary.diagnostics[0];
  const severity: Severity | undefined = d?.severity;
  const path: string | undefined = d?.path;
  notAny(d?.params, true);
  const kind: DocumentKind | null = summary.kind;
  const host: string | null | undefined = summary.document?.host_unit;

  const fromText = validateSummary('{"host_unit": "东湖区"}');
  const plan = validatePlan({ unit: "东湖区", activities: [] }, { notice: defaultNotice() });
  const submission = validateSubmission({ submitted_at: "2021-12-05T09:00:00+08:00" });
  const any = validate("{}", { kind: "notice" });
  const field = validateField({ host_unit: "朝阳区" }, "/host_unit", { kind: "summary", lang: "zh" });
  const withPlan = validateSummary({}, { plan: { unit: "东湖区" }, notice: JSON.stringify(defaultNotice()) });

  const notice: Notice = defaultNotice();
  const start: string | null | undefined = notice.week?.start;
  const catalog: RuleDescriptor[] = rules();
  const reads: string[] = catalog.flatMap((r) => r.reads);

  const answer: AggregateAnswer = aggregate(
    [
      { summary: { year: 2021, host_unit: "东湖区" }, submitted_at: "2021-12-04T10:00:00+08:00" },
      "{}",
      { id: "broken.json", input_text: "{" },
      { id: "named", input: { host_unit: "西湖区" } },
    ],
    { grace_days: 1, plans: [{ unit: "东湖区" }], notice },
  );
  const rollup: CityRollup | undefined = answer.rollup;
  const missing: string[] = rollup ? rollup.missing_units : [];
  const units: number | undefined = rollup?.expected_units;

  // Text parsers: an answer, never an exception.
  const qty: ParseAnswer<TextQuantity> = parseQuantity("约3.5万人次", { of_kind: "person_times" });
  notAny(qty, true);
  notAny(qty.value, true);
  const people: number | undefined = parseQuantity("共600余人参加").value?.value;
  const refusal: string | undefined = parseQuantity("成千上万人").error?.code;
  const pct: ParseAnswer<TextSatisfaction> = parsePercent("满意率98%以上");
  const pctValue: number | string | undefined = pct.value && ("level" in pct.value ? pct.value.level : pct.value.value);
  const period: ParseAnswer<TextPeriod> = parsePeriod("11月22日至28日", { year: 2021 });
  const periodStart: string | undefined = parsePeriod("2021年11月22日—11月28日").value?.start;
  const venues: ParseAnswer<TextVenues> = parseVenues("主会场1个，分会场12个");
  const subVenues: number | undefined = venues.value?.sub_venues?.value;
  const refused: string[] = venues.value ? venues.value.refused.map((e) => e.code) : [];
  const unitsText: ParseAnswer<TextUnits> = parseUnits("全市9个县区全部参与");
  const cell: ParseAnswer<TextCell> = readCell("原计划2000人参加，实际到场2600余人", { row: "participants", year: 2021 });
  const cellWarnings: string[] = cell.value ? cell.value.warnings.map((w) => w.code) : [];
  // @ts-expect-error: the row is a closed set
  readCell("98%", { row: "dogs" });
  const names: ParseAnswer<TextName[]> = splitNames("区教体局、区文明办");
  const firstName: string | undefined = names.value?.[0]?.text;
  // @ts-expect-error: of_kind is a closed set
  parseQuantity("约100人", { of_kind: "dogs" });
  // @ts-expect-error: the year is a number
  parsePeriod("11月22日", { year: "2021" });

  const imported: ImportAnswer = importDocx(new Uint8Array(0), { year: 2021 });
  const importedUnit: string | null | undefined = imported.summary?.host_unit;
  const importedCodes: string[] = imported.diagnostics.map((d: Diagnostic) => d.code);
  notAny(imported.errors, true);
  importDocx(new ArrayBuffer(0));
  // @ts-expect-error: the year is a number
  importDocx(new Uint8Array(0), { year: "2021" });

  // The registry of official divisions: an answer, never an exception.
  const jiujiang: DivisionsAnswer = divisions("九江市", { year: 2021 });
  notAny(jiujiang, true);
  const countyCodes: (string | null | undefined)[] = jiujiang.units.map((u) => u.code);
  const level: "province" | "city" | "county" | undefined = divisions("江西省").division?.level;
  const unknownCode: string | undefined = divisions("火星市").error?.code;
  // @ts-expect-error: the year is a number
  divisions("南昌市", { year: "2021" });

  // The compiled validator: the notice once, then every call.
  const v = new Validator(JSON.stringify(defaultNotice()));
  const compiled: ValidationAnswer<SummaryTable> = v.validateSummary({ host_unit: "东湖区" }, { lang: "en" });
  notAny(compiled, true);
  const compiledField: boolean = v.validateField({ host_unit: "朝阳区" }, "/host_unit", { kind: "summary" }).valid;
  const compiledPlan: number = v.validatePlan({ unit: "东湖区" }).errors;
  const compiledSubmission: number = v.validateSubmission("{}").warnings;
  const compiledAny: DocumentKind | null = v.validate("{}", { kind: "notice" }).kind;
  const compiledRollup: number | undefined = v.aggregate([], { grace_days: 1 }).rollup?.expected_units;
  const compiledCity: string | null | undefined = v.notice.jurisdiction?.city;
  await initOffice();
  const file: InboxFile = { name: "a.docx", bytes: new Uint8Array(0), modified: new Date(0).toISOString() };
  const dropped: number | undefined = aggregateFiles([file], { submitted_at: "2021-12-03", notice: defaultNotice() })
    .rollup?.accounting.inputs;
  const fromXlsx: number = importXlsx(new Uint8Array(0)).errors;
  const asFile: number = validateFile(new Uint8Array(0), { name: "a.docx", kind: "summary" }).errors;
  const fromDoc: number = importDoc(new ArrayBuffer(0), { year: 2021 }).warnings;
  const exported: ExportAnswer = exportSummaryDocx({ host_unit: "东湖区" }, { notice: defaultNotice(), kind: "summary" });
  const docxBytes: Uint8Array | undefined = exported.bytes;
  notAny(exported, true);
  // @ts-expect-error: the kind is a closed set
  exportSummaryDocx({}, { kind: "letter" });
  const reading: OfficeNoticeReading = readNotice("关于举办2023年九江市全民终身学习活动周的通知");
  const readTheme: string | null | undefined = reading.notice.theme;
  v.free();
  const builtin = new Validator();
  try {
    new Validator({ year: "x" } as unknown as Notice);
  } catch (e) {
    const why: string[] = (e as CompileError).diagnostics.map((d) => d.code);
    notAny(why, true);
  }
  // @ts-expect-error: the notice goes to the constructor, not to a call
  builtin.validateSummary({}, { notice: defaultNotice() });
  builtin.free();

  // @ts-expect-error: the kind is a closed set
  validate("{}", { kind: "letter" });
  // @ts-expect-error: lang is "zh" or "en"
  validateSummary({}, { lang: "fr" });

  return [
    String(severity), String(path), String(kind), String(host), String(fromText.valid), String(plan.errors),
    String(submission.warnings), String(any.kind), String(field.valid), String(withPlan.valid), String(start),
    String(reads.length), String(missing.length), String(units),
    String(people), String(refusal), String(pctValue), String(period.ok), String(periodStart), String(subVenues),
    String(refused.length), String(unitsText.value?.units_total?.value), String(firstName), String(cellWarnings.length),
    String(importedUnit), String(importedCodes.length), String(compiled.valid), String(compiledField),
    String(compiledPlan), String(compiledSubmission), String(compiledAny), String(compiledRollup), String(compiledCity), String(dropped),
    String(fromXlsx), String(asFile), String(fromDoc), String(docxBytes?.length), String(readTheme),
    String(countyCodes.length), String(level), String(unknownCode),
  ];
}
