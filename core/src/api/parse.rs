//! The text parsers for Rust callers: which parser, the request, the answer.

use crate::catalog::Diagnostic;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

// ---- text parsers ----

/// Which text parser to run (the CLI's `parse PARSER` too, with the feature `clap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum TextParser {
    /// 数量：约3.5万人次
    Quantity,
    /// 满意度：98%以上、非常满意
    Percent,
    /// 活动时间：2021年11月22日—11月28日
    Period,
    /// 会场：主会场1个，分会场12个
    Venues,
    /// 参与单位：全市9个县区全部参与
    Units,
    /// 名单：区教体局、区文明办
    Names,
    /// 按栏目读取：参加活动人数、文字报道、影像图片报道、群众满意度（needs `row`; `year` is the
    /// report's year, so 「2019年…」 is told from this year's figure）
    Cell,
}

/// A text-parsing request: the parser, the text, and for periods the year from context.
///
/// ```
/// use learning_week::api::{parse_text, ParseRequest, TextParser};
/// let a = parse_text(&ParseRequest { parser: TextParser::Quantity, text: "115萬余人".into(), year: None, of_kind: None, row: None, offsets: Default::default() });
/// assert!(a.ok);
/// assert_eq!(a.value.unwrap()["value"], 1_150_000);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParseRequest {
    /// 解析器 / which parser.
    pub parser: TextParser,
    /// 原文 / the text as written.
    pub text: String,
    /// 年度 / the year a period without one falls in (usually the notice's year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// 数量种类 / for quantities: pick the first of this kind (`people` for 参加活动人数).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of_kind: Option<crate::CountKind>,
    /// 栏目 / for `cell`: the row of the form the text was written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<crate::text::CellRow>,
    /// 位置单位 / how the answer's spans count: `bytes` (default), `chars` (Python), `utf16` (JS).
    #[serde(default)]
    pub offsets: crate::text::Offsets,
}

/// The answer of a text parser: the parsed value, or the refusal as a diagnostic. Never both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParseAnswer {
    /// 是否解析成功 / true when the text was read.
    pub ok: bool,
    /// 解析结果 / the parsed value (the parser's own shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// 拒绝原因 / why the text was refused (`text.vague`, `text.date_garbled` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Diagnostic>,
}

/// Runs one text parser. A refused text is an answer with `ok: false` and a `text.*` diagnostic.
/// `cell` reads a cell of the form for its `row` (what the decoder and the label import do):
///
/// ```
/// use learning_week::api::{parse_text, ParseRequest, TextParser};
/// use learning_week::text::CellRow;
/// let a = parse_text(&ParseRequest { parser: TextParser::Cell, text: "2019年参与人数达5万人".into(), year: Some(2021), of_kind: None, row: Some(CellRow::Participants), offsets: Default::default() });
/// assert_eq!(a.error.unwrap().params["reason"], "other_year");
/// ```
///
/// ```
/// use learning_week::api::{parse_text, ParseRequest, TextParser};
/// let a = parse_text(&ParseRequest { parser: TextParser::Quantity, text: "成千上万人".into(), year: None, of_kind: None, row: None, offsets: Default::default() });
/// assert!(!a.ok);
/// assert_eq!(a.error.unwrap().code, "text.vague");
/// ```
pub fn parse_text(request: &ParseRequest) -> ParseAnswer {
    use crate::text;
    let text = request.text.as_str();
    let result: Result<Value, text::TextError> = match request.parser {
        TextParser::Quantity => match request.of_kind {
            Some(kind) => text::parse_quantity_of_kind(text, kind),
            None => text::parse_quantity(text),
        }
        .map(|q| json_value(&q)),
        TextParser::Percent => text::parse_percent(text).map(|p| json_value(&p)),
        TextParser::Period => text::parse_period(text, request.year).map(|p| json_value(&p)),
        TextParser::Venues => text::parse_venues(text).map(|v| json_value(&v)),
        TextParser::Units => text::parse_units(text).map(|u| json_value(&u)),
        TextParser::Names => text::check_length(text).map(|()| json_value(&text::split_names(text))),
        TextParser::Cell => {
            let ctx = text::ReadContext { year: request.year };
            match request.row {
                Some(text::CellRow::Satisfaction) => {
                    text::read_satisfaction_cell(text, &ctx).map(|c| json_value(&c))
                }
                Some(row) => text::read_count_cell(text, row, &ctx).map(|c| json_value(&c)),
                None => {
                    let error = crate::catalog::make(
                        &crate::catalog::structural::ROW_MISSING,
                        "/row".into(),
                        crate::catalog::params! {"row" => "row", "label" => "栏目 row"},
                        None,
                    );
                    return ParseAnswer { ok: false, value: None, error: Some(error) };
                }
            }
        }
    };
    match result {
        Ok(mut value) => {
            if request.offsets != crate::text::Offsets::Bytes {
                recount_spans(&mut value, text, request.offsets);
            }
            ParseAnswer { ok: true, value: Some(value), error: None }
        }
        Err(e) => {
            let error = crate::catalog::make(
                e.code.rule(),
                String::new(),
                e.params.clone(),
                Some(&Value::String(e.source.to_string())),
            );
            ParseAnswer { ok: false, value: None, error: Some(error) }
        }
    }
}

/// Every `span` of a parser's answer recounted in `offsets` over the parsed text.
fn recount_spans(v: &mut Value, text: &str, offsets: crate::text::Offsets) {
    match v {
        Value::Object(m) => {
            if let Some(Ok(span)) =
                m.get("span").map(|s| serde_json::from_value::<crate::text::Span>(s.clone()))
            {
                m.insert("span".into(), json_value(&span.in_offsets(text, offsets)));
            }
            for (k, x) in m.iter_mut() {
                if k != "span" {
                    recount_spans(x, text, offsets);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| recount_spans(x, text, offsets)),
        _ => {}
    }
}

pub(crate) fn json_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}
