//! Importing a 总结表 from the form's own labels: a map of row label → cell text, as a district
//! fills the Word form (「参加活动人数：约3.5万人次」).
//!
//! Labels are matched tolerantly (spacing, bracket widths, a trailing ：, traditional
//! characters, the group name written before the row). Each row's text is read with the text
//! parsers ([`crate::text`]), keeping qualifiers; what cannot be read honestly is not guessed
//! but kept verbatim in 其他 as 「【label】text」, and so is the text of a label that matches no
//! row. Nothing the person wrote is dropped. Every read or refusal is a diagnostic:
//! `import.parsed` (info), `import.kept_as_text` and `import.unknown_label` (warnings).

use crate::catalog::import::{IMPORT_KEPT_AS_TEXT, IMPORT_PARSED, IMPORT_UNKNOWN_LABEL};
use crate::catalog::Diagnostic;
use crate::catalog::{make, params};
use crate::count::Count;
use crate::decode::{Labelled, Text};
use crate::satisfaction::Satisfaction;
use crate::summary::{
    FeaturedActivity, Leadership, Organizer, Participation, Publicity, Reach, SummaryTable, ThemeAndContent,
};
use crate::text::{self, Quantity, TextError};
use crate::text_match::normalise_name;
use crate::Period;
use serde::Serialize;
use serde_json::{json, Map, Value};

/// The result of [`SummaryTable::from_labeled_text`]: the table read so far and what was done
/// with each row.
///
/// ```
/// use learning_week::SummaryTable;
/// let r = SummaryTable::from_labeled_text([("举办县区".to_string(), "东湖区".to_string())], Some(2021));
/// assert_eq!(r.summary.host_unit.as_deref(), Some("东湖区"));
/// assert_eq!(r.diagnostics[0].code, "import.parsed");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabeledImport {
    /// 总结表 / the table, every row that could be read typed; the rest kept in `other`.
    pub summary: SummaryTable<'static>,
    /// 导入说明 / one diagnostic per row read, kept as text, or not recognised.
    pub diagnostics: Vec<Diagnostic>,
}

/// One row of the attachment's form (the export lays the form out from [`ROWS`] too).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Row {
    Year,
    HostUnit,
    Organizers,
    IssuingDepartments,
    AttendingLeaders,
    CoordinatingDepartment,
    PlanningDepartment,
    Units,
    Venues,
    Participants,
    Featured,
    Theme,
    Content,
    Outcomes,
    Period,
    ReachScope,
    Satisfaction,
    SelfAssessment,
    PublicityScope,
    TextReports,
    ImageReports,
    Other,
}

/// (row, the form's label, the JSON Pointer it fills, other labels accepted), in the form's order.
pub(crate) const ROWS: &[(Row, &str, &str, &[&str])] = &[
    (Row::Year, "年度", "/year", &["年份"]),
    (Row::HostUnit, "举办县区", "/host_unit", &["举办县（区）", "县区"]),
    (Row::Organizers, "主办单位及协办单位", "/organizers", &["主办单位和协办单位", "主办及协办单位"]),
    (Row::IssuingDepartments, "下发活动文件的部门", "/leadership/issuing_departments", &["下发文件的部门"]),
    (
        Row::AttendingLeaders,
        "出席活动（开幕式）的领导",
        "/leadership/attending_leaders",
        &["出席活动的领导", "出席开幕式的领导"],
    ),
    (Row::CoordinatingDepartment, "具体协调部门", "/leadership/coordinating_department", &[]),
    (Row::PlanningDepartment, "制定活动方案部门", "/leadership/planning_department", &["制定活动方案的部门"]),
    (Row::Units, "全市区数及参与活动的数量", "/participation", &["全市区数和参与活动的数量"]),
    (Row::Venues, "主会场及分会场数量", "/participation", &["主会场和分会场数量"]),
    (Row::Participants, "参加活动人数", "/participation/participants", &["参与活动人数", "参加人数"]),
    (Row::Featured, "有特色的活动", "/participation/featured_activities", &["特色活动"]),
    (Row::Theme, "活动主题", "/theme_and_content/theme", &[]),
    (Row::Content, "活动内容", "/theme_and_content/content", &[]),
    (Row::Outcomes, "活动成效", "/theme_and_content/outcomes", &[]),
    (Row::Period, "活动时间", "/theme_and_content/period", &[]),
    (Row::ReachScope, "活动范围（包括参与活动的街道、企事业单位等）", "/reach/scope", &["活动范围"]),
    (Row::Satisfaction, "群众满意度", "/reach/satisfaction", &["满意度"]),
    (Row::SelfAssessment, "自我评价", "/reach/self_assessment", &[]),
    (Row::PublicityScope, "宣传范围", "/publicity/scope", &[]),
    (Row::TextReports, "文字报道", "/publicity/text_reports", &[]),
    (Row::ImageReports, "影像图片报道", "/publicity/image_reports", &["影像报道", "图片报道"]),
    (Row::Other, "其他", "/other", &["其它"]),
];

/// Group names of the form, sometimes written before a row's label (「组织领导-具体协调部门」).
const GROUPS: &[&str] = &["组织领导", "活动参与情况", "活动主题与内容", "活动的群众性", "宣传报道"];

/// The row a label names, with its form label and pointer.
fn find_row(label: &str) -> Option<(Row, &'static str, &'static str)> {
    let n = normalise_name(label);
    let exact = |n: &str| {
        ROWS.iter()
            .find(|(_, form, _, aliases)| {
                normalise_name(form) == n || aliases.iter().any(|a| normalise_name(a) == n)
            })
            .map(|(row, form, pointer, _)| (*row, *form, *pointer))
    };
    exact(&n).or_else(|| {
        GROUPS.iter().find_map(|g| {
            n.strip_prefix(normalise_name(g).as_str()).filter(|rest| !rest.is_empty()).and_then(exact)
        })
    })
}

/// Whether `label` names a row of the form (as [`SummaryTable::from_labeled_text`] matches it).
#[cfg_attr(not(feature = "docx"), allow(dead_code))]
pub(crate) fn is_form_label(label: &str) -> bool {
    find_row(label).is_some()
}

/// The form's own label of the row `label` names.
#[cfg_attr(not(feature = "docx"), allow(dead_code))]
pub(crate) fn form_row_of(label: &str) -> Option<&'static str> {
    find_row(label).map(|(_, form, _)| form)
}

/// Whether `text` is one of the form's group labels (组织领导 …), however spaced or broken.
#[cfg_attr(not(feature = "docx"), allow(dead_code))]
pub(crate) fn is_group_label(text: &str) -> bool {
    let n = normalise_name(text);
    !n.is_empty() && GROUPS.iter().any(|g| normalise_name(g) == n)
}

/// What a refusal that did not come from a text parser says.
struct Refusal {
    code: &'static str,
    reason: &'static str,
    reason_en: &'static str,
}

const NO_NAMES: Refusal =
    Refusal { code: "import.no_names", reason: "读不出名称", reason_en: "no names could be read" };

/// An organiser's name and the role its closing bracket names (「…局（主办）」, 「…(协办)」); the
/// item as it is when the bracket names no role (「保税区(金港镇)」) or nothing is before it.
fn organizer_role(item: &str) -> (&str, Option<crate::notice::Role>) {
    let found = ["（", "("].iter().find_map(|open| {
        let body = item.strip_suffix('）').or_else(|| item.strip_suffix(')'))?;
        let at = body.rfind(open)?;
        let role = crate::notice::Role::from_zh(&body[at + open.len()..])?;
        let name = body[..at].trim_end();
        (!name.is_empty()).then_some((name, Some(role)))
    });
    found.unwrap_or((item, None))
}

/// The organisers of a cell written as a sentence of roles — 「由东湖区委、区政府主办，东湖区教育
/// 体育局承办，东湖区社区教育学院、各街道社区教育学校协办」: each clause's names with the role
/// its last word names (主办, 承办, 协办, 组织实施, 具体实施, 支持; 联合主办 and 共同主办 too), its
/// leading 由 dropped; or each clause led by its role (「主办单位：…；承办：…」). `None` when no
/// clause names a role (a plain list of names).
fn organizers_sentence(text: &str) -> Option<Vec<(String, Option<crate::notice::Role>)>> {
    use crate::notice::ROLE_WORDS;
    const JOINTLY: &[&str] = &["联合", "共同"];
    let mut out = Vec::new();
    let mut any_role = false;
    for clause in text.split(['，', ',', '；', ';', '。', '\n']).map(str::trim).filter(|c| !c.is_empty()) {
        let clause = clause.strip_prefix('由').unwrap_or(clause).trim_start();
        // 「主办单位：…」, 「承办：…」: the role before the names.
        let labelled = ROLE_WORDS.iter().find_map(|(w, role)| {
            let rest = clause.strip_prefix(w)?;
            let rest = rest.strip_prefix("单位").unwrap_or(rest).trim_start();
            let names = rest.strip_prefix(['：', ':'])?.trim();
            (!names.is_empty()).then_some((names, Some(*role)))
        });
        let found = labelled.or_else(|| {
            ROLE_WORDS.iter().find_map(|(w, role)| {
                let names = clause.strip_suffix(w)?;
                let names = JOINTLY.iter().find_map(|j| names.strip_suffix(j)).unwrap_or(names).trim_end();
                (!names.is_empty()).then_some((names, Some(*role)))
            })
        });
        let (names, role) = found.unwrap_or((clause, None));
        any_role |= role.is_some();
        out.extend(text::split_names(names).into_iter().map(|n| (n.text, role)));
    }
    (any_role && !out.is_empty()).then_some(out)
}

/// The activities of a 有特色的活动 cell, line by line. A line written as the form's export
/// writes an activity — 「名称：简介（涉及主题：双减、智慧助老）」, a name, a colon, its
/// description, its topics in a closing bracket — is that one activity, whatever commas its
/// description holds; any other line is a list of names (「读书会、诗词诵读会」), split as names
/// are ([`text::split_names`]).
fn featured_activities(text: &str) -> Vec<FeaturedActivity<'static>> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (rest, topics) = split_topics(line);
        match (split_at_colon(rest), topics) {
            (Some((name, description)), topics) => out.push(FeaturedActivity {
                name: Some(Text::Owned(unwrap_name(name).to_owned())),
                description: Some(Text::Owned(description.to_owned())).filter(|d| !d.is_empty()),
                topics,
                ..Default::default()
            }),
            (None, Some(topics)) => out.push(FeaturedActivity {
                name: Some(Text::Owned(unwrap_name(rest).to_owned())),
                topics: Some(topics),
                ..Default::default()
            }),
            (None, None) if unwrap_name(line) != line => out.push(FeaturedActivity {
                name: Some(Text::Owned(unwrap_name(line).to_owned())),
                ..Default::default()
            }),
            (None, None) => out.extend(
                text::split_names(line)
                    .into_iter()
                    .map(|n| FeaturedActivity { name: Some(Text::Owned(n.text)), ..Default::default() }),
            ),
        }
    }
    out
}

/// A name the export set in 「」 because it holds a colon (「东湖区：“双减”课后服务进社区」),
/// without them; any other name as it is.
fn unwrap_name(name: &str) -> &str {
    match name.strip_prefix('「').and_then(|n| n.strip_suffix('」')) {
        Some(inner) if inner.contains(['：', ':']) && !inner.contains(['「', '」']) => inner,
        _ => name,
    }
}

/// A line's closing 「（涉及主题：…）」 (or 「（主题：…）」, half-width brackets too): the line
/// without it, and its topics.
fn split_topics(line: &str) -> (&str, Option<Vec<Text<'static>>>) {
    let label = FeaturedActivity::label(&["topics"]).unwrap_or("涉及主题");
    let Some(body) = line.strip_suffix('）').or_else(|| line.strip_suffix(')')) else { return (line, None) };
    // The bracket that the last one closes (a topic may hold brackets: 学习型城市（乡村）建设).
    let mut depth = 0usize;
    let open = body.char_indices().rev().find_map(|(i, c)| match c {
        '）' | ')' => {
            depth += 1;
            None
        }
        '（' | '(' if depth == 0 => Some(i),
        '（' | '(' => {
            depth -= 1;
            None
        }
        _ => None,
    });
    let Some(open) = open else { return (line, None) };
    let inner = body[open..].trim_start_matches(['（', '(']);
    let Some(list) = [label, "主题"].iter().find_map(|l| inner.strip_prefix(l)) else {
        return (line, None);
    };
    let Some(list) = list.strip_prefix(['：', ':']) else { return (line, None) };
    let topics: Vec<Text<'static>> =
        text::split_names(list).into_iter().map(|n| Text::Owned(n.text)).collect();
    if topics.is_empty() {
        return (line, None);
    }
    (body[..open].trim_end(), Some(topics))
}

/// A line's name and description at its first colon outside brackets and quotes, when the name
/// before it is not empty.
fn split_at_colon(line: &str) -> Option<(&str, &str)> {
    let mut depth = 0i32;
    for (i, c) in line.char_indices() {
        match c {
            '（' | '(' | '【' | '[' | '“' | '《' | '「' => depth += 1,
            '）' | ')' | '】' | ']' | '”' | '》' | '」' => depth -= 1,
            '：' | ':' if depth <= 0 => {
                let name = line[..i].trim();
                let description = line[i + c.len_utf8()..].trim();
                return (!name.is_empty()).then_some((name, description));
            }
            _ => {}
        }
    }
    None
}
const NO_YEAR: Refusal = Refusal {
    code: "import.no_year",
    reason: "读不出四位年份",
    reason_en: "no four-digit year could be read",
};
const ALREADY_FILLED: Refusal = Refusal {
    code: "import.row_repeated",
    reason: "该栏已由另一栏目填写",
    reason_en: "the row was already filled from another label",
};

struct Importer {
    summary: SummaryTable<'static>,
    diagnostics: Vec<Diagnostic>,
    year: Option<i32>,
    other: Vec<String>,
    kept: Vec<String>,
}

impl Importer {
    fn parsed(&mut self, pointer: &str, label: &str, text: &str, value: Value, qualifier: &str) {
        let p = params! {"label" => label, "text" => text, "value" => value, "qualifier" => qualifier};
        self.diagnostics.push(make(&IMPORT_PARSED, pointer.to_owned(), p, Some(&Value::String(text.into()))));
    }

    fn refused(&mut self, pointer: &str, label: &str, text: &str, e: &TextError) {
        let mut extra = Map::new();
        if let Some(r) = e.reason() {
            extra.insert("refusal_reason".into(), r.into());
        }
        self.keep(pointer, label, text, e.code.as_str(), &e.message, &e.message_en, extra);
    }

    fn refused_with(&mut self, pointer: &str, label: &str, text: &str, r: &Refusal) {
        self.keep(pointer, label, text, r.code, r.reason, r.reason_en, Map::new());
    }

    #[allow(clippy::too_many_arguments, reason = "one private helper behind refused/refused_with")]
    fn keep(
        &mut self,
        pointer: &str,
        label: &str,
        text: &str,
        code: &str,
        reason: &str,
        reason_en: &str,
        extra: Map<String, Value>,
    ) {
        // The message quotes the text, cut as a diagnostic's input is: a 4 MB paste is kept in
        // 其他 whole, but not copied into the message.
        let quoted = crate::catalog::excerpt(&Value::String(text.into()));
        let mut p = params! {
            "label" => label, "text" => quoted, "refusal" => code, "reason" => reason, "reason_en" => reason_en
        };
        p.extend(extra);
        self.diagnostics.push(make(
            &IMPORT_KEPT_AS_TEXT,
            pointer.to_owned(),
            p,
            Some(&Value::String(text.into())),
        ));
        self.kept.push(format!("【{label}】{text}"));
    }

    fn participation(&mut self) -> &mut Participation<'static> {
        self.summary.participation.get_or_insert_with(Participation::default)
    }

    fn leadership(&mut self) -> &mut Leadership<'static> {
        self.summary.leadership.get_or_insert_with(Leadership::default)
    }

    fn theme(&mut self) -> &mut ThemeAndContent<'static> {
        self.summary.theme_and_content.get_or_insert_with(ThemeAndContent::default)
    }

    fn reach(&mut self) -> &mut Reach<'static> {
        self.summary.reach.get_or_insert_with(Reach::default)
    }

    fn publicity(&mut self) -> &mut Publicity<'static> {
        self.summary.publicity.get_or_insert_with(Publicity::default)
    }

    /// Whether the field a row fills already holds a value (a second label for the same row).
    fn filled(&self, row: Row) -> bool {
        let s = &self.summary;
        let p = s.participation.as_ref();
        let l = s.leadership.as_ref();
        match row {
            Row::Organizers => s.organizers.is_some(),
            Row::IssuingDepartments => l.is_some_and(|l| l.issuing_departments.is_some()),
            Row::AttendingLeaders => l.is_some_and(|l| l.attending_leaders.is_some()),
            Row::Units => p.is_some_and(|p| p.units_total.is_some() || p.units_participating.is_some()),
            Row::Venues => p.is_some_and(|p| p.main_venues.is_some() || p.sub_venues.is_some()),
            Row::Participants => p.is_some_and(|p| p.participants.is_some()),
            Row::Featured => p.is_some_and(|p| p.featured_activities.is_some()),
            Row::Period => s.theme_and_content.as_ref().is_some_and(|t| t.period.is_some()),
            Row::Satisfaction => s.reach.as_ref().is_some_and(|r| r.satisfaction.is_some()),
            Row::TextReports => s.publicity.as_ref().is_some_and(|x| x.text_reports.is_some()),
            Row::ImageReports => s.publicity.as_ref().is_some_and(|x| x.image_reports.is_some()),
            _ => false,
        }
    }

    /// A cell read for its row: its warnings as findings at the row's pointer.
    fn warnings(&mut self, pointer: &str, text: &str, warnings: Vec<TextError>) {
        for w in warnings {
            let input = Value::String(text.into());
            self.diagnostics.push(make(w.code.rule(), pointer.to_owned(), w.params, Some(&input)));
        }
    }

    /// A count cell read for its row (the decoder reads a count field given as text alike).
    fn count_cell(
        &mut self,
        pointer: &str,
        label: &str,
        text: &str,
        row: text::CellRow,
    ) -> Option<text::CellCount> {
        let ctx = text::ReadContext { year: self.year };
        match text::read_count_cell(text, row, &ctx) {
            Ok(cell) => Some(cell),
            Err(e) => {
                self.refused(pointer, label, text, &e);
                None
            }
        }
    }

    /// A count read from a cell: the qualifier and unit as parsed, the whole cell as `source`.
    fn count(&mut self, pointer: &str, label: &str, text: &str, q: &Quantity) -> Count {
        let mut c = q.to_count();
        c.source = Some(text.to_owned());
        self.parsed(pointer, label, text, json!(c.value), c.qualifier.as_str());
        c
    }

    fn names(&mut self, pointer: &str, label: &str, text: &str) -> Option<Vec<String>> {
        let items: Vec<String> = text::split_names(text).into_iter().map(|i| i.text).collect();
        if items.is_empty() {
            self.refused_with(pointer, label, text, &NO_NAMES);
            return None;
        }
        self.parsed(pointer, label, text, json!(items), "list");
        Some(items)
    }

    /// Free text: set, or appended to what another label for the same row gave.
    fn free_text(
        &mut self,
        pointer: &str,
        label: &str,
        text: &str,
        slot: fn(&mut Self) -> &mut Option<Text<'static>>,
    ) {
        let cell = slot(self);
        match cell {
            Some(old) => {
                let old = old.to_mut();
                old.push('\n');
                old.push_str(text);
            }
            None => *cell = Some(Text::Owned(text.to_owned())),
        }
        self.parsed(pointer, label, text, json!(text), "text");
    }

    fn read(&mut self, label: &str, text: &str) {
        let Some((row, _, pointer)) = find_row(label) else {
            let p = params! {"label" => label, "text" => text};
            let input = Value::String(text.into());
            self.diagnostics.push(make(&IMPORT_UNKNOWN_LABEL, "/other".into(), p, Some(&input)));
            self.kept.push(format!("【{label}】{text}"));
            return;
        };
        if self.filled(row) {
            self.refused_with(pointer, label, text, &ALREADY_FILLED);
            return;
        }
        match row {
            Row::Year => {
                let digits: String = text
                    .chars()
                    .filter_map(|c| match c {
                        '0'..='9' => Some(c),
                        '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')),
                        _ => None,
                    })
                    .collect();
                match digits.parse::<i32>().ok().filter(|_| digits.len() == 4) {
                    Some(y) => {
                        self.summary.year = Some(y);
                        self.year = Some(y);
                        self.parsed(pointer, label, text, json!(y), "exact");
                    }
                    None => self.refused_with(pointer, label, text, &NO_YEAR),
                }
            }
            Row::HostUnit => self.free_text(pointer, label, text, |s| &mut s.summary.host_unit),
            Row::Organizers => {
                // 「由…主办，…承办，…协办」: a sentence naming each organiser's role.
                if let Some(orgs) = organizers_sentence(text) {
                    let names: Vec<&str> = orgs.iter().map(|(n, _)| n.as_str()).collect();
                    self.parsed(pointer, label, text, json!(names), "list");
                    let orgs = orgs.into_iter().map(|(name, role)| Organizer {
                        name: Some(name.into()),
                        role,
                        ..Default::default()
                    });
                    self.summary.organizers = Some(orgs.collect());
                } else if let Some(items) = self.names(pointer, label, text) {
                    let orgs = items.into_iter().map(|n| {
                        // 「东湖区教育体育局（主办）」, as the export writes it and units often do: the
                        // bracket names the role.
                        let (name, role) = organizer_role(&n);
                        Organizer { name: Some(name.to_owned().into()), role, ..Default::default() }
                    });
                    self.summary.organizers = Some(orgs.collect());
                }
            }
            Row::IssuingDepartments => {
                if let Some(items) = self.names(pointer, label, text) {
                    self.leadership().issuing_departments =
                        Some(items.into_iter().map(Text::Owned).collect());
                }
            }
            Row::AttendingLeaders => {
                if let Some(items) = self.names(pointer, label, text) {
                    let leaders = items
                        .into_iter()
                        .map(|t| crate::plan::Leader { title: Some(t.into()), ..Default::default() });
                    self.leadership().attending_leaders = Some(leaders.collect());
                }
            }
            Row::CoordinatingDepartment => {
                self.free_text(pointer, label, text, |s| &mut s.leadership().coordinating_department)
            }
            Row::PlanningDepartment => {
                self.free_text(pointer, label, text, |s| &mut s.leadership().planning_department)
            }
            Row::Units => match text::read_units_cell(text, &text::ReadContext { year: self.year }) {
                Ok(text::CellUnits { units: u, warnings }) => {
                    self.warnings(pointer, text, warnings);
                    if let Some(q) = &u.units_total {
                        let c = self.count("/participation/units_total", label, text, q);
                        self.participation().units_total = Some(c);
                    }
                    if let Some(q) = &u.units_participating {
                        let c = self.count("/participation/units_participating", label, text, q);
                        self.participation().units_participating = Some(c);
                    }
                }
                Err(e) => self.refused("/participation/units_total", label, text, &e),
            },
            Row::Venues => match text::read_venues_cell(text, &text::ReadContext { year: self.year }) {
                Ok(text::CellVenues { venues: v, warnings }) => {
                    self.warnings(pointer, text, warnings);
                    if let Some(q) = &v.main_venues {
                        let c = self.count("/participation/main_venues", label, text, q);
                        self.participation().main_venues = Some(c);
                    }
                    if let Some(q) = &v.sub_venues {
                        let c = self.count("/participation/sub_venues", label, text, q);
                        self.participation().sub_venues = Some(c);
                    }
                    if let Some(e) = v.refused.first() {
                        self.refused(pointer, label, text, e);
                    }
                }
                Err(e) => self.refused("/participation/main_venues", label, text, &e),
            },
            Row::Participants => {
                if let Some(cell) = self.count_cell(pointer, label, text, text::CellRow::Participants) {
                    let c = self.count(pointer, label, text, &cell.value);
                    self.participation().participants = Some(c);
                    self.warnings(pointer, text, cell.warnings);
                }
            }
            Row::Featured => {
                let acts = featured_activities(text);
                if acts.is_empty() {
                    self.refused_with(pointer, label, text, &NO_NAMES);
                } else {
                    self.parsed(pointer, label, text, json!(acts), "list");
                    self.participation().featured_activities = Some(acts);
                }
            }
            Row::Theme => self.free_text(pointer, label, text, |s| &mut s.theme().theme),
            Row::Content => self.free_text(pointer, label, text, |s| &mut s.theme().content),
            Row::Outcomes => self.free_text(pointer, label, text, |s| &mut s.theme().outcomes),
            Row::Period => match text::parse_period(text, self.year) {
                Ok(p) => {
                    let value = json!({"start": p.start.to_string(), "end": p.end.to_string()});
                    self.parsed(pointer, label, text, value, "exact");
                    self.theme().period = Some(Period::new(p.start, p.end));
                }
                Err(e) => self.refused(pointer, label, text, &e),
            },
            Row::ReachScope => self.free_text(pointer, label, text, |s| &mut s.reach().scope),
            Row::Satisfaction => {
                let ctx = text::ReadContext { year: self.year };
                match text::read_satisfaction_cell(text, &ctx) {
                    Ok(cell) => {
                        let mut sat = cell.value.to_satisfaction();
                        let (value, qualifier) = match &mut sat {
                            Satisfaction::Percent(p) => {
                                p.source = Some(text.to_owned());
                                (json!(p.value), p.qualifier.as_str())
                            }
                            Satisfaction::Level(l) => (json!(l.as_str()), "level"),
                        };
                        self.parsed(pointer, label, text, value, qualifier);
                        self.reach().satisfaction = Some(sat);
                        self.warnings(pointer, text, cell.warnings);
                    }
                    Err(e) => self.refused(pointer, label, text, &e),
                }
            }
            Row::SelfAssessment => self.free_text(pointer, label, text, |s| &mut s.reach().self_assessment),
            Row::PublicityScope => self.free_text(pointer, label, text, |s| &mut s.publicity().scope),
            Row::TextReports => {
                if let Some(cell) = self.count_cell(pointer, label, text, text::CellRow::TextReports) {
                    let c = self.count(pointer, label, text, &cell.value);
                    self.publicity().text_reports = Some(c);
                    self.warnings(pointer, text, cell.warnings);
                }
            }
            Row::ImageReports => {
                if let Some(cell) = self.count_cell(pointer, label, text, text::CellRow::ImageReports) {
                    let c = self.count(pointer, label, text, &cell.value);
                    self.publicity().image_reports = Some(c);
                    if let Some(v) = &cell.videos {
                        let mut c = self.count("/publicity/video_reports", label, text, v);
                        // Its own phrase: the images' source already holds the whole cell.
                        c.source = Some(v.phrase().to_owned());
                        self.publicity().video_reports = Some(c);
                    }
                    self.warnings(pointer, text, cell.warnings);
                }
            }
            Row::Other => {
                self.other.push(text.to_owned());
                self.parsed(pointer, label, text, json!(text), "text");
            }
        }
    }
}

impl SummaryTable<'static> {
    /// Reads a 总结表 from the form's own row labels and the text written in each cell.
    ///
    /// `year` fills 年度 (a 年度 row, when given, wins) and is the year of dates written
    /// without one. Labels are matched loosely (spacing, bracket widths, trailing ：,
    /// traditional characters, a group name before the row). Combined rows fill both fields
    /// (全市区数及参与活动的数量, 主会场及分会场数量); name rows are split with [`crate::text::split_names`]; counts keep
    /// their qualifier and the cell as `source`. A refused value and an unknown label are kept
    /// in `other` as 「【label】text」 with a warning: nothing written is dropped. Blank cells are
    /// skipped.
    ///
    /// ```
    /// use learning_week::{Qualifier, SummaryTable};
    /// let r = SummaryTable::from_labeled_text(
    ///     [
    ///         ("参加活动人数：".to_string(), "约3.5萬人次".to_string()),
    ///         ("活动时间".to_string(), "11月22日至28日".to_string()),
    ///         ("群众满意度".to_string(), "广受好评".to_string()),
    ///         ("备注".to_string(), "另见附件".to_string()),
    ///     ],
    ///     Some(2021),
    /// );
    /// let p = r.summary.participation.as_ref().unwrap().participants.as_ref().unwrap();
    /// assert_eq!((p.value, p.qualifier), (35_000, Qualifier::Approx));
    /// assert_eq!(r.summary.year, Some(2021));
    /// assert_eq!(r.summary.other.as_deref(), Some("【群众满意度】广受好评\n【备注】另见附件"));
    /// let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    /// assert_eq!(codes, ["import.parsed", "import.parsed", "import.kept_as_text", "import.unknown_label"]);
    /// ```
    pub fn from_labeled_text<K, V>(
        labels: impl IntoIterator<Item = (K, V)>,
        year: Option<i32>,
    ) -> LabeledImport
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let cells: Vec<(String, String)> = labels
            .into_iter()
            .map(|(k, v)| (k.as_ref().trim().to_owned(), v.as_ref().trim().to_owned()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let mut im = Importer {
            summary: SummaryTable { year, ..Default::default() },
            diagnostics: Vec::new(),
            year,
            other: Vec::new(),
            kept: Vec::new(),
        };
        // 年度 first: dates in the other rows may need it.
        let is_year = |label: &str| find_row(label).is_some_and(|(r, _, _)| r == Row::Year);
        for (label, text) in cells.iter().filter(|(l, _)| is_year(l)) {
            im.read(label, text);
        }
        for (label, text) in cells.iter().filter(|(l, _)| !is_year(l)) {
            im.read(label, text);
        }
        let other: Vec<String> = im.other.into_iter().chain(im.kept).collect();
        im.summary.other = (!other.is_empty()).then(|| other.join("\n").into());
        LabeledImport { summary: im.summary, diagnostics: im.diagnostics }
    }
}

#[cfg(test)]
mod tests {
    use super::organizers_sentence;
    use crate::notice::Role::*;

    #[test]
    fn a_sentence_of_roles_gives_each_organiser_its_role() {
        let got = organizers_sentence(
            "由东湖区委、区政府主办,东湖区教育体育局承办,东湖区社区教育学院、各街道社区教育学校协办",
        )
        .unwrap();
        let want = [
            ("东湖区委", Host),
            ("区政府", Host),
            ("东湖区教育体育局", Undertaker),
            ("东湖区社区教育学院", CoOrganiser),
            ("各街道社区教育学校", CoOrganiser),
        ];
        let want: Vec<(String, Option<crate::notice::Role>)> =
            want.iter().map(|(n, r)| ((*n).to_owned(), Some(*r))).collect();
        assert_eq!(got, want);
        let joint = organizers_sentence("区委宣传部、区教体局联合主办；区社区学院具体实施").unwrap();
        assert_eq!(joint[1], ("区教体局".to_owned(), Some(Host)));
        assert_eq!(joint[2], ("区社区学院".to_owned(), Some(Implementer)));
        let labelled = organizers_sentence("主办单位：区教体局；承办单位：区社区学院、区图书馆").unwrap();
        assert_eq!(
            labelled.iter().map(|(_, r)| r.unwrap()).collect::<Vec<_>>(),
            [Host, Undertaker, Undertaker]
        );
        assert_eq!(labelled[2].0, "区图书馆");
        // Through the import of a form's cells, as a Word form's row is read.
        let read = crate::SummaryTable::from_labeled_text(
            [("主办单位及协办单位".to_string(), "由东湖区委、区政府主办,东湖区教育体育局承办".to_string())],
            Some(2021),
        );
        let orgs = read.summary.organizers.as_ref().unwrap();
        let got: Vec<(&str, Option<crate::notice::Role>)> =
            orgs.iter().map(|o| (o.name.as_deref().unwrap_or(""), o.role)).collect();
        assert_eq!(
            got,
            [("东湖区委", Some(Host)), ("区政府", Some(Host)), ("东湖区教育体育局", Some(Undertaker))]
        );
        // A plain list, or a 主办 that is a name's own word, names no role: not a sentence.
        assert_eq!(organizers_sentence("东湖区教育体育局、东湖区社区教育学院"), None);
        assert_eq!(organizers_sentence("主办"), None);
    }
}
