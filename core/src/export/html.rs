//! The city roll-up as one self-contained HTML page: no script, no network (a Content Security
//! Policy forbids both), charts as inline SVG, every district-provided string escaped. Print CSS
//! sets A4 portrait; the charts scale to the page width through their `viewBox`.
//!
//! Charts: participants by unit (bars; hatched when approximate, an arrow head when a lower
//! bound, an open bar when an upper bound; one colour per kind, 人 and 人次 never on one
//! scale without saying so), completeness and timeliness (one stacked bar of the expected
//! units), the topic-coverage matrix (topics × units), then the per-unit table and the list
//! of reports that need fixing with their diagnostics.

use super::escape;
use super::form::{count_text, satisfaction_text};
use crate::aggregate::{CityRollup, Total, UnitStatus};
use crate::catalog::Severity;
use crate::count::{Count, CountKind, Qualifier};
use std::fmt::Write;

/// 需修改 / one finding about a report the city centre must send back (or check).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fix {
    pub unit: String,
    pub input: String,
    pub severity: &'static str,
    pub code: String,
    pub message: String,
    pub message_en: String,
}

/// The reports that need fixing: every error and warning of a counted report (its own message:
/// which row, which material), the roll-up's own findings (outliers), and the rejected inputs.
pub(crate) fn to_fix(r: &CityRollup) -> Vec<Fix> {
    let mut out = Vec::new();
    for (rec, f) in r.accounting.to_fix() {
        out.push(Fix {
            unit: rec.unit.clone().unwrap_or_default(),
            input: rec.label(),
            severity: f.severity.as_str(),
            code: f.code.clone(),
            message: f.message.clone(),
            message_en: f.message_en.clone(),
        });
    }
    for o in &r.outliers {
        out.push(Fix {
            unit: o.unit.clone(),
            input: o.input.clone(),
            severity: o.diagnostic.severity.as_str(),
            code: o.diagnostic.code.to_string(),
            message: o.diagnostic.message.clone(),
            message_en: o.diagnostic.message_en.clone(),
        });
    }
    for rec in &r.accounting.rejected {
        for d in rec.diagnostics.iter().filter(|d| d.severity != Severity::Info) {
            out.push(Fix {
                unit: rec.unit_written.clone().or_else(|| rec.unit.clone()).unwrap_or_default(),
                input: rec.label(),
                severity: d.severity.as_str(),
                code: d.code.to_string(),
                message: d.message.clone(),
                message_en: d.message_en.clone(),
            });
        }
    }
    out
}

const CSS: &str = r#"
:root { --ok: #2e7d32; --late: #ef6c00; --unknown: #9e9e9e; --missing: #c62828; --people: #1565c0; --times: #00838f; --other: #6a1b9a; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0 auto; padding: 16px; max-width: 210mm; color: #212121; font-size: 14px; line-height: 1.5; }
h1 { font-size: 22px; margin: 0 0 4px; }
h1 small, h2 small { font-weight: normal; color: #616161; font-size: 0.7em; }
h2 { font-size: 17px; border-bottom: 2px solid #1565c0; padding-bottom: 2px; margin: 20px 0 8px; }
.facts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin: 12px 0; }
.fact { border: 1px solid #cfd8dc; border-radius: 4px; padding: 6px 8px; }
.fact b { display: block; font-size: 18px; }
.fact span { color: #616161; font-size: 12px; }
svg { width: 100%; height: auto; display: block; }
svg text { font-family: inherit; fill: #212121; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { border: 1px solid #b0bec5; padding: 2px 4px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #e3f2fd; }
#fix-table { table-layout: fixed; }
#fix-table code { word-break: break-all; }
td.n { text-align: right; white-space: nowrap; }
.sev-error { color: var(--missing); font-weight: bold; }
.sev-warning { color: var(--late); }
.legend { font-size: 12px; color: #424242; margin: 4px 0; }
.legend i { display: inline-block; width: 14px; height: 10px; margin: 0 3px 0 10px; vertical-align: middle; border: 1px solid #424242; }
.note { font-size: 12px; color: #616161; }
ul.plain { margin: 4px 0; padding-left: 20px; }
section { break-inside: avoid; page-break-inside: avoid; }
section.long { break-inside: auto; page-break-inside: auto; }
@page { size: A4 portrait; margin: 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
"#;

/// A total as every output writes it ([`Total::display_zh`]).
fn total_text(t: &Total) -> String {
    t.display_zh()
}

/// A label cut to `max` display columns (CJK count two) with an ellipsis, so a long name cannot
/// run off a chart; the full name stays in the element's `<title>` and in the tables.
pub(crate) fn fit(s: &str, max: usize) -> String {
    let wide = |c: char| if (c as u32) >= 0x1100 { 2 } else { 1 };
    if s.chars().map(wide).sum::<usize>() <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        if w + wide(c) > max.saturating_sub(2) {
            break;
        }
        w += wide(c);
        out.push(c);
    }
    out.push('…');
    out
}

fn kind_colour(kind: CountKind) -> &'static str {
    match kind {
        CountKind::People => "var(--people)",
        CountKind::PersonTimes => "var(--times)",
        _ => "var(--other)",
    }
}

fn qualifier_words(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "精确 exact",
        Qualifier::Approx => "约 approximate",
        Qualifier::AtLeast => "以上 at least",
        Qualifier::AtMost => "以内 at most",
    }
}

/// Participants by unit: one horizontal bar per unit that gave a figure.
fn participants_chart(r: &CityRollup, out: &mut String) {
    const W: f64 = 680.0;
    const LABEL: f64 = 170.0;
    const VALUE: f64 = 120.0;
    const ROW: f64 = 24.0;
    const TOP: f64 = 8.0;
    let max = r.units.iter().filter_map(|u| u.participants.as_ref()).map(|c| c.value).max().unwrap_or(0);
    let bar_w = W - LABEL - VALUE;
    let h = TOP * 2.0 + ROW * r.units.len().max(1) as f64 + 18.0;
    let _ = write!(
        out,
        r##"<svg id="participants-chart" viewBox="0 0 {W} {h}" role="img" aria-label="参加活动人数 / participants by unit">
<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><rect width="3" height="6" fill="currentColor"/></pattern></defs>
"##
    );
    for (i, u) in r.units.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="end" font-size="13">{}<title>{}</title></text>"#,
            LABEL - 6.0,
            y + ROW * 0.68,
            escape(&fit(&u.unit, 24)),
            escape(&u.unit)
        );
        match (&u.participants, u.status) {
            (Some(c), _) => {
                let len = if max == 0 { 0.0 } else { (c.value as f64 / max as f64) * bar_w }.max(1.0);
                let colour = kind_colour(c.kind());
                let (fill, stroke, dash) = match c.qualifier {
                    Qualifier::Approx => ("url(#hatch)", colour, ""),
                    Qualifier::AtMost => ("#fff", colour, r#" stroke-dasharray="4 2""#),
                    _ => (colour, colour, ""),
                };
                let _ = write!(
                    out,
                    r#"<rect class="bar" data-unit="{}" data-qualifier="{}" x="{LABEL}" y="{}" width="{len:.1}" height="{}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dash} style="color:{colour}"><title>{}：{}</title></rect>"#,
                    escape(&u.unit),
                    c.qualifier.as_str(),
                    y + 4.0,
                    ROW - 8.0,
                    escape(&u.unit),
                    escape(&count_text(c)),
                );
                let end = LABEL + len;
                if c.qualifier == Qualifier::AtLeast {
                    // A lower bound: an arrow head past the bar's end says "or more".
                    let _ = write!(
                        out,
                        r#"<path class="marker-at-least" d="M{:.1} {} l8 {} l-8 {} z" fill="{colour}"/>"#,
                        end + 1.0,
                        y + 4.0,
                        (ROW - 8.0) / 2.0,
                        (ROW - 8.0) / 2.0
                    );
                }
                let _ = write!(
                    out,
                    r#"<text x="{:.1}" y="{}" font-size="12">{}</text>"#,
                    end + 12.0,
                    y + ROW * 0.68,
                    escape(&count_text(c))
                );
            }
            (None, UnitStatus::Missing) => {
                let _ = write!(
                    out,
                    r##"<text x="{LABEL}" y="{}" font-size="12" fill="#c62828">未报送 missing</text>"##,
                    y + ROW * 0.68
                );
            }
            (None, UnitStatus::Reported) => {
                let _ = write!(
                    out,
                    r##"<text x="{LABEL}" y="{}" font-size="12" fill="#757575">未填 not given</text>"##,
                    y + ROW * 0.68
                );
            }
        }
    }
    let _ = write!(
        out,
        r##"<line x1="{LABEL}" y1="{TOP}" x2="{LABEL}" y2="{}" stroke="#424242"/></svg>"##,
        TOP + ROW * r.units.len() as f64
    );
    out.push_str(
        r#"<p class="legend"><i style="background:var(--times)"></i>人次 person-times<i style="background:var(--people)"></i>人 people<i style="background:var(--other)"></i>其他 other<i style="background:repeating-linear-gradient(45deg,#00838f 0 3px,#fff 3px 6px)"></i>约 approximate<i style="background:#fff;border-style:dashed"></i>以内 at most<span style="margin-left:10px">▶ 以上 at least</span></p>"#,
    );
    let kinds = r.totals.participants.by_kind.len();
    if kinds > 1 {
        out.push_str(r#"<p class="note">各单位填报的计量单位不同（人 / 人次），条形长度不可直接相加比较。 Units reported different kinds (people / person-times): bar lengths are not additive.</p>"#);
    }
}

/// Completeness and timeliness: the expected units as one stacked bar.
fn completeness_chart(r: &CityRollup, out: &mut String) {
    const W: f64 = 680.0;
    let expected = r.expected_units.max(1) as f64;
    let segments = [
        ("on-time", "按期 on time", "var(--ok)", r.timeliness.on_time_units.len()),
        ("late", "迟交 late", "var(--late)", r.late_units.len()),
        ("unknown", "时间不明 no timestamp", "var(--unknown)", r.timeliness.unknown_units.len()),
        ("missing", "未报送 missing", "var(--missing)", r.missing_units.len()),
    ];
    let _ = write!(
        out,
        r#"<svg id="completeness-chart" viewBox="0 0 {W} 84" role="img" aria-label="报送与及时性 / completeness and timeliness">"#
    );
    let mut x = 0.0;
    for (class, label, colour, n) in segments {
        if n == 0 {
            continue;
        }
        let w = W * n as f64 / expected;
        let (fill, text_fill) = if class == "missing" { ("#fff", "#c62828") } else { (colour, "#fff") };
        let _ = write!(
            out,
            r#"<rect class="segment {class}" x="{x:.1}" y="6" width="{w:.1}" height="36" fill="{fill}" stroke="{colour}" stroke-width="2"><title>{label}: {n}</title></rect>"#
        );
        if w > 22.0 {
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="30" text-anchor="middle" font-size="14" font-weight="bold" style="fill:{text_fill}">{n}</text>"#,
                x + w / 2.0
            );
        }
        x += w;
    }
    let rate = r.completeness.rate_percent.map_or_else(|| "—".to_owned(), |p| format!("{p}%"));
    let _ = write!(
        out,
        r#"<text x="0" y="64" font-size="13">报送 reported {}/{} ({rate})；按期 on time {}，迟交 late {}，时间不明 unknown {}，未报送 missing {}</text></svg>"#,
        r.completeness.reported,
        r.completeness.expected,
        r.timeliness.on_time_units.len(),
        r.late_units.len(),
        r.timeliness.unknown_units.len(),
        r.missing_units.len()
    );
    let list = |names: Vec<String>| -> String {
        if names.is_empty() {
            "无 none".to_owned()
        } else {
            names.iter().map(|n| escape(n)).collect::<Vec<_>>().join("、")
        }
    };
    let _ = write!(
        out,
        r#"<ul class="plain"><li id="missing-list"><b>未报送 Missing:</b> {}</li><li id="late-list"><b>迟交 Late:</b> {}</li>"#,
        list(r.missing_units.clone()),
        list(
            r.late_units
                .iter()
                .map(|l| format!(
                    "{}（{}天 / {} day(s)，{}）",
                    l.unit,
                    l.days_late,
                    l.days_late,
                    l.submitted_at.with_timezone(&r.zone()).format("%m-%d %H:%M (%:z)")
                ))
                .collect()
        ),
    );
    if !r.completeness.duplicate_units.is_empty() {
        let _ = write!(
            out,
            "<li><b>重复报送 Sent more than once:</b> {}</li>",
            list(r.completeness.duplicate_units.clone())
        );
    }
    if !r.completeness.unknown_senders.is_empty() {
        let _ = write!(
            out,
            "<li><b>非辖区报送 Unknown senders:</b> {}</li>",
            list(r.completeness.unknown_senders.clone())
        );
    }
    let deadline = r.timeliness.deadline.map_or_else(|| "—".to_owned(), |d| d.to_string());
    let _ = write!(
        out,
        "<li><b>截止 Deadline:</b> {deadline}（宽限 grace {} 天 days）</li></ul>",
        r.timeliness.grace_days
    );
}

/// Topic coverage: topics (focus items first) × units.
fn coverage_chart(r: &CityRollup, out: &mut String) {
    const W: f64 = 680.0;
    const LABEL: f64 = 200.0;
    const HEAD: f64 = 110.0;
    const ROW: f64 = 22.0;
    let units: Vec<&str> = r.units.iter().map(|u| u.unit.as_str()).collect();
    let mut topics: Vec<&crate::aggregate::TopicCoverage> = r.topic_coverage.iter().collect();
    topics.sort_by_key(|t| !t.focus);
    // Room on the right for the last units' slanted names (11 characters at -55° ≈ 70 px).
    const RIGHT: f64 = 80.0;
    let col = if units.is_empty() { 0.0 } else { ((W - LABEL - RIGHT) / units.len() as f64).min(40.0) };
    let h = HEAD + ROW * topics.len() as f64 + 4.0;
    let _ = write!(
        out,
        r#"<svg id="coverage-chart" viewBox="0 0 {W} {h}" role="img" aria-label="主题覆盖 / topic coverage">"#
    );
    for (j, u) in units.iter().enumerate() {
        let x = LABEL + col * j as f64 + col / 2.0;
        let _ = write!(
            out,
            r#"<text transform="translate({x:.1} {}) rotate(-55)" font-size="11">{}<title>{}</title></text>"#,
            HEAD - 6.0,
            escape(&fit(u, 22)),
            escape(u)
        );
    }
    for (i, t) in topics.iter().enumerate() {
        let y = HEAD + ROW * i as f64;
        let name = if t.focus { format!("★ {}", t.name) } else { t.name.clone() };
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="end" font-size="12"{}>{}</text>"#,
            LABEL - 6.0,
            y + ROW * 0.7,
            if t.focus { r#" font-weight="bold""# } else { "" },
            escape(&fit(&name, 30))
        );
        for (j, u) in units.iter().enumerate() {
            let x = LABEL + col * j as f64 + 2.0;
            let covering = t.units.iter().find(|c| c.unit == *u);
            let reporting = r.units.iter().any(|x| x.unit == *u && x.status == UnitStatus::Reported);
            let (class, fill, stroke) = match covering {
                Some(c) if c.from_summary => ("covered", "#1565c0", "#1565c0"),
                Some(_) => ("plan-only", "#90caf9", "#1565c0"),
                None if reporting => ("not-covered", "#fff", "#ef6c00"),
                None => ("no-report", "#eeeeee", "#bdbdbd"),
            };
            let _ = write!(
                out,
                r#"<rect class="cell {class}" x="{x:.1}" y="{}" width="{:.1}" height="{}" fill="{fill}" stroke="{stroke}"><title>{} · {}</title></rect>"#,
                y + 2.0,
                (col - 4.0).max(1.0),
                ROW - 4.0,
                escape(u),
                escape(&t.name)
            );
        }
    }
    out.push_str("</svg>");
    out.push_str(r#"<p class="legend"><i style="background:#1565c0"></i>总结表中开展 in the 总结表<i style="background:#90caf9"></i>仅见于方案 in the plan only<i style="background:#fff;border-color:#ef6c00"></i>未见 not seen<i style="background:#eee;border-color:#bdbdbd"></i>未报送 no report<span style="margin-left:10px">★ 重点开展 focus item</span></p>"#);
}

fn units_table(r: &CityRollup, out: &mut String) {
    // (the table keeps every name whole: it wraps)
    let zone = r.zone();
    out.push_str(&format!(r#"<table id="units-table"><thead><tr><th>单位<br>Unit</th><th>状态<br>Status</th><th>报送时间<br>Submitted<br>({zone})</th><th>迟交天数<br>Days late</th><th>参加活动人数<br>Participants</th><th>主会场<br>Main</th><th>分会场<br>Sub</th><th>满意度<br>Satisfaction</th><th>错误<br>Errors</th><th>警告<br>Warnings</th></tr></thead><tbody>"#));
    let dash = || "—".to_owned();
    for u in &r.units {
        let (status, at, late) = match u.status {
            UnitStatus::Missing => ("未报送 missing", dash(), dash()),
            UnitStatus::Reported => (
                "已报送 reported",
                u.submitted_at
                    .map_or_else(dash, |t| t.with_timezone(&r.zone()).format("%m-%d %H:%M").to_string()),
                u.days_late.map_or_else(|| "?".to_owned(), |d| d.to_string()),
            ),
        };
        let count = |c: &Option<Count>| c.as_ref().map_or_else(dash, count_text);
        let v = u.validation.as_ref();
        let _ = write!(
            out,
            r#"<tr data-unit="{}"><td>{}</td><td>{status}</td><td class="n">{at}</td><td class="n">{late}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            escape(&u.unit),
            escape(&u.unit),
            escape(&count(&u.participants)),
            escape(&count(&u.main_venues)),
            escape(&count(&u.sub_venues)),
            escape(&u.satisfaction.as_ref().map_or_else(dash, satisfaction_text)),
            v.map_or_else(dash, |v| v.errors.to_string()),
            v.map_or_else(dash, |v| v.warnings.to_string()),
        );
    }
    out.push_str("</tbody></table>");
}

fn fix_table(r: &CityRollup, out: &mut String) {
    let fixes = to_fix(r);
    if fixes.is_empty() {
        out.push_str(r#"<p id="fix-none">无 None.</p>"#);
        return;
    }
    out.push_str(r#"<table id="fix-table"><colgroup><col style="width:12%"><col style="width:22%"><col style="width:10%"><col style="width:18%"><col style="width:38%"></colgroup><thead><tr><th>单位<br>Unit</th><th>文件<br>Input</th><th>级别<br>Severity</th><th>代码<br>Code</th><th>说明 / Message</th></tr></thead><tbody>"#);
    for f in fixes {
        let sev = match f.severity {
            "error" => "错误 error",
            "warning" => "警告 warning",
            _ => "提示 info",
        };
        let _ = write!(
            out,
            r#"<tr class="sev-{}"><td>{}</td><td>{}</td><td>{sev}</td><td><code>{}</code></td><td>{}<br><span class="note">{}</span></td></tr>"#,
            escape(f.severity),
            escape(&f.unit),
            escape(&f.input),
            escape(&f.code),
            escape(&f.message),
            escape(&f.message_en),
        );
    }
    out.push_str("</tbody></table>");
}

/// The roll-up as a self-contained HTML page (UTF-8 text): key figures, three SVG charts, the
/// per-unit table and the reports that need fixing. No script and no request leaves the page
/// (its Content Security Policy is `default-src 'none'`); every string from a district is
/// escaped.
///
/// ```
/// use learning_week::aggregate::{aggregate, AggregateInput, AggregateOptions};
/// let sub = serde_json::json!({"submitted_at": "2021-12-01T10:00:00+08:00", "summary": {"year": 2021,
///     "host_unit": "东湖区", "participation": {"participants": {"value": 35000, "qualifier": "approx", "unit": "人次"}}}});
/// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[AggregateInput::json(None, sub)], &AggregateOptions::default());
/// let html = learning_week::export::rollup_html(&r);
/// assert!(html.contains(r#"<svg id="participants-chart""#));
/// assert!(html.contains("约35000人次"));
/// assert!(html.contains(r#"data-qualifier="approx""#));
/// ```
pub fn rollup_html(r: &CityRollup) -> String {
    let year = r.year.map(|y| format!("{y}年")).unwrap_or_default();
    let city = r.city.as_deref().unwrap_or("");
    let title = format!("{year}{city}全民终身学习活动周汇总");
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{} / Roll-up</title><style>{CSS}</style></head><body>
<h1>{} <small>Roll-up of the units' reports</small></h1>
"#,
        escape(&title),
        escape(&title)
    );
    let t = &r.totals;
    let rate = r.completeness.rate_percent.map_or_else(|| "—".to_owned(), |p| format!("{p}%"));
    let mean = r.satisfaction.mean_zh().unwrap_or_else(|| "—".to_owned());
    let _ = write!(
        out,
        r#"<div class="facts"><div class="fact"><b>{}/{}</b><span>报送 reported ({rate})</span></div><div class="fact"><b>{}</b><span>迟交 late</span></div><div class="fact"><b>{}</b><span>参加活动人数 participants{}</span></div><div class="fact"><b>{mean}</b><span>满意度加权平均 satisfaction, weighted mean</span></div></div>"#,
        r.completeness.reported,
        r.completeness.expected,
        r.late_units.len(),
        escape(&total_text(&t.participants)),
        // Figures of several kinds carry their qualifiers each; one figure says its own here.
        if t.participants.is_mixed() {
            String::new()
        } else {
            format!("（{}）", qualifier_words(t.participants.qualifier))
        },
    );
    out.push_str(r#"<section id="participants"><h2>参加活动人数 <small>Participants by unit</small></h2>"#);
    participants_chart(r, &mut out);
    out.push_str("</section>");
    out.push_str(
        r#"<section id="completeness"><h2>报送与及时性 <small>Completeness and timeliness</small></h2>"#,
    );
    completeness_chart(r, &mut out);
    out.push_str("</section>");
    out.push_str(r#"<section id="coverage"><h2>主题覆盖 <small>Topic coverage</small></h2>"#);
    coverage_chart(r, &mut out);
    out.push_str("</section>");
    out.push_str(r#"<section id="units" class="long"><h2>单位一览 <small>Units</small></h2>"#);
    units_table(r, &mut out);
    let _ = write!(
        out,
        r#"<p class="note">合计 Totals：主会场 main venues {}；分会场 sub-venues {}；文字报道 text reports {}；影像图片报道 image reports {}。</p></section>"#,
        escape(&total_text(&t.main_venues)),
        escape(&total_text(&t.sub_venues)),
        escape(&total_text(&t.text_reports)),
        escape(&total_text(&t.image_reports)),
    );
    out.push_str(
        r#"<section id="fix" class="long"><h2>需修改的报送 <small>Reports that need fixing</small></h2>"#,
    );
    fix_table(r, &mut out);
    let a = &r.accounting;
    let _ = writeln!(
        out,
        r#"<p class="note">输入 Inputs {} = 计入 included {} + 被替代 superseded {} + 退回 rejected {} + 方案 plans {} + 材料 materials {}。</p></section></body></html>"#,
        a.inputs,
        a.included.len(),
        a.superseded.len(),
        a.rejected.len(),
        a.plans.len(),
        a.materials.len()
    );
    out
}

/// The roll-up as an HTML fragment for notebooks (Jupyter's `_repr_html_`): a caption with
/// completeness, timeliness and the participants' total, and the per-unit table. No page, no
/// style sheet: the notebook styles the table; every string escaped.
///
/// ```
/// use learning_week::aggregate::{aggregate, AggregateOptions};
/// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[], &AggregateOptions::default());
/// let html = learning_week::export::rollup_html_fragment(&r);
/// assert!(html.starts_with("<div") && html.contains("<table id=\"units-table\">"));
/// assert_eq!(html.matches("<tr data-unit=").count(), 13);
/// ```
pub fn rollup_html_fragment(r: &CityRollup) -> String {
    let year = r.year.map(|y| format!("{y}年")).unwrap_or_default();
    let city = r.city.as_deref().unwrap_or("");
    let rate = r.completeness.rate_percent.map_or_else(|| "—".to_owned(), |p| format!("{p}%"));
    let mut out = format!(
        "<div class=\"learning-week-rollup\"><p><b>{}全民终身学习活动周汇总 / Roll-up</b>：报送 reported {}/{} ({rate})，迟交 late {}，参加活动人数 participants {}</p>",
        escape(&format!("{year}{city}")),
        r.completeness.reported,
        r.completeness.expected,
        r.late_units.len(),
        escape(&total_text(&r.totals.participants)),
    );
    units_table(r, &mut out);
    out.push_str("</div>");
    out
}
