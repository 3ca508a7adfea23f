//! The city roll-up as an Excel workbook (`rust_xlsxwriter`): one sheet of per-unit rows, the
//! totals, the missing units, the late units, and the reports that need fixing. Headers in
//! Chinese and English.
//!
//! Figures stay numbers (they sum and sort in Excel) and keep their qualifier on screen
//! through the cell's number format (`"约"0"人次"`, `0"余篇"`); the qualifier is also a column
//! of its own, for formulas and for reading the file with another program.

use super::form::{count_text, satisfaction_text};
use super::{xml_safe_char, ExportError};
use crate::aggregate::{CityRollup, Total, UnitStatus};
use crate::count::{Count, Qualifier};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

/// Sheet names (Excel allows 31 characters and no `[]:*?/\`).
pub const SHEETS: [&str; 5] = ["单位 Units", "合计 Totals", "未报送 Missing", "迟交 Late", "需修改 To fix"];

/// Longest text Excel keeps in a cell.
const MAX_CELL_CHARS: usize = 32_767;

fn xe(e: XlsxError) -> ExportError {
    ExportError::Xlsx(e.to_string())
}

/// Text as a cell may hold it: no characters XML cannot carry, at most 32,767 characters.
fn cell_text(s: &str) -> String {
    s.chars().map(xml_safe_char).take(MAX_CELL_CHARS).collect()
}

/// A number format that shows the qualifier and unit around the number (`"约"0"人次"`).
fn number_format(q: Qualifier, unit: Option<&str>) -> String {
    let quoted = |s: &str| {
        let clean: String = s.chars().filter(|c| *c != '"' && *c != '\\' && !c.is_control()).collect();
        if clean.is_empty() {
            String::new()
        } else {
            format!("\"{clean}\"")
        }
    };
    let unit = unit.unwrap_or("");
    match q {
        Qualifier::Exact => format!("0{}", quoted(unit)),
        Qualifier::Approx => format!("{}0{}", quoted("约"), quoted(unit)),
        Qualifier::AtLeast => format!("0{}", quoted(&format!("余{unit}"))),
        Qualifier::AtMost => format!("{}0{}", quoted("不到"), quoted(unit)),
    }
}

struct Sheet<'a> {
    ws: &'a mut Worksheet,
    row: u32,
    head: Format,
}

impl Sheet<'_> {
    fn header(&mut self, cells: &[(&str, &str, f64)]) -> Result<(), ExportError> {
        for (col, (zh, en, width)) in (0u16..).zip(cells) {
            self.ws.write_string_with_format(self.row, col, format!("{zh}\n{en}"), &self.head).map_err(xe)?;
            self.ws.set_column_width(col, *width).map_err(xe)?;
        }
        self.ws.set_freeze_panes(self.row + 1, 1).map_err(xe)?;
        self.ws.set_repeat_rows(self.row, self.row).map_err(xe)?;
        self.row += 1;
        Ok(())
    }

    fn text(&mut self, col: u16, s: &str) -> Result<(), ExportError> {
        if !s.is_empty() {
            self.ws.write_string(self.row, col, cell_text(s)).map_err(xe)?;
        }
        Ok(())
    }

    fn number(&mut self, col: u16, n: f64) -> Result<(), ExportError> {
        self.ws.write_number(self.row, col, n).map_err(xe)?;
        Ok(())
    }

    /// A count as a number formatted with its qualifier and unit.
    fn count(&mut self, col: u16, c: &Count) -> Result<(), ExportError> {
        let format = Format::new().set_num_format(number_format(c.qualifier, c.unit.as_deref()));
        self.ws.write_number_with_format(self.row, col, c.value as f64, &format).map_err(xe)?;
        Ok(())
    }

    fn next(&mut self) {
        self.row += 1;
    }
}

fn page_setup(ws: &mut Worksheet) {
    ws.set_paper_size(9); // A4
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
}

/// The 报送时间 column's header, naming the zone its local times are in (the notice's):
/// 「报送时间（UTC+08:00）」.
fn submitted_at_header(r: &CityRollup) -> (String, String) {
    let zone = r.zone();
    (format!("报送时间（UTC{zone}）"), format!("Submitted at (UTC{zone})"))
}

fn units_sheet(ws: &mut Worksheet, r: &CityRollup, head: &Format) -> Result<(), ExportError> {
    ws.set_name(SHEETS[0]).map_err(xe)?;
    page_setup(ws);
    let mut s = Sheet { ws, row: 0, head: head.clone() };
    let (at_zh, at_en) = submitted_at_header(r);
    s.header(&[
        ("单位", "Unit", 22.0),
        ("状态", "Status", 9.0),
        ("按期", "On time", 9.0),
        ("迟交天数", "Days late", 9.0),
        (&at_zh, &at_en, 22.0),
        ("参加活动人数", "Participants", 14.0),
        ("限定词", "Qualifier", 10.0),
        ("计量单位", "Unit word", 9.0),
        ("参加人数（填写）", "Participants as written", 16.0),
        ("主会场", "Main venues", 9.0),
        ("分会场", "Sub-venues", 9.0),
        ("群众满意度", "Satisfaction", 12.0),
        ("错误", "Errors", 7.0),
        ("警告", "Warnings", 9.0),
        ("问题代码", "Codes", 30.0),
        ("被替代", "Superseded", 9.0),
        ("计入文件", "Input", 30.0),
    ])?;
    for u in &r.units {
        s.text(0, &u.unit)?;
        match u.status {
            UnitStatus::Missing => s.text(1, "未报送 missing")?,
            UnitStatus::Reported => {
                s.text(1, "已报送 reported")?;
                s.text(
                    2,
                    match u.days_late {
                        Some(0) => "按期 on time",
                        Some(_) => "迟交 late",
                        None => "不明 unknown",
                    },
                )?;
                if let Some(d) = u.days_late {
                    s.number(3, d as f64)?;
                }
                if let Some(t) = u.submitted_at {
                    s.text(4, &t.with_timezone(&r.zone()).format("%Y-%m-%d %H:%M %:z").to_string())?;
                }
            }
        }
        if let Some(p) = &u.participants {
            s.count(5, p)?;
            s.text(6, p.qualifier.as_str())?;
            s.text(7, p.unit.as_deref().unwrap_or(""))?;
            s.text(8, &count_text(p))?;
        }
        if let Some(c) = &u.main_venues {
            s.count(9, c)?;
        }
        if let Some(c) = &u.sub_venues {
            s.count(10, c)?;
        }
        if let Some(x) = &u.satisfaction {
            s.text(11, &satisfaction_text(x))?;
        }
        if let Some(v) = &u.validation {
            s.number(12, v.errors as f64)?;
            s.number(13, v.warnings as f64)?;
            s.text(14, &v.codes.join(", "))?;
        }
        s.number(15, u.superseded as f64)?;
        s.text(16, u.input.as_deref().unwrap_or(""))?;
        s.next();
    }
    Ok(())
}

fn total_row(s: &mut Sheet<'_>, zh: &str, en: &str, t: &Total) -> Result<(), ExportError> {
    s.text(0, zh)?;
    s.text(1, en)?;
    match t.as_count() {
        Some(c) => {
            s.count(2, &c)?;
            s.text(3, c.qualifier.as_str())?;
            s.text(4, c.unit.as_deref().unwrap_or(""))?;
        }
        // People and person-times are never added: the text gives one figure per kind.
        None => s.text(3, t.qualifier.as_str())?,
    }
    s.text(5, &t.display_zh())?;
    s.number(6, t.units_counted as f64)?;
    s.text(7, &t.units_without.join("、"))?;
    s.next();
    Ok(())
}

fn totals_sheet(ws: &mut Worksheet, r: &CityRollup, head: &Format) -> Result<(), ExportError> {
    ws.set_name(SHEETS[1]).map_err(xe)?;
    page_setup(ws);
    let mut s = Sheet { ws, row: 0, head: head.clone() };
    s.header(&[
        ("项目", "Item", 22.0),
        ("Item", "(English)", 26.0),
        ("合计", "Total", 14.0),
        ("限定词", "Qualifier", 10.0),
        ("计量单位", "Unit word", 9.0),
        ("合计（文字）", "Total as text", 20.0),
        ("计入单位数", "Units counted", 11.0),
        ("未填单位", "Units without a figure", 30.0),
    ])?;
    let t = &r.totals;
    for (zh, en, total) in [
        ("参加活动人数", "Participants", &t.participants),
        ("主会场", "Main venues", &t.main_venues),
        ("分会场", "Sub-venues", &t.sub_venues),
        ("所辖街道乡镇等", "Sub-units in total", &t.units_total),
        ("参与活动的街道乡镇等", "Sub-units taking part", &t.units_participating),
        ("文字报道", "Text reports", &t.text_reports),
        ("影像图片报道", "Image reports", &t.image_reports),
    ] {
        total_row(&mut s, zh, en, total)?;
    }
    s.next();
    let c = &r.completeness;
    let facts: [(&str, &str, Option<f64>, String); 6] = [
        ("应报单位数", "Units expected", Some(c.expected as f64), String::new()),
        ("已报单位数", "Units reported", Some(c.reported as f64), String::new()),
        ("报送率（%）", "Completeness (%)", c.rate_percent, String::new()),
        ("按期单位数", "On time", Some(r.timeliness.on_time_units.len() as f64), String::new()),
        ("迟交单位数", "Late", Some(r.late_units.len() as f64), String::new()),
        ("截止日期", "Deadline", None, r.timeliness.deadline.map(|d| d.to_string()).unwrap_or_default()),
    ];
    for (zh, en, n, text) in facts {
        s.text(0, zh)?;
        s.text(1, en)?;
        match n {
            Some(n) => s.number(2, n)?,
            None => s.text(2, &text)?,
        }
        s.next();
    }
    // The mean with its qualifier and its text, as the city's 总结表 writes it.
    s.text(0, "满意度加权平均（%）")?;
    s.text(1, "Satisfaction, weighted mean (%)")?;
    if let Some(m) = r.satisfaction.weighted_mean {
        s.number(2, m)?;
        s.text(3, r.satisfaction.qualifier.as_str())?;
    }
    s.text(5, &r.satisfaction.mean_zh().unwrap_or_default())?;
    s.next();
    Ok(())
}

fn missing_sheet(ws: &mut Worksheet, r: &CityRollup, head: &Format) -> Result<(), ExportError> {
    ws.set_name(SHEETS[2]).map_err(xe)?;
    let mut s = Sheet { ws, row: 0, head: head.clone() };
    s.header(&[("未报送单位", "Missing unit", 30.0)])?;
    for u in &r.missing_units {
        s.text(0, u)?;
        s.next();
    }
    Ok(())
}

fn late_sheet(ws: &mut Worksheet, r: &CityRollup, head: &Format) -> Result<(), ExportError> {
    ws.set_name(SHEETS[3]).map_err(xe)?;
    let mut s = Sheet { ws, row: 0, head: head.clone() };
    let (at_zh, at_en) = submitted_at_header(r);
    s.header(&[
        ("迟交单位", "Late unit", 24.0),
        ("迟交天数", "Days late", 10.0),
        (&at_zh, &at_en, 22.0),
        ("计入文件", "Input", 40.0),
    ])?;
    for u in &r.late_units {
        s.text(0, &u.unit)?;
        s.number(1, u.days_late as f64)?;
        s.text(2, &u.submitted_at.with_timezone(&r.zone()).format("%Y-%m-%d %H:%M %:z").to_string())?;
        s.text(3, &u.input)?;
        s.next();
    }
    Ok(())
}

fn fix_sheet(ws: &mut Worksheet, r: &CityRollup, head: &Format) -> Result<(), ExportError> {
    ws.set_name(SHEETS[4]).map_err(xe)?;
    page_setup(ws);
    let mut s = Sheet { ws, row: 0, head: head.clone() };
    s.header(&[
        ("单位", "Unit", 22.0),
        ("文件", "Input", 36.0),
        ("级别", "Severity", 9.0),
        ("代码", "Code", 30.0),
        ("说明", "Message", 60.0),
        ("Message", "(English)", 60.0),
    ])?;
    for f in super::html::to_fix(r) {
        s.text(0, &f.unit)?;
        s.text(1, &f.input)?;
        s.text(2, f.severity)?;
        s.text(3, &f.code)?;
        s.text(4, &f.message)?;
        s.text(5, &f.message_en)?;
        s.next();
    }
    Ok(())
}

/// The roll-up as the bytes of an .xlsx workbook, sheets [`SHEETS`]: per-unit rows, totals,
/// missing units, late units, reports to fix.
///
/// ```
/// use learning_week::aggregate::{aggregate, AggregateOptions};
/// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[], &AggregateOptions::default());
/// let xlsx = learning_week::export::rollup_xlsx(&r).unwrap();
/// assert_eq!(&xlsx[..2], b"PK");
/// ```
pub fn rollup_xlsx(r: &CityRollup) -> Result<Vec<u8>, ExportError> {
    let mut wb = Workbook::new();
    // A fixed creation date (the deadline), so the same roll-up gives the same file.
    let created = r
        .timeliness
        .deadline
        .and_then(|d| {
            use chrono::Datelike;
            ExcelDateTime::from_ymd(u16::try_from(d.year()).ok()?, d.month() as u8, d.day() as u8).ok()
        })
        .map_or_else(|| ExcelDateTime::from_ymd(2000, 1, 1), Ok)
        .map_err(xe)?;
    let title = format!(
        "{}年{}全民终身学习活动周汇总",
        r.year.map(|y| y.to_string()).unwrap_or_default(),
        r.city.as_deref().unwrap_or("")
    );
    wb.set_properties(&DocProperties::new().set_title(cell_text(&title)).set_creation_datetime(&created));
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_background_color(0xDDEBF7);
    units_sheet(wb.add_worksheet(), r, &head)?;
    totals_sheet(wb.add_worksheet(), r, &head)?;
    missing_sheet(wb.add_worksheet(), r, &head)?;
    late_sheet(wb.add_worksheet(), r, &head)?;
    fix_sheet(wb.add_worksheet(), r, &head)?;
    wb.save_to_buffer().map_err(xe)
}
