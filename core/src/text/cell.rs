//! A cell of the 总结表 read for what its row measures: 参加活动人数 is this week's people or
//! person-times, 文字报道 and 影像图片报道 this week's reports, 群众满意度 a satisfaction.
//!
//! A figure in the cell that is not the row's figure for this week — a yearly or running average
//! (年均, 平均每场), a forecast or plan (预计, 计划, 拟, 力争, 目标), another year's (2019年, 去年,
//! 上届), another measure (a coverage rate in 群众满意度; an age, a duration or a number of events
//! in 参加活动人数) — is never taken. The cell is refused (`text.not_row_figure`, with
//! `params.reason`) when no figure of the row is left, and read with a warning
//! (`text.figure_set_aside`) when the row's figure stands beside one of the row's kind that was
//! set aside. Several figures of the row's kind are kept apart: a written total (共计, 合计 …) is
//! the value, its parts checked against it (`text.parts_mismatch` when they do not add up, never
//! summed across 人 and 人次); with no total the cell is refused (`text.several_figures`).
//!
//! The decoder (a count field given as text) and the label import (Word, Excel, labels) read a
//! cell through these same functions, so each gives the same value and the same reason.
//!
//! ```
//! use learning_week::text::{read_count_cell, CellRow, ReadContext};
//! let ctx = ReadContext { year: Some(2021) };
//! let e = read_count_cell("2019年参与人数达5万人", CellRow::Participants, &ctx).unwrap_err();
//! assert_eq!((e.code.as_str(), e.reason()), ("text.not_row_figure", Some("other_year")));
//! let c = read_count_cell("原计划2000人参加，实际到场2600余人", CellRow::Participants, &ctx).unwrap();
//! assert_eq!(c.value.value, 2600);
//! assert_eq!(c.warnings[0].reason(), Some("projected"));
//! ```

use super::norm::Norm;
use super::percent::{scan_percents, SatisfactionText};
use super::quantity::{nothing_found, other_measure, scan, Found, Quantity};
use super::{code, TextError};
use crate::count::CountKind;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;

/// 读取背景 / what the reader knows besides the cell: the year of the report (the notice's, the 年度 row's
/// or the title's), so 「2019年…」 can be told from this year's figure. Without a year, a year
/// written in the cell is not judged (only 去年, 上届 and the like are). The JSON decoder gives the
/// notice's year when a notice is in force (the built-in one where none is given), and the
/// document's own `year` when it is read alone (a binding's `from_json`) or the notice states none; the text parsers judge
/// a written year only when the request gives one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReadContext {
    /// 年度 / the year of the activity week the report is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// 按栏目读取的栏目 / the rows of the form whose cell holds one figure of a known kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum CellRow {
    /// 参加活动人数: people or person-times this week.
    Participants,
    /// 文字报道: text reports.
    TextReports,
    /// 影像图片报道: images, with the videos kept apart.
    ImageReports,
    /// 群众满意度: a satisfaction percentage or level.
    Satisfaction,
}

/// 未采用的原因 / why a figure is not the row's figure for this week (`params.reason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotRowReason {
    /// 年均、平均每场、日均…: an average or a yearly figure.
    Average,
    /// 预计、计划、拟、力争、目标…: a forecast or a plan.
    Projected,
    /// 2019年、去年、上届…: another year's (or week's) figure.
    OtherYear,
    /// 覆盖率 in 群众满意度, an age, a duration, events in 参加活动人数: another measure.
    OtherMeasure,
}

impl NotRowReason {
    /// The JSON name (`other_year` …).
    ///
    /// ```
    /// assert_eq!(learning_week::text::NotRowReason::OtherYear.as_str(), "other_year");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            NotRowReason::Average => "average",
            NotRowReason::Projected => "projected",
            NotRowReason::OtherYear => "other_year",
            NotRowReason::OtherMeasure => "other_measure",
        }
    }

    fn why(self) -> (&'static str, &'static str) {
        match self {
            NotRowReason::Average => (
                "平均数或常年数（年均、平均每场、日均等）",
                "an average or a yearly figure (年均, 平均每场, 日均 …)",
            ),
            NotRowReason::Projected => (
                "预计或计划的数字（预计、计划、拟、力争、目标等）",
                "a forecast or a plan (预计, 计划, 拟, 力争, 目标 …)",
            ),
            NotRowReason::OtherYear => ("其他年份（届）的数字", "another year's (or another week's) figure"),
            NotRowReason::OtherMeasure => (
                "另一种量（比例、年龄、时长、场次等）",
                "another measure (a share, an age, a duration, a number of events …)",
            ),
        }
    }
}

/// 数字的作用 / the part a figure plays in its cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FigureRole {
    /// 本栏数值 / the row's value (the only figure, or the written total).
    Value,
    /// 分项 / a part beside the written total (or one of several with no total).
    Part,
    /// 视频 / the videos of 影像图片报道, kept apart from the images.
    Videos,
    /// 未采用 / not this week's figure of the row (see `reason`).
    SetAside,
    /// 其他量 / a count of another kind (场 in 参加活动人数), left alone.
    OtherKind,
}

/// 栏内的一个数字 / one figure of a cell and the part it plays.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CellFigure {
    /// 数量 / the figure as read.
    pub quantity: Quantity,
    /// 作用 / its part in the cell.
    pub role: FigureRole,
    /// 原因 / why it was set aside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<NotRowReason>,
}

/// 按栏目读出的数量 / a count cell read for its row.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CellCount {
    /// 本栏数值 / the row's value.
    pub value: Quantity,
    /// 视频数 / 影像图片报道 only: the videos, kept apart from the images (never added).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub videos: Option<Quantity>,
    /// 各数字 / every count of the cell, in order, with its part.
    pub figures: Vec<CellFigure>,
    /// 分项合计 / with a written total and parts of its kind: whether the parts add up to it;
    /// absent when parts of another kind share the breakdown and they do not exceed it (unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts_add_up: Option<bool>,
    /// 提示 / warnings (`text.figure_set_aside`, `text.parts_mismatch`, `text.parts_other_kind`).
    pub warnings: Vec<TextError>,
}

/// 按栏目读出的满意度 / a satisfaction cell read for its row.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CellSatisfaction {
    /// 满意度 / the satisfaction read.
    pub value: SatisfactionText,
    /// 提示 / warnings (`text.figure_set_aside`).
    pub warnings: Vec<TextError>,
}

/// Words before a figure, in its clause, that place it in time. The one nearest the figure wins.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    ThisWeek,
    Not(NotRowReason),
}

const AVERAGE: &[&str] = &[
    "年均", "平均", "日均", "月均", "周均", "场均", "人均", "次均", "期均", "每年", "每场", "每天", "每日",
    "每月", "每周", "每期", "每次", "每届", "每个", "每班", "每所", "常年", "历年",
];
const PROJECTED: &[&str] = &[
    "预计", "计划", "拟", "力争", "目标", "预期", "预估", "预测", "争取", "有望", "即将", "将", "期望",
    "希望", "原定", "预定",
];
const OTHER_YEAR: &[&str] =
    &["去年", "前年", "上年", "上一年", "往年", "上届", "上一届", "往届", "历届", "同期"];
/// Words that state the figure as what happened (实际, 本次, 今年); 活动周期间 or 全周 only name
/// the period and change nothing (「预计活动周期间…」 is still a forecast).
const THIS_WEEK: &[&str] = &["实际", "本次", "本届", "今年", "本年", "当年", "此次", "这次"];

/// Ends a clause: a marker reaches no further.
fn breaks(c: char) -> bool {
    matches!(c, ',' | ';' | '。' | '\n' | '!')
}

fn clause_start(n: &Norm<'_>, at: usize) -> usize {
    (0..at).rev().find(|&x| breaks(n.at(x))).map_or(0, |x| x + 1)
}

/// A word of `words` starting at `x`, unless it is part of another word there.
fn marker_at<'w>(n: &Norm<'_>, x: usize, words: &[&'w str]) -> Option<&'w str> {
    let w = n.match_at(x, words)?;
    let blocked = match w {
        "将" => n.starts_with(x + 1, "近") || "即必".contains(n.before(x)),
        "拟" => "模虚".contains(n.before(x)),
        "计划" => n.starts_with(x + 2, "和") || n.starts_with(x + 2, "书"),
        _ => false,
    };
    (!blocked).then_some(w)
}

/// The year written at `x` (2019年, 2020年度), when four digits stand there before 年.
fn year_at(n: &Norm<'_>, x: usize) -> Option<i32> {
    if n.before(x).is_ascii_digit() {
        return None;
    }
    let digits: String = (x..x + 4).map(|k| n.at(k)).collect();
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) || n.at(x + 4) != '年' {
        return None;
    }
    digits.parse().ok()
}

/// Words that open a clause about the week itself (「…日均1000人次，活动周共计7000人次」): they
/// end an average, forecast or other year carried from an earlier clause of the sentence, not
/// one written in their own clause (「预计活动周期间…」 is still a forecast).
const WEEK_AGAIN: &[&str] = &["活动周", "全周", "本周", "期间", "共计", "合计", "总计", "累计"];

/// Ends a sentence: nothing carries past it.
fn ends_sentence(c: char) -> bool {
    matches!(c, ';' | '。' | '\n' | '!')
}

/// The time frame of a figure whose number starts at `at`, from the words before it in its
/// sentence. A word stating what happened (实际, 本次, 今年, this year's 2021年) clears what
/// came before it (「原计划2000人，实际2600人」); an average, forecast or other year carries on
/// into the next clauses (「每年开展30余场，参加的居民约2000人次」) until such a word, or a clause
/// about the week (活动周, 共计 …). Of the words left one reason is given: the forecast first,
/// then another year, then an average (「争取每个街道…」 is a target).
fn frame(n: &Norm<'_>, at: usize, ctx: &ReadContext) -> Frame {
    let mut seen: [bool; 3] = [false; 3]; // projected, other year, average: in this clause
    let mut carried: [bool; 3] = [false; 3]; // from earlier clauses of the sentence
    let mut x = (0..at).rev().find(|&k| ends_sentence(n.at(k))).map_or(0, |k| k + 1);
    while x < at {
        if breaks(n.at(x)) {
            for (c, s) in carried.iter_mut().zip(seen) {
                *c |= s;
            }
            seen = [false; 3];
            x += 1;
            continue;
        }
        if let Some(y) = year_at(n, x) {
            match ctx.year {
                Some(c) if c == y => {
                    seen = [false; 3];
                    carried = [false; 3];
                }
                Some(_) => seen[1] = true,
                None => {}
            }
            x += 5;
            continue;
        }
        if let Some(w) = marker_at(n, x, THIS_WEEK) {
            seen = [false; 3];
            carried = [false; 3];
            x += w.chars().count();
            continue;
        }
        let hit = [PROJECTED, OTHER_YEAR, AVERAGE]
            .into_iter()
            .enumerate()
            .find_map(|(k, words)| marker_at(n, x, words).map(|w| (k, w)));
        match hit {
            Some((k, w)) => {
                if let Some(s) = seen.get_mut(k) {
                    *s = true;
                }
                x += w.chars().count();
            }
            None => match n.match_at(x, WEEK_AGAIN) {
                Some(w) => {
                    carried = [false; 3];
                    x += w.chars().count();
                }
                None => x += 1,
            },
        }
    }
    let all: Vec<bool> = seen.iter().zip(carried).map(|(s, c)| *s || c).collect();
    match all.as_slice() {
        [true, _, _] => Frame::Not(NotRowReason::Projected),
        [_, true, _] => Frame::Not(NotRowReason::OtherYear),
        [_, _, true] => Frame::Not(NotRowReason::Average),
        _ => Frame::ThisWeek,
    }
}

/// Words before a figure in its clause that make it the cell's written total.
const TOTAL: &[&str] = &["共计", "合计", "总计", "总共", "一共", "累计", "共有", "总人数", "总数", "共"];

fn is_total(n: &Norm<'_>, f: &Found) -> bool {
    let start = n.skip_spaces(clause_start(n, f.start));
    // 各分会场合计…: a subtotal is a part.
    if n.starts_with(start, "各") {
        return false;
    }
    // The marker must be the figure's own: 其中, a bracket or another number after it closes it
    // (「总计1.5万人次（其中老年人4000人次）」: 4000 is a part).
    let mut total = false;
    let mut x = start;
    while x < f.start {
        if n.starts_with(x, "其中") || n.at(x) == '(' {
            total = false;
            x += 1;
            continue;
        }
        if let Some(w) = n.match_at(x, TOTAL) {
            if w != "共" || !("公".contains(n.before(x)) || "同青享建".contains(n.at(x + 1))) {
                total = true;
            }
            x += w.chars().count();
            continue;
        }
        if super::numerals::is_numeral_char(n.at(x)) {
            total = false;
        }
        x += 1;
    }
    total
}

/// Whether the figures after figure `f` are its parts: 其中 follows it (「新闻稿36篇，其中转载12篇」:
/// 36 is the whole), or a bracket opens right after it and the next figure is inside
/// (「约3.5万人次（线上2万人次，线下1.5万人次）」).
fn followed_by_its_parts(n: &Norm<'_>, f: &Found, next_start: usize) -> bool {
    let next_start = next_start.min(n.len());
    if (f.end..next_start).any(|x| n.starts_with(x, "其中")) {
        return true;
    }
    let open = n.skip_spaces(f.end);
    open < next_start && n.at(open) == '(' && !(open..next_start).any(|x| n.at(x) == ')')
}

/// Whether a count of `kind` is the row's kind of figure.
fn row_kind(row: CellRow, kind: CountKind) -> bool {
    match row {
        // A bare number says neither 人 nor 人次: not guessed (refused as `text.kind_missing`).
        CellRow::Participants => matches!(kind, CountKind::People | CountKind::PersonTimes),
        CellRow::TextReports | CellRow::ImageReports => {
            matches!(kind, CountKind::Items | CountKind::Unspecified)
        }
        CellRow::Satisfaction => false,
    }
}

/// Words naming a population picked out of the participants by a result or an honour — prize
/// winners, the commended, those selected or rated — before a figure in its clause: a count of
/// them is another measure than the row's (「获奖人数达190人次」, 「表彰优秀学员20名」 are not
/// 参加活动人数). A verb of taking part nearer the figure wins (「表彰大会参会群众300人」), and one
/// right before the word makes it the event taken part in (「参与评选的群众3000人」).
const SINGLED_OUT: &[&str] = &[
    "获奖",
    "得奖",
    "获评",
    "荣获",
    "评选",
    "评出",
    "评为",
    "评比",
    "评定",
    "表彰",
    "表扬",
    "嘉奖",
    "颁奖",
    "授予",
    "入选",
    "入围",
    "选出",
    "推选",
    "获称",
    "一等奖",
    "二等奖",
    "三等奖",
    "优秀奖",
    "奖项",
];
const TAKING_PART: &[&str] =
    &["参与", "参加", "参会", "参赛", "出席", "到场", "观看", "惠及", "覆盖", "服务", "吸引", "带动"];

/// Words after a figure in its clause that single its people out (「86人获得“学习之星”称号」),
/// unless a verb of taking part comes first (「300人参加评选」).
const SINGLED_AFTER: &[&str] = &[
    "称号",
    "获奖",
    "得奖",
    "获评",
    "荣获",
    "被评为",
    "受到表彰",
    "受表彰",
    "获表彰",
    "获得表彰",
    "入选",
    "入围",
    "等奖",
];

/// Whether the figure from `at` to `end` counts those singled out by a result or an honour.
fn singled_out(n: &Norm<'_>, at: usize, end: usize) -> bool {
    let mut x = end;
    while x < n.len() && !breaks(n.at(x)) {
        if n.match_at(x, TAKING_PART).is_some() {
            break;
        }
        if n.match_at(x, SINGLED_AFTER).is_some() {
            return true;
        }
        x += 1;
    }
    singled_before(n, at)
}

/// Whether words before the figure at `at` single its people out.
fn singled_before(n: &Norm<'_>, at: usize) -> bool {
    let mut singled = false;
    let mut part_end = None;
    let mut x = clause_start(n, at);
    while x < at {
        if let Some(w) = n.match_at(x, TAKING_PART) {
            singled = false;
            x += w.chars().count();
            part_end = Some(x);
        } else if let Some(w) = n.match_at(x, SINGLED_OUT) {
            // 参与评选: the selection is what was taken part in.
            if part_end != Some(x) {
                singled = true;
            }
            x += w.chars().count();
        } else {
            x += 1;
        }
    }
    singled
}

/// Words naming what a report count counts, nearest before the figure: views are no reports.
const VIEWS: &[&str] =
    &["阅读量", "浏览量", "点击量", "播放量", "阅读", "浏览", "点击", "播放", "观看", "转发"];
const VIDEO: &[&str] = &["视频", "影像", "短片", "录像", "微电影", "直播"];
const IMAGE: &[&str] = &["图片", "照片", "相片", "图像", "摄影", "图文"];

/// The nearest of the word lists before `at` in its clause (index into `lists`).
fn nearest(n: &Norm<'_>, at: usize, lists: &[&[&str]]) -> Option<usize> {
    let mut found = None;
    for x in clause_start(n, at)..at {
        if let Some(i) = lists.iter().position(|w| n.match_at(x, w).is_some()) {
            found = Some(i);
        }
    }
    found
}

fn is_video(n: &Norm<'_>, f: &Found, q: &Quantity) -> bool {
    match nearest(n, f.start, &[VIDEO, IMAGE]) {
        Some(0) => true,
        Some(_) => false,
        None => matches!(q.unit.as_deref(), Some("部" | "段")),
    }
}

/// Reads a count cell for `row` (参加活动人数, 文字报道, 影像图片报道): the row's value, every
/// figure with its part, and the warnings; refused when no figure of the row for this week is
/// left, or when several are and none is written as their total.
///
/// ```
/// use learning_week::text::{read_count_cell, CellRow, FigureRole, ReadContext};
/// let ctx = ReadContext::default();
/// let c = read_count_cell("共计2.3万人次，其中线上1.5万人次、线下8000人次", CellRow::Participants, &ctx).unwrap();
/// assert_eq!((c.value.value, c.parts_add_up), (23_000, Some(true)));
/// let e = read_count_cell("开幕式300人，系列活动2万人次", CellRow::Participants, &ctx).unwrap_err();
/// assert_eq!(e.code, "text.several_figures");
/// let c = read_count_cell("图片200余张，视频5个", CellRow::ImageReports, &ctx).unwrap();
/// assert_eq!((c.value.value, c.videos.map(|v| v.value)), (200, Some(5)));
/// assert_eq!(c.figures[1].role, FigureRole::Videos);
/// assert_eq!(read_count_cell("年均服务居民8万人次", CellRow::Participants, &ctx).unwrap_err().reason(), Some("average"));
/// ```
pub fn read_count_cell(text: &str, row: CellRow, ctx: &ReadContext) -> Result<CellCount, TextError> {
    crate::text::check_length(text)?;
    let n = Norm::new(text);
    let found = scan(&n);
    let shared: Arc<str> = Arc::from(text);
    if row == CellRow::Satisfaction {
        return Err(TextError::new_shared(
            &code::NO_NUMBER,
            &shared,
            None,
            &[("reason", "kind_missing".into())],
        ));
    }
    let mut figures: Vec<CellFigure> = Vec::new();
    // (index into figures, found) of the row's figures for this week.
    let mut candidates: Vec<(usize, &Found)> = Vec::new();
    let mut set_aside: Option<NotRowReason> = None;
    let mut other_kind_frame: Option<NotRowReason> = None;
    let mut first_error: Option<TextError> = None;
    // The first refusal of a figure of no kind (「-5」, a range 「200-300人」): the cell's answer
    // when nothing else is found, rather than "no number".
    let mut kindless_error: Option<TextError> = None;
    for f in &found {
        let q = match f.build_shared(&shared) {
            Ok(q) => q,
            Err(e) => {
                if row_kind(row, f.kind) && first_error.is_none() {
                    first_error = Some(e);
                } else if f.kind == CountKind::Unspecified && kindless_error.is_none() {
                    kindless_error = Some(e);
                }
                continue;
            }
        };
        let fr = frame(&n, f.start, ctx);
        let views = row != CellRow::Participants && nearest(&n, f.start, &[VIEWS]).is_some();
        let (role, reason) = if !row_kind(row, f.kind) || views {
            if let Frame::Not(r) = fr {
                other_kind_frame.get_or_insert(r);
            }
            (FigureRole::OtherKind, None)
        } else if let Frame::Not(r) = fr {
            set_aside.get_or_insert(r);
            (FigureRole::SetAside, Some(r))
        } else if singled_out(&n, f.start, f.end) {
            // Of the row's kind but another measure: set aside with its reason, like a rate in
            // 群众满意度.
            set_aside.get_or_insert(NotRowReason::OtherMeasure);
            (FigureRole::SetAside, Some(NotRowReason::OtherMeasure))
        } else if row == CellRow::ImageReports && is_video(&n, f, &q) {
            (FigureRole::Videos, None)
        } else {
            candidates.push((figures.len(), f));
            (FigureRole::Part, None)
        };
        figures.push(CellFigure { quantity: q, role, reason });
    }
    let measure = other_measure(&n);
    let refuse = |reason: NotRowReason| {
        let figure = figures
            .iter()
            .find(|c| c.role == FigureRole::SetAside)
            .or_else(|| figures.first())
            .map(|c| c.quantity.phrase().to_owned())
            .or_else(|| measure.map(|s| s.of(text).to_owned()))
            .unwrap_or_default();
        not_row_figure(&shared, reason, &figure)
    };
    if candidates.is_empty() {
        let videos = figures.iter().filter(|c| c.role == FigureRole::Videos).count();
        if videos > 0 {
            return Err(TextError::new_shared(
                &code::NO_NUMBER,
                &shared,
                None,
                &[("reason", "images_missing".into())],
            ));
        }
        if let Some(e) = first_error {
            return Err(e);
        }
        if let Some(r) = set_aside.or(other_kind_frame) {
            return Err(refuse(r));
        }
        if let Some(e) = kindless_error {
            return Err(e);
        }
        let bare = found.iter().any(|f| f.is_ok() && f.kind == CountKind::Unspecified);
        if row == CellRow::Participants && bare {
            return Err(crate::text::quantity::kind_missing(&shared, CountKind::People));
        }
        if !figures.is_empty() || measure.is_some() {
            return Err(refuse(NotRowReason::OtherMeasure));
        }
        return Err(nothing_found(&n));
    }
    // The value: the only figure, or the written total.
    // Where the candidate after the `k`-th starts (the text's end after the last).
    let next_start = |k: usize| candidates.get(k + 1).map_or(n.len(), |(_, g)| g.start);
    let value_at = if candidates.len() == 1 {
        candidates.first().map(|(i, _)| *i)
    } else {
        let totals: Vec<usize> = candidates
            .iter()
            .enumerate()
            .filter(|(k, (_, f))| {
                is_total(&n, f) || (*k == 0 && followed_by_its_parts(&n, f, next_start(*k)))
            })
            .map(|(_, (i, _))| *i)
            .collect();
        match totals.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    };
    let Some(value_at) = value_at else {
        let list: Vec<&str> =
            candidates.iter().filter_map(|(i, _)| figures.get(*i)).map(|c| c.quantity.phrase()).collect();
        // The row's own example; 人 and 人次 named only where the row counts people.
        let example = match row {
            CellRow::TextReports => "共计20篇",
            CellRow::ImageReports => "共计120张",
            CellRow::Participants | CellRow::Satisfaction => "共计2.3万人次",
        };
        let mut params = vec![
            ("reason", "several_figures".into()),
            ("figures", list.join("、").into()),
            ("count", list.len().into()),
            ("example", example.into()),
        ];
        if row == CellRow::Participants {
            params.push(("never_added", "；人与人次不能相加".into()));
            params.push(("never_added_en", "; 人 and 人次 are never added".into()));
        }
        return Err(TextError::new_shared(&code::SEVERAL_FIGURES, &shared, None, &params));
    };
    if let Some(v) = figures.get_mut(value_at) {
        v.role = FigureRole::Value;
    }
    let value = figures.get(value_at).map(|c| c.quantity.clone()).ok_or_else(|| nothing_found(&n))?;
    let mut warnings = Vec::new();
    // Parts of the total's kind add up to it, or say they do not; other kinds are never summed.
    let same: Vec<&Quantity> = figures
        .iter()
        .filter(|c| c.role == FigureRole::Part && c.quantity.kind == value.kind)
        .map(|c| &c.quantity)
        .collect();
    // Parts of another kind written as the total's own breakdown (人次 under 「3000人，其中…」 or
    // in its bracket) are not summed, nor silently left out. A figure of another kind merely
    // beside the total (「总计8000人次，含开幕式1000人」: the opening's people) is no breakdown.
    let breakdown = candidates
        .iter()
        .enumerate()
        .find(|(_, (i, _))| *i == value_at)
        .is_some_and(|(k, (_, f))| followed_by_its_parts(&n, f, next_start(k)));
    let other: Vec<&str> = figures
        .iter()
        .filter(|c| breakdown && c.role == FigureRole::Part && c.quantity.kind != value.kind)
        .filter(|c| c.quantity.span.start >= value.span.end)
        .map(|c| c.quantity.phrase())
        .collect();
    if !other.is_empty() {
        warnings.push(TextError::new_shared(
            &code::PARTS_OTHER_KIND,
            &shared,
            Some(value.span),
            &[
                ("unit", value.unit.as_deref().unwrap_or_default().into()),
                ("parts", other.join("、").into()),
                ("count", other.len().into()),
            ],
        ));
    }
    let parts_add_up = if same.is_empty() {
        None
    } else {
        let sum: u64 = same.iter().map(|q| q.value).sum();
        // One part is a share of the whole (「共3000人，其中老年人500人」): it only may not exceed
        // it. Two or more are the whole's breakdown, and add up to it — unless parts of another
        // kind share the breakdown (「共12600人，其中学生2000人、市民4600人次」): then the total's
        // own kind is not all of it, and its parts may only fall short of it.
        let share = same.len() == 1 || !other.is_empty();
        let ok = if share { sum <= value.value } else { sum == value.value };
        if !ok {
            let list: Vec<&str> = same.iter().map(|q| q.phrase()).collect();
            warnings.push(TextError::new_shared(
                &code::PARTS_MISMATCH,
                &shared,
                Some(value.span),
                &[("total", value.value.into()), ("sum", sum.into()), ("parts", list.join("、").into())],
            ));
        }
        // Within the total with parts of another kind beside them: whether they add up is not
        // known (text.parts_other_kind says so), never a yes.
        (!ok || other.is_empty()).then_some(ok)
    };
    for c in figures.iter().filter(|c| c.role == FigureRole::SetAside) {
        if let Some(r) = c.reason {
            warnings.push(set_aside_warning(&shared, c.quantity.span, r, &value.to_count().display_zh()));
        }
    }
    let mut videos = figures.iter().filter(|c| c.role == FigureRole::Videos).map(|c| c.quantity.clone());
    let videos = match (videos.next(), videos.next()) {
        (Some(v), None) => Some(v),
        _ => None,
    };
    Ok(CellCount { value, videos, figures, parts_add_up, warnings })
}

/// The one refusal of a cell whose figures are none of them the row's for this week
/// (`text.not_row_figure`): the reason as data, its words in zh and en, and the figure refused.
fn not_row_figure(src: &Arc<str>, reason: NotRowReason, figure: &str) -> TextError {
    let (why, why_en) = reason.why();
    TextError::new_shared(
        &code::NOT_ROW_FIGURE,
        src,
        None,
        &[
            ("reason", reason.as_str().into()),
            ("why", why.into()),
            ("why_en", why_en.into()),
            ("figure", figure.into()),
        ],
    )
}

fn set_aside_warning(src: &Arc<str>, span: super::Span, reason: NotRowReason, read_as: &str) -> TextError {
    let (why, why_en) = reason.why();
    TextError::new_shared(
        &code::FIGURE_SET_ASIDE,
        src,
        Some(span),
        &[
            ("reason", reason.as_str().into()),
            ("why", why.into()),
            ("why_en", why_en.into()),
            ("read_as", Value::String(read_as.to_owned())),
        ],
    )
}

/// Words before a percentage naming a satisfaction, and words naming another rate or share.
const SATISFIED: &[&str] = &["满意", "好评", "认可", "称赞", "点赞"];
const OTHER_RATE: &[&str] = &[
    "覆盖",
    "参与率",
    "知晓",
    "占比",
    "占",
    "比例",
    "比率",
    "增长",
    "提高",
    "提升",
    "上升",
    "增加",
    "下降",
    "同比",
    "环比",
    "回收",
    "完成",
    "达标",
    "出勤",
    "到课",
    "入学",
    "普及",
    "合格",
    "通过",
    "覆盖率",
];

/// The measure a percentage at `at` names: the word nearest before it in its clause
/// (「满意度调查覆盖…，满意率98%」: 满意 is nearer). A bare percentage is a satisfaction.
fn names_other_rate(n: &Norm<'_>, at: usize) -> bool {
    let mut other = false;
    for x in clause_start(n, at)..at {
        if n.match_at(x, SATISFIED).is_some() {
            other = false;
        } else if n.match_at(x, OTHER_RATE).is_some() || (n.at(x) == '率' && !satisfied_before(n, x)) {
            other = true;
        }
    }
    other
}

fn satisfied_before(n: &Norm<'_>, x: usize) -> bool {
    x >= 2 && SATISFIED.iter().any(|w| n.ends_with(x, w))
}

/// Reads a 群众满意度 cell: the percentage that is a satisfaction this year (two different ones are
/// refused, `text.several_figures`: 「开幕式满意度98%，系列活动95%」 has no one value), else a level
/// word; another rate (覆盖率, 参与率, 占比, 增长 …) or another year's figure is set aside with a
/// warning beside it, and refused alone.
///
/// ```
/// use learning_week::text::{read_satisfaction_cell, ReadContext, SatisfactionText};
/// let ctx = ReadContext::default();
/// let s = read_satisfaction_cell("社区覆盖率达90%，群众满意度98%", &ctx).unwrap();
/// assert!(matches!(s.value, SatisfactionText::Percent { value, .. } if value == 98.0));
/// assert_eq!(s.warnings[0].reason(), Some("other_measure"));
/// let e = read_satisfaction_cell("社区覆盖率达90%", &ctx).unwrap_err();
/// assert_eq!((e.code.as_str(), e.reason()), ("text.not_row_figure", Some("other_measure")));
/// ```
pub fn read_satisfaction_cell(text: &str, ctx: &ReadContext) -> Result<CellSatisfaction, TextError> {
    crate::text::check_length(text)?;
    let n = Norm::new(text);
    let scanned = scan_percents(&n);
    let shared: Arc<str> = Arc::from(text);
    let mut value: Option<SatisfactionText> = None;
    // Every satisfaction percentage of the cell: two different ones are not picked from.
    let mut all: Vec<(f64, String)> = Vec::new();
    let mut aside: Vec<(super::Span, NotRowReason)> = Vec::new();
    for p in scanned.percents {
        let reason = if names_other_rate(&n, p.at) {
            Some(NotRowReason::OtherMeasure)
        } else {
            // 平均满意度96%: an average satisfaction is the row's figure.
            match frame(&n, p.at, ctx) {
                Frame::Not(NotRowReason::Average) | Frame::ThisWeek => None,
                Frame::Not(r) => Some(r),
            }
        };
        if let (None, Ok(t @ SatisfactionText::Percent { value: v, .. })) = (reason, &p.item) {
            all.push((*v, t.phrase().to_owned()));
        }
        match (reason, p.item) {
            (None, Ok(s)) if value.is_none() => value = Some(s),
            (None, Ok(_)) => {}
            (None, Err(e)) if value.is_none() => return Err(e),
            (None, Err(_)) => {}
            (Some(r), Ok(s)) => {
                if let SatisfactionText::Percent { span, .. } = s {
                    aside.push((span, r));
                }
            }
            (Some(_), Err(_)) => {}
        }
    }
    if all.iter().any(|(v, _)| all.first().is_some_and(|(f, _)| f != v)) {
        let list: Vec<&str> = all.iter().map(|(_, p)| p.as_str()).collect();
        return Err(TextError::new_shared(
            &code::SEVERAL_FIGURES,
            &shared,
            None,
            &[
                ("reason", "several_figures".into()),
                ("figures", list.join("、").into()),
                ("count", list.len().into()),
            ],
        ));
    }
    let value = match (value, scanned.level) {
        (Some(v), _) => v,
        (None, Some((level, a, b))) => {
            SatisfactionText::Level { level, source: text.to_owned(), span: n.span(a, b) }
        }
        (None, None) => {
            return Err(match aside.first() {
                Some(&(span, r)) => not_row_figure(&shared, r, span.of(text)),
                None => super::percent::no_percent(&shared, &n),
            })
        }
    };
    let read_as = match &value {
        SatisfactionText::Percent { .. } => value.phrase().to_owned(),
        SatisfactionText::Level { .. } => value.phrase().to_owned(),
    };
    let warnings = aside.into_iter().map(|(span, r)| set_aside_warning(&shared, span, r, &read_as)).collect();
    Ok(CellSatisfaction { value, warnings })
}

/// 按栏目读出的会场数 / a 主会场及分会场数量 cell read for its row.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CellVenues {
    /// 会场数 / the venues read (a figure that is not this week's is left out).
    pub venues: super::VenuesText,
    /// 提示 / warnings (`text.figure_set_aside`).
    pub warnings: Vec<TextError>,
}

/// 按栏目读出的街道乡镇数 / a 全市区数及参与活动的数量 cell read for its row.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CellUnits {
    /// 数量 / the total and the participating (a figure that is not this week's is left out).
    pub units: super::UnitsText,
    /// 提示 / warnings (`text.figure_set_aside`).
    pub warnings: Vec<TextError>,
}

/// The reason a figure read from `text` is not this week's (an average, a forecast, another
/// year), from the words before it, as the count rows judge theirs.
fn not_this_week(n: &Norm<'_>, found: &[Found], q: &Quantity, ctx: &ReadContext) -> Option<NotRowReason> {
    let f = found.iter().find(|f| {
        let s = n.span(f.start, f.end);
        s.start < q.span.end.max(q.span.start + 1) && q.span.start < s.end.max(s.start + 1)
    })?;
    match frame(n, f.start, ctx) {
        Frame::Not(r) => Some(r),
        Frame::ThisWeek => None,
    }
}

/// Drops the figures of `slots` that are not this week's: a warning for each beside a figure
/// that is left, the refusal (`text.not_row_figure`) when none is.
fn keep_this_week(
    text: &str,
    ctx: &ReadContext,
    slots: &mut [&mut Option<Quantity>],
) -> Result<Vec<TextError>, TextError> {
    let n = Norm::new(text);
    let found = scan(&n);
    let shared: Arc<str> = Arc::from(text);
    let mut aside: Vec<(super::Span, NotRowReason, String)> = Vec::new();
    for slot in slots.iter_mut() {
        let reason = slot.as_ref().and_then(|q| not_this_week(&n, &found, q, ctx));
        if let Some(r) = reason {
            if let Some(q) = slot.take() {
                aside.push((q.span, r, q.phrase().to_owned()));
            }
        }
    }
    let left: Vec<String> =
        slots.iter().filter_map(|s| s.as_ref()).map(|q| q.to_count().display_zh()).collect();
    match (aside.first(), left.is_empty()) {
        (Some((_, r, figure)), true) => Err(not_row_figure(&shared, *r, figure)),
        _ => {
            let read_as = left.join("、");
            Ok(aside.into_iter().map(|(span, r, _)| set_aside_warning(&shared, span, r, &read_as)).collect())
        }
    }
}

/// Reads a 主会场及分会场数量 cell for its row ([`super::parse_venues`]), with the checks of the count
/// rows: a number of venues planned (计划设分会场20个), averaged (每年…) or of another year
/// (2019年…) is not this week's; it is refused alone (`text.not_row_figure`) and set aside with a
/// warning (`text.figure_set_aside`) beside one that is, `params.reason` saying why.
///
/// ```
/// use learning_week::text::{read_venues_cell, ReadContext};
/// let ctx = ReadContext { year: Some(2021) };
/// let v = read_venues_cell("主会场1个，分会场12个", &ctx).unwrap();
/// assert_eq!(v.venues.sub_venues.map(|q| q.value), Some(12));
/// let e = read_venues_cell("计划设立主会场1个、分会场20个", &ctx).unwrap_err();
/// assert_eq!((e.code.as_str(), e.reason()), ("text.not_row_figure", Some("projected")));
/// let v = read_venues_cell("主会场1个；2019年分会场8个", &ctx).unwrap();
/// assert!(v.venues.sub_venues.is_none());
/// assert_eq!(v.warnings[0].reason(), Some("other_year"));
/// ```
pub fn read_venues_cell(text: &str, ctx: &ReadContext) -> Result<CellVenues, TextError> {
    let mut venues = super::parse_venues(text)?;
    let warnings = keep_this_week(text, ctx, &mut [&mut venues.main_venues, &mut venues.sub_venues])?;
    Ok(CellVenues { venues, warnings })
}

/// Reads a 全市区数及参与活动的数量 cell for its row ([`super::parse_units`]), with the same checks
/// as [`read_venues_cell`].
///
/// ```
/// use learning_week::text::{read_units_cell, ReadContext};
/// let ctx = ReadContext { year: Some(2021) };
/// let u = read_units_cell("全区10个街道，全部参与", &ctx).unwrap();
/// assert_eq!(u.units.units_participating.map(|q| q.value), Some(10));
/// let e = read_units_cell("预计全区10个街道全部参与", &ctx).unwrap_err();
/// assert_eq!(e.reason(), Some("projected"));
/// ```
pub fn read_units_cell(text: &str, ctx: &ReadContext) -> Result<CellUnits, TextError> {
    let mut units = super::parse_units(text)?;
    let warnings = keep_this_week(text, ctx, &mut [&mut units.units_total, &mut units.units_participating])?;
    Ok(CellUnits { units, warnings })
}

/// Reads one count of a row that counts venues or sub-units (主会场数量, 分会场数量, 全市区数,
/// 参与活动的数量) given alone as text ([`super::parse_quantity`]), with the same checks as
/// [`read_venues_cell`]: a planned, averaged or other year's figure is refused with its reason.
///
/// ```
/// use learning_week::text::{read_week_count, ReadContext};
/// let ctx = ReadContext { year: Some(2021) };
/// assert_eq!(read_week_count("12个", &ctx).unwrap().value, 12);
/// assert_eq!(read_week_count("计划20个", &ctx).unwrap_err().reason(), Some("projected"));
/// ```
pub fn read_week_count(text: &str, ctx: &ReadContext) -> Result<Quantity, TextError> {
    let mut q = Some(super::parse_quantity(text)?);
    keep_this_week(text, ctx, &mut [&mut q])?;
    q.ok_or_else(|| TextError::new(&code::NO_NUMBER, text, None, &[]))
}

/// A row of 活动参与情况 that counts venues or sub-units (主会场数量, 分会场数量, 全市区数, 参与活动的数量).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WeekRow {
    /// 主会场数量.
    MainVenues,
    /// 分会场数量.
    SubVenues,
    /// 全市区数.
    UnitsTotal,
    /// 参与活动的数量.
    UnitsParticipating,
}

impl WeekRow {
    /// The row of a 总结表 field (`main_venues`, `sub_venues`, `units_total`, `units_participating`).
    pub(crate) fn of_key(key: &str) -> Option<WeekRow> {
        match key {
            "main_venues" => Some(WeekRow::MainVenues),
            "sub_venues" => Some(WeekRow::SubVenues),
            "units_total" => Some(WeekRow::UnitsTotal),
            "units_participating" => Some(WeekRow::UnitsParticipating),
            _ => None,
        }
    }

    /// The words of its `text.kind_missing` message: what it counts and an example (zh, en).
    fn words(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            WeekRow::MainVenues => ("主会场的数量", "the number of main venues", "主会场1个", "主会场1个"),
            WeekRow::SubVenues => ("分会场的数量", "the number of sub-venues", "分会场12个", "分会场12个"),
            WeekRow::UnitsTotal | WeekRow::UnitsParticipating => {
                ("单位的个数", "a number of units", "9个", "9个")
            }
        }
    }

    fn name(self) -> &'static str {
        match self {
            WeekRow::MainVenues => "main_venues",
            WeekRow::SubVenues => "sub_venues",
            WeekRow::UnitsTotal => "units_total",
            WeekRow::UnitsParticipating => "units_participating",
        }
    }
}

/// Reads the count of a [`WeekRow`] given alone as text, for its row: where the text names both
/// venues (主会场1个、分会场12个) or both unit figures (全区10个街道，9个参与), the row's own figure
/// (never the first one); a text that names only the other venue (分会场12个 as 主会场数量), or
/// both together (主、分会场共13个), or counts something else (3.5万人 as 分会场数量) is
/// `text.kind_missing`, not guessed. Otherwise as [`read_week_count`]. With the cell's warnings.
pub(crate) fn read_week_row(
    text: &str,
    row: WeekRow,
    ctx: &ReadContext,
) -> Result<(Quantity, Vec<TextError>), TextError> {
    let refuse = || {
        let shared: Arc<str> = Arc::from(text);
        crate::text::quantity::kind_missing_of(&shared, row.name(), row.words())
    };
    let venue = matches!(row, WeekRow::MainVenues | WeekRow::SubVenues);
    let (q, warnings) = if venue && (text.contains("主会场") || text.contains("分会场")) {
        let cell = read_venues_cell(text, ctx)?;
        let q = if row == WeekRow::MainVenues { cell.venues.main_venues } else { cell.venues.sub_venues };
        (q.ok_or_else(refuse)?, cell.warnings)
    } else if !venue {
        // Both unit figures in the text: the row's own; else the one count, as any week row.
        match read_units_cell(text, ctx) {
            Ok(CellUnits {
                units: super::UnitsText { units_total: Some(total), units_participating: Some(taking_part) },
                warnings,
            }) => (if row == WeekRow::UnitsTotal { total } else { taking_part }, warnings),
            _ => (read_week_count(text, ctx)?, Vec::new()),
        }
    } else {
        (read_week_count(text, ctx)?, Vec::new())
    };
    if !matches!(q.kind, CountKind::Items | CountKind::Unspecified) {
        return Err(refuse());
    }
    Ok((q, warnings))
}
