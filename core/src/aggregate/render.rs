//! The roll-up for people: a plain-text table to paste into an e-mail, and Markdown.
//! Lives in core so the Python and JS packages render exactly the same thing.

use super::{CityRollup, UnitRow, UnitStatus};
use crate::count::Count;
use crate::satisfaction::Satisfaction;

/// Labels in one language or both: `zh` gives 「中文 / English」, `en` English only.
struct L {
    en: bool,
}

impl L {
    fn lang(&self) -> crate::Lang {
        if self.en {
            crate::Lang::En
        } else {
            crate::Lang::Zh
        }
    }
    fn t(&self, zh: &str, en: &str) -> String {
        if self.en {
            en.to_owned()
        } else {
            format!("{zh} / {en}")
        }
    }
    /// Short form for table headers: Chinese only in `zh`, English in `en`.
    fn h(&self, zh: &str, en: &str) -> String {
        if self.en {
            en.to_owned()
        } else {
            zh.to_owned()
        }
    }
    fn sep(&self) -> &'static str {
        if self.en {
            ", "
        } else {
            "、"
        }
    }
}

/// Display width: CJK and full-width characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let wide = matches!(u,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
                | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
                | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_owned();
    for _ in width(s)..w {
        out.push(' ');
    }
    out
}

fn count(c: &Option<Count>) -> String {
    c.as_ref().map_or_else(|| "—".to_owned(), Count::display_zh)
}

fn sat(s: &Option<Satisfaction>) -> String {
    match s {
        Some(Satisfaction::Percent(p)) => p.display_zh(),
        Some(Satisfaction::Level(l)) => l.as_str().to_owned(),
        None => "—".to_owned(),
    }
}

fn row_cells(r: &UnitRow, l: &L, zone: chrono::FixedOffset) -> Vec<String> {
    let (status, at, late) = match r.status {
        UnitStatus::Missing => (l.h("未报送", "missing"), "—".to_owned(), "—".to_owned()),
        UnitStatus::Reported => (
            l.h("已报送", "reported"),
            r.submitted_at.map_or_else(|| "—".to_owned(), |t| crate::times::local_minutes(t, zone, false)),
            match r.days_late {
                Some(0) => "0".to_owned(),
                Some(d) => format!("{d}"),
                None => "?".to_owned(),
            },
        ),
    };
    let v = r.validation.as_ref();
    vec![
        r.unit.clone(),
        status,
        at,
        late,
        count(&r.participants),
        count(&r.main_venues),
        count(&r.sub_venues),
        sat(&r.satisfaction),
        v.map_or_else(|| "—".to_owned(), |v| v.errors.to_string()),
        v.map_or_else(|| "—".to_owned(), |v| v.warnings.to_string()),
        if r.superseded > 0 { r.superseded.to_string() } else { String::new() },
    ]
}

fn headers(l: &L, zone: chrono::FixedOffset) -> Vec<String> {
    vec![
        l.h("单位", "Unit"),
        l.h("状态", "Status"),
        l.h(&format!("报送时间({zone})"), &format!("Submitted ({zone})")),
        l.h("迟交天数", "Days late"),
        l.h("参加人数", "Participants"),
        l.h("主会场", "Main"),
        l.h("分会场", "Sub"),
        l.h("满意度", "Satisfaction"),
        l.h("错误", "Errors"),
        l.h("警告", "Warnings"),
        l.h("被替代", "Superseded"),
    ]
}

/// The summary lines shared by text and Markdown (without the unit table).
fn lines(r: &CityRollup, l: &L, bullet: &str) -> Vec<String> {
    let mut out = Vec::new();
    let city = r.city.as_deref().unwrap_or("");
    let year = r.year.map(|y| y.to_string()).unwrap_or_default();
    let c = &r.completeness;
    let rate = c.rate_percent.map_or_else(|| "—".to_owned(), |x| format!("{x}%"));
    let missing = if r.missing_units.is_empty() { l.h("无", "none") } else { r.missing_units.join(l.sep()) };
    out.push(format!(
        "{}: {}/{} ({rate}); {}: {missing}",
        l.t("报送情况", "Completeness"),
        c.reported,
        c.expected,
        l.t("未报送", "missing")
    ));
    if !c.duplicate_units.is_empty() {
        out.push(format!(
            "{bullet}{}: {}",
            l.t("重复报送", "sent more than once"),
            c.duplicate_units.join(l.sep())
        ));
    }
    if !c.unknown_senders.is_empty() {
        out.push(format!(
            "{bullet}{}: {}",
            l.t("非辖区报送单位", "unknown senders"),
            c.unknown_senders.join(l.sep())
        ));
    }
    let t = &r.timeliness;
    let deadline = t.deadline.map_or_else(|| "—".to_owned(), |d| d.to_string());
    let late: Vec<String> = r
        .late_units
        .iter()
        .map(|u| {
            if l.en {
                format!("{} {} day(s)", u.unit, u.days_late)
            } else {
                format!("{} {}天", u.unit, u.days_late)
            }
        })
        .collect();
    out.push(format!(
        "{}: {} {deadline} ({} {}); {} {}; {} {}{}",
        l.t("及时性", "Timeliness"),
        l.h("截止", "deadline"),
        l.h("宽限天数", "grace days"),
        t.grace_days,
        l.t("按期", "on time"),
        t.on_time_units.len(),
        l.t("迟交", "late"),
        r.late_units.len(),
        if late.is_empty() { String::new() } else { format!(": {}", late.join(l.sep())) },
    ));
    if !t.unknown_units.is_empty() {
        out.push(format!("{bullet}{}: {}", l.t("无报送时间", "no timestamp"), t.unknown_units.join(l.sep())));
    }
    let a = &r.accounting;
    out.push(format!(
        "{}: {} = {} {} + {} {} + {} {} + {} {} + {} {}",
        l.t("输入", "Inputs"),
        a.inputs,
        l.h("计入", "included"),
        a.included.len(),
        l.h("被替代", "superseded"),
        a.superseded.len(),
        l.h("退回", "rejected"),
        a.rejected.len(),
        l.h("方案", "plans"),
        a.plans.len(),
        l.h("材料", "materials"),
        a.materials.len(),
    ));
    for m in &a.materials {
        let kind = m.material.map_or("", |k| if l.en { k.as_str() } else { k.as_zh() });
        out.push(format!(
            "{bullet}{}: {} {} [{kind}]",
            l.t("材料", "material"),
            m.unit.as_deref().unwrap_or(""),
            m.label()
        ));
    }
    // What the inbox asks a person to check on a counted file (a file name naming another unit
    // than its content, two reports of the same time).
    for x in a.included.iter().chain(&a.superseded).chain(&a.materials) {
        for d in x.diagnostics.iter().filter(|d| d.severity == crate::catalog::Severity::Warning) {
            if d.code.as_str().starts_with("aggregate.") {
                out.push(format!("{bullet}{}: {}", l.t("注意", "note"), d.message_in(l.lang())));
            }
        }
    }
    for s in &a.superseded {
        out.push(format!(
            "{bullet}{}: {} {} → {}",
            l.t("被替代", "superseded"),
            s.unit.as_deref().unwrap_or(""),
            s.label(),
            s.superseded_by.as_deref().unwrap_or("")
        ));
    }
    for x in &a.rejected {
        let reason = x.reason.map_or("", |r| if l.en { r.as_str() } else { r.as_zh() });
        // The reason's own finding (the roll-up's), not the first note of the import before it.
        let why = x
            .diagnostics
            .iter()
            .find(|d| d.code.as_str().starts_with("aggregate."))
            .or(x.diagnostics.first())
            .map(|d| d.message_in(l.lang()).to_owned());
        out.push(format!(
            "{bullet}{}: {} [{reason}] {}",
            l.t("退回", "rejected"),
            x.label(),
            why.unwrap_or_default()
        ));
    }
    let tt = &r.totals;
    out.push(format!("{}:", l.t("合计", "Totals")));
    for (zh, en, t) in [
        ("参加活动人数", "participants", &tt.participants),
        ("主会场", "main venues", &tt.main_venues),
        ("分会场", "sub-venues", &tt.sub_venues),
        ("所辖街道乡镇等", "sub-units in total", &tt.units_total),
        ("参与活动的街道乡镇等", "sub-units taking part", &tt.units_participating),
        ("文字报道", "text reports", &tt.text_reports),
        ("影像图片报道", "image reports", &tt.image_reports),
    ] {
        // The one text of a total (the city's 总结表 prints the same), units left out named in it.
        out.push(format!("{bullet}{}: {}", l.t(zh, en), t.display_zh()));
    }
    for n in &r.notes {
        out.push(format!("{bullet}{}", n.message_in(l.lang())));
    }
    let s = &r.satisfaction;
    let mean = s.mean_zh().unwrap_or_else(|| "—".to_owned());
    let ext = |u: &Option<super::satisfaction::UnitPercent>| {
        u.as_ref().map_or_else(
            || "—".to_owned(),
            |u| {
                // With its qualifier, as the unit wrote it (95%以上).
                let p =
                    crate::satisfaction::Percent { value: u.percent, qualifier: u.qualifier, source: None };
                format!("{} {}", if l.en { p.display_en() } else { p.display_zh() }, u.unit)
            },
        )
    };
    let levels: Vec<String> = s
        .levels
        .iter()
        .filter(|x| x.count > 0)
        .map(|x| format!("{} {}", x.level.as_str(), x.count))
        .collect();
    out.push(format!(
        "{}: {} {mean} (n={}); {} {}; {} {}{}{}",
        l.t("群众满意度", "Satisfaction"),
        if s.unweighted {
            l.h("平均（各单位同权：人与人次不相加）", "mean (units alike: 人 and 人次 mixed)")
        } else {
            l.h("加权平均", "weighted mean")
        },
        s.weights.iter().filter(|w| w.weight.is_some()).count(),
        l.h("最低", "min"),
        ext(&s.min),
        l.h("最高", "max"),
        ext(&s.max),
        if levels.is_empty() { String::new() } else { format!("; {}", levels.join(l.sep())) },
        if s.units_without.is_empty() {
            String::new()
        } else {
            format!("; {}: {}", l.h("未填", "none given"), s.units_without.join(l.sep()))
        },
    ));
    if !r.outliers.is_empty() {
        out.push(format!("{}:", l.t("请核实的数字", "Figures to check")));
        for o in &r.outliers {
            out.push(format!("{bullet}{}", o.diagnostic.message_in(l.lang())));
        }
    }
    // What each counted report must fix, in the findings' own words (which row, which material).
    let mut to_fix = r.accounting.to_fix().peekable();
    if to_fix.peek().is_some() {
        out.push(format!("{}:", l.t("需修改", "To fix")));
        for (rec, f) in to_fix {
            let (sev, message) = if l.en {
                (f.severity.as_str(), f.message_en.as_str())
            } else {
                (f.severity.as_zh(), f.message.as_str())
            };
            out.push(format!(
                "{bullet}{} ({}) {sev}: {message} [{}]",
                rec.unit.as_deref().unwrap_or(""),
                rec.label(),
                f.code
            ));
        }
    }
    let focus: Vec<String> = r
        .topic_coverage
        .iter()
        .filter(|t| t.focus)
        .map(|t| {
            let not = if t.reporting_units_not_covering.is_empty() {
                String::new()
            } else {
                format!(" ({}: {})", l.h("未见", "not seen at"), t.reporting_units_not_covering.join(l.sep()))
            };
            format!("{} {}/{}{not}", t.name, t.units.len(), r.expected_units)
        })
        .collect();
    if !focus.is_empty() {
        out.push(format!("{}: {}", l.t("重点开展", "Focus items"), focus.join("; ")));
    }
    let v = &r.city_summary_validation;
    out.push(format!(
        "{}: {} {}, {} {}{}",
        l.t(&format!("{year}年{city}总结表"), "City summary table"),
        l.h("错误", "errors"),
        v.errors,
        l.h("警告", "warnings"),
        v.warnings,
        if v.codes.is_empty() { String::new() } else { format!(" [{}]", v.codes.join(", ")) },
    ));
    out
}

impl CityRollup {
    /// The roll-up as a plain-text report a person can paste into an e-mail: completeness,
    /// late units, inputs, totals, satisfaction, figures to check, then one row per unit.
    /// `Lang::En` gives English; anything else Chinese with English after a slash.
    ///
    /// ```
    /// use learning_week::aggregate::{aggregate, AggregateOptions};
    /// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[], &AggregateOptions::default());
    /// let text = r.to_text(learning_week::Lang::Zh);
    /// assert!(text.contains("报送情况 / Completeness: 0/13"));
    /// assert!(r.to_text(learning_week::Lang::En).contains("Completeness: 0/13"));
    /// ```
    pub fn to_text(&self, lang: crate::Lang) -> String {
        let l = L { en: lang == crate::Lang::En };
        let city = self.city.as_deref().unwrap_or("");
        let year = self.year.map(|y| y.to_string()).unwrap_or_default();
        let mut out = if l.en {
            format!("{city} {year} lifelong learning activity week: roll-up\n")
        } else {
            format!("{year}年{city}全民终身学习活动周汇总 / Roll-up\n")
        };
        for line in lines(self, &l, "  - ") {
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
        let head = headers(&l, self.zone());
        let rows: Vec<Vec<String>> = self.units.iter().map(|r| row_cells(r, &l, self.zone())).collect();
        let widths: Vec<usize> = (0..head.len())
            .map(|i| {
                rows.iter().filter_map(|r| r.get(i)).chain(head.get(i)).map(|s| width(s)).max().unwrap_or(0)
            })
            .collect();
        let render = |cells: &[String]| -> String {
            let line: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect::<Vec<_>>();
            line.join("  ").trim_end().to_owned()
        };
        out.push_str(&render(&head));
        out.push('\n');
        out.push_str(&render(&widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>()));
        out.push('\n');
        for r in &rows {
            out.push_str(&render(r));
            out.push('\n');
        }
        out
    }

    /// The roll-up as Markdown: the same lines as [`to_text`](Self::to_text) as a list, and the
    /// unit table as a Markdown table.
    ///
    /// ```
    /// use learning_week::aggregate::{aggregate, AggregateOptions};
    /// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[], &AggregateOptions::default());
    /// assert!(r.to_markdown(learning_week::Lang::Zh).contains("| 东湖区 | 未报送 |"));
    /// ```
    pub fn to_markdown(&self, lang: crate::Lang) -> String {
        let l = L { en: lang == crate::Lang::En };
        let city = self.city.as_deref().unwrap_or("");
        let year = self.year.map(|y| y.to_string()).unwrap_or_default();
        let mut out = if l.en {
            format!("# {city} {year} lifelong learning activity week: roll-up\n\n")
        } else {
            format!("# {year}年{city}全民终身学习活动周汇总 / Roll-up\n\n")
        };
        for line in lines(self, &l, "  - ") {
            let md = if line.starts_with("  - ") { line.clone() } else { format!("- {line}") };
            out.push_str(&md.replace('|', "\\|"));
            out.push('\n');
        }
        out.push('\n');
        let cell = |s: &str| if s.is_empty() { " ".to_owned() } else { s.replace('|', "\\|") };
        let head = headers(&l, self.zone());
        out.push_str(&format!("| {} |\n", head.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
        for r in &self.units {
            let cells = row_cells(r, &l, self.zone());
            out.push_str(&format!("| {} |\n", cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")));
        }
        out
    }
}
