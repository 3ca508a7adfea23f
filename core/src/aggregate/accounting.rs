//! Accounting: every input is included, superseded, rejected (with a reason) or used as a plan.

use crate::catalog::{Diagnostic, Severity};
use crate::DocumentKind;
use chrono::{DateTime, FixedOffset};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 退回原因 / why an input was not counted.
///
/// ```
/// use learning_week::aggregate::RejectReason;
/// assert_eq!(serde_json::to_string(&RejectReason::WrongYear).unwrap(), "\"wrong_year\"");
/// assert_eq!(RejectReason::UnknownUnit.as_zh(), "非辖区单位");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// 无法读取：not JSON, not UTF-8, or not an object.
    Unreadable,
    /// 不是报送材料：a notice, or a document whose kind cannot be told.
    NotASubmission,
    /// 非辖区单位：the unit, after alias normalisation, is not in the notice's jurisdiction (or is missing).
    UnknownUnit,
    /// 年度不符：the input is for another year.
    WrongYear,
    /// 重复文件：the same bytes as a file received before it (the attachment saved twice).
    ExactCopy,
    /// 锁定文件：an Office lock file (`~$…`, LibreOffice's `.~lock.…#`) left by an open document.
    LockFile,
    /// 格式不支持：a report in a format that cannot be read (.wps, .xls, .zip …); the message says what to do.
    UnsupportedFormat,
    /// 无关文件：a file that is no report material (a note, a meeting's minutes).
    Unrelated,
    /// 单位不明确：the file names several units of the notice; the message lists them, never a guess.
    AmbiguousUnit,
    /// 另附材料：activity photos or video, sent besides the package (「活动照片、活动录像请另附」):
    /// accounted for, counted toward no requirement.
    AttachedMedia,
}

impl RejectReason {
    /// The JSON name.
    ///
    /// ```
    /// assert_eq!(learning_week::aggregate::RejectReason::Unreadable.as_str(), "unreadable");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::Unreadable => "unreadable",
            RejectReason::NotASubmission => "not_a_submission",
            RejectReason::UnknownUnit => "unknown_unit",
            RejectReason::WrongYear => "wrong_year",
            RejectReason::ExactCopy => "exact_copy",
            RejectReason::LockFile => "lock_file",
            RejectReason::UnsupportedFormat => "unsupported_format",
            RejectReason::Unrelated => "unrelated",
            RejectReason::AmbiguousUnit => "ambiguous_unit",
            RejectReason::AttachedMedia => "attached_media",
        }
    }

    /// The reason in Chinese, as shown to the city centre.
    ///
    /// ```
    /// assert_eq!(learning_week::aggregate::RejectReason::WrongYear.as_zh(), "年度不符");
    /// ```
    pub fn as_zh(self) -> &'static str {
        match self {
            RejectReason::Unreadable => "无法读取",
            RejectReason::NotASubmission => "不是报送材料",
            RejectReason::UnknownUnit => "非辖区单位",
            RejectReason::WrongYear => "年度不符",
            RejectReason::ExactCopy => "重复文件",
            RejectReason::LockFile => "锁定文件",
            RejectReason::UnsupportedFormat => "格式不支持",
            RejectReason::Unrelated => "无关文件",
            RejectReason::AmbiguousUnit => "单位不明确",
            RejectReason::AttachedMedia => "另附材料",
        }
    }
}

/// 校验情况 / how an input fared in validation: counts and the codes found (errors and warnings).
///
/// ```
/// use learning_week::aggregate::ValidationStatus;
/// let s = ValidationStatus::from_diagnostics(&[]);
/// assert_eq!((s.errors, s.warnings), (0, 0));
/// assert!(s.codes.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ValidationStatus {
    /// 错误数 / number of errors.
    pub errors: usize,
    /// 警告数 / number of warnings.
    pub warnings: usize,
    /// 提示数 / number of infos.
    pub infos: usize,
    /// 代码 / the distinct codes of the errors and warnings, sorted.
    pub codes: Vec<String>,
    /// 需修改之处 / each error and warning as validation gave it (code, place, message), in
    /// its order: what the unit is told to fix, never only the rule's general text.
    #[serde(default)]
    pub findings: Vec<Finding>,
}

/// 需修改之处 / one error or warning of an input, as the roll-up lists it for the unit to fix:
/// the diagnostic's own message (「缺少报送材料：典型活动案例」), not its rule's description.
///
/// ```
/// use learning_week::{api, aggregate::ValidationStatus};
/// let a = api::validate_json(None, "{\"host_unit\": \"东湖区\"}", &Default::default());
/// let s = ValidationStatus::from_diagnostics(&a.diagnostics);
/// let f = s.findings.iter().find(|f| f.code == "row.missing").unwrap();
/// assert!(f.message.contains("缺少必填项") && !f.path.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// 严重程度 / error or warning.
    pub severity: Severity,
    /// 代码 / the rule's code.
    pub code: String,
    /// 位置 / the JSON Pointer of the field (empty for the whole document).
    pub path: String,
    /// 说明 / the message (zh).
    pub message: String,
    /// 说明（英文）/ the message (en).
    pub message_en: String,
}

impl ValidationStatus {
    /// Counts severities and collects the distinct error and warning codes.
    ///
    /// ```
    /// use learning_week::{api, aggregate::ValidationStatus};
    /// let a = api::validate_json(None, "{\"host_unit\": \"东湖区\"}", &Default::default());
    /// let s = ValidationStatus::from_diagnostics(&a.diagnostics);
    /// assert_eq!(s.errors, a.errors);
    /// assert!(s.codes.contains(&"row.missing".to_string()));
    /// ```
    pub fn from_diagnostics(diagnostics: &[Diagnostic]) -> Self {
        Self::tally(diagnostics.iter().map(|d| {
            let finding = || Finding {
                severity: d.severity,
                code: d.code.as_str().to_owned(),
                path: d.path.clone(),
                message: d.message.clone(),
                message_en: d.message_en.clone(),
            };
            (d.severity, finding)
        }))
    }

    /// [`from_diagnostics`](Self::from_diagnostics) of diagnostics the caller no longer needs:
    /// their places and messages are moved into the findings, not copied.
    pub(crate) fn from_owned(diagnostics: Vec<Diagnostic>) -> Self {
        Self::tally(diagnostics.into_iter().map(|d| {
            let severity = d.severity;
            let finding = move || Finding {
                severity: d.severity,
                code: d.code.as_str().to_owned(),
                path: d.path,
                message: d.message,
                message_en: d.message_en,
            };
            (severity, finding)
        }))
    }

    /// Counts each severity; makes the finding of each error and warning, in order.
    fn tally<F: FnOnce() -> Finding>(diagnostics: impl Iterator<Item = (Severity, F)>) -> Self {
        let mut s = ValidationStatus::default();
        // Sorted and without repeats (a Vec sorted once: no B-tree instantiated for it, issue 21).
        let mut codes = Vec::new();
        for (severity, finding) in diagnostics {
            match severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
            if severity != Severity::Info {
                let finding = finding();
                codes.push(finding.code.clone());
                s.findings.push(finding);
            }
        }
        super::sorting::sort_by(&mut codes, Ord::cmp);
        codes.dedup();
        s.codes = codes;
        s
    }
}

/// 输入记录 / one input as the roll-up accounted for it.
///
/// ```
/// use learning_week::aggregate::{aggregate, AggregateInput, AggregateOptions};
/// use learning_week::Notice;
/// let r = aggregate(&Notice::nanchang_2021(), &[AggregateInput::text(Some("a.json"), "{")], &AggregateOptions::default());
/// let rec = &r.accounting.rejected[0];
/// assert_eq!(rec.label(), "a.json");
/// assert_eq!(rec.diagnostics[1].code, "json.syntax");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct InputRecord {
    /// 标识 / the caller's id for the input (a file name), if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// 内容摘要 / FNV-1a 64-bit hash of the input's text, 16 hex digits (tells inputs apart without an id).
    pub content_hash: String,
    /// 文档类型 / the kind the input was read as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DocumentKind>,
    /// 单位 / the official name of the unit, when recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// 填写的单位 / the unit as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_written: Option<String>,
    /// 报送时间 / when it arrived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<DateTime<FixedOffset>>,
    /// 迟交天数 / days late (0 on time); absent without a timestamp or deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_late: Option<i64>,
    /// 退回原因 / why it was rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RejectReason>,
    /// 材料种类 / for a file of a unit's package that is not its 总结表: which material it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub material: Option<crate::notice::MaterialKind>,
    /// 替代者 / the input that superseded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
    /// 校验情况 / validation counts and codes, when the input could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation: Option<ValidationStatus>,
    /// 说明 / the roll-up's findings about this input (why it was rejected or superseded, the
    /// syntax error of an unreadable file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

impl InputRecord {
    /// A record with only an id and a content hash.
    ///
    /// ```
    /// let r = learning_week::aggregate::InputRecord::new(None, "00ff00ff00ff00ff".into());
    /// assert_eq!(r.label(), "#00ff00ff");
    /// ```
    pub fn new(id: Option<String>, content_hash: String) -> Self {
        InputRecord {
            id,
            content_hash,
            kind: None,
            unit: None,
            unit_written: None,
            submitted_at: None,
            days_late: None,
            reason: None,
            material: None,
            superseded_by: None,
            validation: None,
            diagnostics: Vec::new(),
        }
    }

    /// How the input is named to people: its id, else `#` and the first 8 digits of its hash.
    ///
    /// ```
    /// let r = learning_week::aggregate::InputRecord::new(Some("东湖区.json".into()), "0".repeat(16));
    /// assert_eq!(r.label(), "东湖区.json");
    /// ```
    pub fn label(&self) -> String {
        match &self.id {
            Some(id) => id.clone(),
            None => format!("#{}", self.content_hash.get(..8).unwrap_or(&self.content_hash)),
        }
    }

    /// The total order used wherever records are listed: unit, time, hash, id.
    pub(crate) fn sort_key(&self) -> (Option<&str>, Option<DateTime<FixedOffset>>, &str, Option<&str>) {
        (self.unit.as_deref(), self.submitted_at, &self.content_hash, self.id.as_deref())
    }
}

/// 输入核算 / every input accounted for: `included + superseded + rejected + plans = inputs`.
///
/// ```
/// use learning_week::aggregate::{aggregate, AggregateInput, AggregateOptions};
/// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[AggregateInput::text(None, "[")], &AggregateOptions::default());
/// assert!(r.accounting.is_balanced());
/// assert_eq!(r.accounting.rejected.len(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Accounting {
    /// 输入总数 / inputs received (submissions and plans).
    pub inputs: usize,
    /// 计入 / counted: the latest submission of each recognised unit.
    pub included: Vec<InputRecord>,
    /// 被替代 / older submissions of a unit that sent again.
    pub superseded: Vec<InputRecord>,
    /// 退回 / not counted, each with its reason.
    pub rejected: Vec<InputRecord>,
    /// 活动方案 / plans, used for topic coverage only.
    pub plans: Vec<InputRecord>,
    /// 报送材料 / the other files of a unit's package (工作总结材料, 典型活动案例, 盖章扫描件),
    /// each with the unit it was assigned to and its kind (`material`).
    #[serde(default)]
    pub materials: Vec<InputRecord>,
}

impl Accounting {
    /// What the counted reports must fix: each error and warning of each included input, with
    /// the input's record, in the inputs' order (the workbook, the HTML report and the text list
    /// them alike).
    ///
    /// ```
    /// use learning_week::aggregate::{aggregate, AggregateInput};
    /// let doc = r#"{"submitted_at": "2021-12-03T10:00:00+08:00", "summary": {"host_unit": "东湖区", "year": 2021}}"#;
    /// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[AggregateInput::text(Some("a.json"), doc)], &Default::default());
    /// let (rec, f) = r.accounting.to_fix().next().unwrap();
    /// assert_eq!((rec.label(), f.code.as_str()), ("a.json".to_owned(), "row.missing"));
    /// ```
    pub fn to_fix(&self) -> impl Iterator<Item = (&InputRecord, &Finding)> {
        self.included
            .iter()
            .flat_map(|rec| rec.validation.iter().flat_map(move |v| v.findings.iter().map(move |f| (rec, f))))
    }

    /// Whether every input is accounted for exactly once.
    ///
    /// ```
    /// assert!(learning_week::aggregate::Accounting::default().is_balanced());
    /// ```
    pub fn is_balanced(&self) -> bool {
        self.included.len()
            + self.superseded.len()
            + self.rejected.len()
            + self.plans.len()
            + self.materials.len()
            == self.inputs
    }
}

/// FNV-1a, 64 bits: tiny, deterministic everywhere (Python and JS can compute the same).
///
/// ```
/// use learning_week::aggregate::content_hash;
/// assert_eq!(content_hash(b""), "cbf29ce484222325");
/// assert_eq!(content_hash(b"a"), "af63dc4c8601ec8c");
/// ```
pub fn content_hash(bytes: &[u8]) -> String {
    hex(fnv1a(FNV_BASIS, bytes))
}

/// [`content_hash`] of each text, the same values, four texts at a time: FNV-1a is one chain of
/// `xor` and `imul` per byte, which a core runs a byte per ~4 cycles however fast it is; four
/// independent chains in one loop keep it busy (the roll-up hashes ~1 GB for 100k reports).
///
/// ```
/// use learning_week::aggregate::{content_hash, content_hashes};
/// let texts: [&[u8]; 5] = [b"a", b"", b"{\"x\": 1}", b"abc", b"0123456789"];
/// let one_by_one: Vec<String> = texts.iter().map(|t| content_hash(t)).collect();
/// assert_eq!(content_hashes(&texts), one_by_one);
/// ```
pub fn content_hashes(texts: &[&[u8]]) -> Vec<String> {
    let mut out = Vec::with_capacity(texts.len());
    let mut quads = texts.chunks_exact(4);
    for quad in quads.by_ref() {
        if let [t0, t1, t2, t3] = quad {
            out.extend(fnv1a_4([t0, t1, t2, t3]).map(hex));
        }
    }
    out.extend(quads.remainder().iter().map(|t| content_hash(t)));
    out
}

const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Four FNV-1a chains side by side over the bytes the four texts have in common, then each on
/// its own to its end.
fn fnv1a_4(t: [&[u8]; 4]) -> [u64; 4] {
    let common = t.iter().map(|b| b.len()).min().unwrap_or(0);
    let [t0, t1, t2, t3] = t.map(|b| b.split_at(common.min(b.len())));
    let (mut h0, mut h1, mut h2, mut h3) = (FNV_BASIS, FNV_BASIS, FNV_BASIS, FNV_BASIS);
    for (((b0, b1), b2), b3) in t0.0.iter().zip(t1.0).zip(t2.0).zip(t3.0) {
        h0 = (h0 ^ u64::from(*b0)).wrapping_mul(FNV_PRIME);
        h1 = (h1 ^ u64::from(*b1)).wrapping_mul(FNV_PRIME);
        h2 = (h2 ^ u64::from(*b2)).wrapping_mul(FNV_PRIME);
        h3 = (h3 ^ u64::from(*b3)).wrapping_mul(FNV_PRIME);
    }
    [fnv1a(h0, t0.1), fnv1a(h1, t1.1), fnv1a(h2, t2.1), fnv1a(h3, t3.1)]
}

/// 16 lowercase hex digits, as `format!("{h:016x}")` writes them, without the formatter.
fn hex(h: u64) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    (0..16).rev().map(|i| char::from(HEX[((h >> (4 * i)) & 0xf) as usize])).collect()
}
