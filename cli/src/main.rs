//! `learning-week`: the command-line harness over the library's API.
//!
//! Exit codes: 0 no errors; 1 errors found; 2 unusable input or usage.

use clap::{Parser, Subcommand, ValueEnum};
use learning_week::api::{self, ValidateOptions, ValidationAnswer, Validator};
use learning_week::catalog::Diagnostic;
use learning_week::{DocumentKind, Lang};
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod aggregate;
mod divisions;
mod export;
mod import;
mod notice;
mod output;
mod parse;
mod schema;

#[derive(Parser)]
#[command(
    name = "learning-week",
    version,
    about = "全民终身学习活动周：通知、活动方案与总结表的校验与汇总 / validate and roll up the activity week's paperwork"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// 校验总结表、活动方案、报送材料或通知 / validate 总结表, plans, submissions or notices
    Validate {
        /// 通知（JSON，或发布的原文 .txt / .docx）；缺省为内置的 2021 年南昌市通知 / the notice (JSON, or its published .txt / .docx; default: built-in 2021 Nanchang)
        #[arg(long)]
        notice: Option<PathBuf>,
        /// 活动方案（JSON），与总结表比对 / the plan to compare a 总结表 with
        #[arg(long)]
        plan: Option<PathBuf>,
        /// 文档类型；缺省自动判断 / document kind (default: detected)
        #[arg(long, value_enum)]
        kind: Option<DocumentKind>,
        /// 只复核这一项（JSON Pointer，如 /participation/participants）/ re-check this field only
        #[arg(long)]
        field: Option<String>,
        /// 输出格式 / output format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// 语言 / message language
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
        /// 文件：JSON，或填好的总结表 .docx / .xlsx / .doc / files: JSON, or the filled 总结表 as .docx / .xlsx / .doc
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// 规则目录 / the rule catalog
    Rules {
        /// 输出格式 / output format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// 语言 / language
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
    },
    /// 汇总各单位报送，生成全市总结表 / roll the units' submissions up into the city's report
    Aggregate {
        /// 通知（JSON，或发布的原文 .txt / .docx）；缺省为内置的 2021 年南昌市通知 / the notice (JSON, or its published .txt / .docx; default: built-in 2021 Nanchang)
        #[arg(long)]
        notice: Option<PathBuf>,
        /// 输出格式 / output format
        #[arg(long, value_enum, default_value = "text")]
        format: aggregate::AggregateFormat,
        /// 宽限天数，覆盖通知的设置 / grace days (overrides the notice's)
        #[arg(long)]
        grace_days: Option<u32>,
        /// 语言 / language
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
        /// 另存为文件：report.html（图表报告）或 rollup.xlsx（工作簿），按扩展名判断 / also write the
        /// roll-up to a file: report.html (charts) or rollup.xlsx (workbook), by extension
        #[arg(long)]
        out: Option<PathBuf>,
        /// Word / Excel 文件的报送时间（RFC 3339 或 YYYY-MM-DD）；缺省取文档属性中的修改时间，再缺省取文件修改时间
        /// / submission time of the .docx/.xlsx inputs (RFC 3339 or YYYY-MM-DD); default: the document's
        /// modified date, else the file's modification time
        #[arg(long)]
        submitted_at: Option<String>,
        /// 报送文件或文件夹（递归读取其中每个文件，逐一说明去向）/ submission files or folders (every file under them, each accounted for)
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// 导出文件（已填写的总结表 → Word）/ export files (the filled 总结表 → Word)
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// 生成 JSON Schema（schemas/）/ write the JSON Schemas (schemas/)
    Schema {
        /// 输出文件夹 / output folder
        #[arg(long, default_value = "schemas")]
        out: PathBuf,
        /// 示例文件夹（examples 取自其中的 *.plan.json、*.submission.json）/ example folder
        #[arg(long, default_value = "examples/nanchang-2021")]
        examples: PathBuf,
        /// 只检查是否最新，不写入（过期则退出码 1）/ only check the files are up to date (exit 1 if not)
        #[arg(long)]
        check: bool,
    },
    /// 解析一段填写的文字（数量、满意度、时间、会场、单位、名单）/ read one cell's text
    Parse {
        /// 解析器 / parser
        #[arg(value_enum)]
        parser: learning_week::api::TextParser,
        /// 年度（日期未写年份时使用）/ the year for dates written without one
        #[arg(long)]
        year: Option<i32>,
        /// 数量种类（优先取该种类）/ for quantities: pick this kind first
        #[arg(long, value_enum)]
        kind: Option<parse::KindArg>,
        /// 栏目（cell 解析器）/ for `cell`: the form's row the text was written in
        #[arg(long, value_enum)]
        row: Option<learning_week::text::CellRow>,
        /// 原文 / the text as written
        text: String,
    },
    /// 按表单栏目导入总结表（JSON：栏目 → 内容）/ import a 总结表 from a JSON object of label → text
    Import {
        /// 栏目文件（JSON 对象）/ the labels file (a JSON object of strings)
        #[arg(long, conflicts_with = "file", required_unless_present = "file")]
        labels: Option<PathBuf>,
        /// 填好的总结表：.docx 或 .xlsx / the filled 总结表 as .docx or .xlsx
        file: Option<PathBuf>,
        /// 年度（文件未写明时使用）；缺省为内置通知的年度 / the year when the file gives none (default: the built-in notice's)
        #[arg(long)]
        year: Option<i32>,
        /// 输出格式（.docx/.xlsx）/ output format (.docx/.xlsx)
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// 语言 / message language
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
    },
    /// 行政区划：省 → 地级市，市 → 县级单位与开发区等 / the official divisions: a province's
    /// cities, a city's county-level units and known zones
    Divisions {
        /// 省、市或县级单位名称（九江市、九江、江西省）/ a province, city or county-level name
        name: String,
        /// 年度（适用该年的区划调整）；缺省为登记数据的现状 / the year (its division changes apply); default: the registry's present
        #[arg(long)]
        year: Option<i32>,
        /// 输出格式 / output format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// 通知 / the notice
    Notice {
        #[command(subcommand)]
        action: NoticeAction,
    },
}

#[derive(Subcommand)]
enum ExportWhat {
    /// 已填写的总结表，按附件版式（A4）/ the filled 总结表 in the attachment's layout (A4)
    Summary {
        /// 导出格式 / format
        #[arg(long, value_enum, default_value = "docx")]
        format: export::SummaryFormat,
        /// 通知（JSON，或发布的原文 .txt / .docx；标题中的城市）；缺省为内置的 2021 年南昌市通知 / the notice (JSON or its published .txt / .docx; the title's city)
        #[arg(long)]
        notice: Option<PathBuf>,
        /// 输出文件 / output file
        #[arg(short, long)]
        out: PathBuf,
        /// 语言 / message language
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
        /// 总结表或报送材料（JSON）/ a 总结表 or a submission (JSON)
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum NoticeAction {
    /// 输出内置通知（JSON）/ print the built-in notice as JSON
    Show,
    /// 读取发布的通知原文（.txt 或 .docx），输出通知 JSON / read a published notice (.txt or .docx) into notice JSON
    Read {
        /// 城市（或省、区），标题未写明时 / the city (province, district) when the title does not name it
        #[arg(long)]
        city: Option<String>,
        /// 年度，标题未写明时 / the year when the title does not give it
        #[arg(long)]
        year: Option<i32>,
        /// 更正清单（JSON），读后应用 / a corrections file (JSON) applied after reading
        #[arg(long)]
        corrections: Option<PathBuf>,
        /// 输出格式 / output format
        #[arg(long, value_enum, default_value = "json")]
        format: notice::ReadFormat,
        /// 语言 / message language
        #[arg(long, value_enum, default_value = "zh")]
        lang: Lang,
        /// 通知原文 / the notice's text (.txt) or Word file (.docx)
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Validate { notice, plan, kind, field, format, lang, files } => validate(
            Context { notice: notice.as_deref(), plan: plan.as_deref() },
            kind,
            field.as_deref(),
            format,
            lang,
            &files,
        ),
        Command::Rules { format, lang } => rules(format, lang),
        Command::Aggregate { notice, format, grace_days, lang, out, submitted_at, paths } => aggregate::run(
            notice.as_deref(),
            format,
            grace_days,
            lang,
            out.as_deref(),
            submitted_at.as_deref(),
            &paths,
        ),
        Command::Export { what: ExportWhat::Summary { format, notice, out, lang, file } } => {
            export::summary(&file, notice.as_deref(), format, &out, lang)
        }
        Command::Schema { out, examples, check } => schema::run(&out, &examples, check),
        Command::Parse { parser, year, kind, row, text } => parse::run(parser, year, kind, row, text),
        Command::Import { labels: Some(labels), year, .. } => import::run(&labels, year),
        Command::Import { file: Some(file), year, format, lang, .. } => {
            import::run_file(&file, year, format == Format::Json, lang)
        }
        Command::Import { .. } => {
            eprintln!("请给出 FILE 或 --labels / give FILE or --labels");
            ExitCode::from(2)
        }
        Command::Notice { action: NoticeAction::Read { city, year, corrections, format, lang, file } } => {
            notice::read(&file, city, year, corrections.as_deref(), format, lang)
        }
        Command::Divisions { name, year, format } => divisions::run(&name, year, format),
        Command::Notice { action: NoticeAction::Show } => {
            println!("{}", serde_json::to_string_pretty(&api::default_notice()).unwrap_or_default());
            ExitCode::SUCCESS
        }
    }
}

/// Reads a file as UTF-8 text, or says in both languages why it cannot.
pub(crate) fn read_text(path: &Path) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("无法读取文件 / cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "文件不是 UTF-8 编码 / {} is not UTF-8 (byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads a context file (a notice, a plan) by core's one policy (`api::context_file`: JSON text,
/// or for a notice its published text or .docx): the JSON text the options take, or what is
/// wrong with the file, each finding on its own line.
pub(crate) fn context_text(kind: DocumentKind, path: &Path, lang: Lang) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("无法读取文件 / cannot read {}: {e}", path.display()))?;
    api::context_file(kind, &path.to_string_lossy(), &bytes).map_err(|diags| {
        let mut why = format!("{} 无法使用 / cannot be used:", path.display());
        for d in &diags {
            why.push('\n');
            why.push_str(&diagnostic_line(d, lang));
        }
        why
    })
}

/// An optional context file as the options' value (see [`context_text`]).
fn context(kind: DocumentKind, path: Option<&Path>, lang: Lang) -> Result<Option<Value>, String> {
    path.map(|p| context_text(kind, p, lang).map(Value::String)).transpose()
}

/// The notice and plan files a validation is checked against.
struct Context<'a> {
    notice: Option<&'a Path>,
    plan: Option<&'a Path>,
}

fn validate(
    context_files: Context<'_>,
    kind: Option<DocumentKind>,
    field: Option<&str>,
    format: Format,
    lang: Lang,
    files: &[PathBuf],
) -> ExitCode {
    let options = match (
        context(DocumentKind::Notice, context_files.notice, lang),
        context(DocumentKind::Plan, context_files.plan, lang),
    ) {
        (Ok(notice), Ok(plan)) => ValidateOptions { notice, plan },
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    // The notice and plan are compiled once for all the files; an unusable one is every file's
    // answer (as the library answers it), exit 2.
    let validator = Validator::from_options(&options);
    // Each file as received (core's one policy: JSON text, a Word / Excel 总结表, a notice
    // .docx, or a format it says how to fix), its name only a hint.
    let check = |name: &str, bytes: &[u8]| match (&validator, field) {
        (Ok(v), Some(f)) => v.validate_file_field(kind, name, bytes, f),
        (Ok(v), None) => v.validate_file(kind, name, bytes),
        (Err(e), _) => ValidationAnswer::from_diagnostics(kind, e.diagnostics.clone(), None),
    };
    let mut worst = 0u8;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for file in files {
        let (answer, read_error) = match std::fs::read(file) {
            Ok(bytes) => (Some(check(&file.to_string_lossy(), &bytes)), None),
            Err(e) => (None, Some(format!("无法读取文件 / cannot read {}: {e}", file.display()))),
        };
        let code = match &answer {
            None => 2,
            Some(a) if a.input_unusable() => 2,
            Some(a) if !a.valid => 1,
            Some(_) => 0,
        };
        worst = worst.max(code);
        let written = match format {
            Format::Json => {
                let obj = match (&answer, &read_error) {
                    (Some(a), _) => json!({
                        "file": file.display().to_string(), "kind": a.kind, "valid": a.valid,
                        "errors": a.errors, "warnings": a.warnings, "diagnostics": a.diagnostics,
                    }),
                    (None, e) => json!({"file": file.display().to_string(), "valid": false, "error": e}),
                };
                writeln!(out, "{}", api::to_json_string(&obj))
            }
            Format::Text => match (&answer, &read_error) {
                (Some(a), _) => output::write_answer(&mut out, file, a, lang),
                (None, e) => writeln!(out, "{}: {}", file.display(), e.clone().unwrap_or_default()),
            },
        };
        if written.is_err() {
            return ExitCode::from(2);
        }
    }
    ExitCode::from(worst)
}

fn rules(format: Format, lang: Lang) -> ExitCode {
    let catalog = api::rules();
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&catalog).unwrap_or_default()),
        Format::Text => {
            for r in &catalog {
                let desc = if lang == Lang::En { &r.description_en } else { &r.description };
                println!("{:<40} {:<8} {}", r.code, r.severity.as_str(), desc);
            }
        }
    }
    ExitCode::SUCCESS
}

/// One diagnostic as a text line.
pub(crate) fn diagnostic_line(d: &Diagnostic, lang: Lang) -> String {
    let sev = if lang == Lang::En { d.severity.as_str() } else { d.severity.as_zh() };
    let place = if d.path.is_empty() { "(文档 / document)".to_string() } else { d.path.clone() };
    let doc = d.document.as_deref().map(|x| format!("[{x}] ")).unwrap_or_default();
    format!("  {sev:<7} {doc}{place}  {}  [{}]", d.message_in(lang), d.code)
}
