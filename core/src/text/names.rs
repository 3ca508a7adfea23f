//! Lists of names as written: units (长沙县委宣传部、长沙县教育局), leaders' titles (…、…等领导).

use super::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One name from a list, as written, with its span in the original text.
///
/// ```
/// use learning_week::text::split_names;
/// let items = split_names("保税区（金港镇）、社会事业局");
/// assert_eq!(items[0].text, "保税区（金港镇）");
/// assert_eq!(items[1].span.start, "保税区（金港镇）、".len());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NameItem {
    /// 名称 / the name as written (trimmed).
    pub text: String,
    /// 位置 / where it stands in the original text.
    pub span: Span,
}

/// A rank held together with the post written after it (「区委常委、宣传部部长」 and
/// 「管理局党工委委员、副局长」 are one person each; 委员 covers 党委委员, 党工委委员, 区委委员):
/// an item ending in one of these, followed by 、, joins the next item.
const CONCURRENT: &[&str] = &["常委", "党组成员", "委员", "党组书记"];

/// Trailing words dropped from the last item: 等领导, 等同志, 等单位, 等部门, 等.
const TRAILING: &[&str] = &["等领导", "等同志", "等单位", "等部门", "等人", "等"];

/// Splits a list on 、，, ; ； and whitespace, never inside brackets (保税区(金港镇) stays whole),
/// never on 和/及 (they occur inside names: 教育和体育局). Items are trimmed, empty ones dropped,
/// and a trailing 等领导/等 is removed from the last item (its span shrinks accordingly). One
/// person's concurrent posts stay one item: a rank such as 区委常委 joined by 、 to the post after
/// it (「区委常委、宣传部部长，区教体局局长」 is two leaders, not three).
///
/// ```
/// use learning_week::text::split_names;
/// let names: Vec<String> = split_names("主任助理、社会事业局局长,金港镇党委副书记 镇长等领导")
///     .into_iter().map(|i| i.text).collect();
/// assert_eq!(names, ["主任助理", "社会事业局局长", "金港镇党委副书记", "镇长"]);
/// assert!(split_names(" 、，").is_empty());
/// let leaders: Vec<String> = split_names("区委常委、宣传部部长，区教体局局长").into_iter().map(|i| i.text).collect();
/// assert_eq!(leaders, ["区委常委、宣传部部长", "区教体局局长"]);
/// ```
pub fn split_names(text: &str) -> Vec<NameItem> {
    let mut items = Vec::new();
    let mut depth: usize = 0;
    let mut start = 0;
    for (off, c) in text.char_indices() {
        match c {
            '(' | '（' | '[' | '【' | '《' | '〔' | '“' | '「' => depth += 1,
            ')' | '）' | ']' | '】' | '》' | '〕' | '”' | '」' => depth = depth.saturating_sub(1),
            '、' if depth == 0 && concurrent_rank(text.get(start..off).unwrap_or("")) => {}
            '、' | '，' | ',' | ';' | '；' | '。' | '\n' if depth == 0 => {
                push_item(text, start, off, &mut items);
                start = off + c.len_utf8();
            }
            c if c.is_whitespace() && depth == 0 => {
                push_item(text, start, off, &mut items);
                start = off + c.len_utf8();
            }
            _ => {}
        }
    }
    push_item(text, start, text.len(), &mut items);
    if let Some(last) = items.last_mut() {
        if let Some(w) = TRAILING.iter().find(|w| last.text.ends_with(**w) && last.text.len() > w.len()) {
            let keep = last.text.len() - w.len();
            last.text.truncate(keep);
            last.span.end = last.span.start + keep;
        }
    }
    items
}

/// Whether an item so far ends in a rank held with the next post (see [`CONCURRENT`]).
fn concurrent_rank(item: &str) -> bool {
    let item = item.trim_end();
    CONCURRENT.iter().any(|w| item.ends_with(w))
}

fn push_item(text: &str, a: usize, b: usize, items: &mut Vec<NameItem>) {
    let raw = text.get(a..b).unwrap_or("");
    let trimmed = raw.trim_start();
    let start = a + (raw.len() - trimmed.len());
    let trimmed = trimmed.trim_end();
    if !trimmed.is_empty() {
        items.push(NameItem { text: trimmed.to_owned(), span: Span { start, end: start + trimmed.len() } });
    }
}
