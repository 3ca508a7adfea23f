//! 报送: one unit's package — the 总结表, the materials sent, when it arrived.

use crate::decode::{model, Text};
use crate::notice::MaterialKind;
use crate::plan::ActivityPlan;
use crate::summary::SummaryTable;
use chrono::{DateTime, FixedOffset};

model! {
    /// 报送材料 / one unit's submission.
    ///
    /// ```
    /// use learning_week::Submission;
    /// let s: Submission = serde_json::from_str(r#"{
    ///     "summary": {"host_unit": "西湖区"},
    ///     "submitted_at": "2021-12-03T16:20:00+08:00",
    ///     "materials": [{"kind": "typical_case", "file_name": "案例.docx"}]
    /// }"#).unwrap();
    /// assert_eq!(s.submitted_at.unwrap().to_rfc3339(), "2021-12-03T16:20:00+08:00");
    /// ```
    pub struct Submission<'a> {
        /// 总结表 / the summary table.
        #[validate(required, nested)]
        pub summary: Option<SummaryTable<'a>> => "总结表",
        /// 报送时间 / when it arrived (RFC 3339 with offset).
        #[validate(required)]
        pub submitted_at: Option<DateTime<FixedOffset>> => "报送时间",
        /// 报送材料 / the files sent.
        #[validate(required, nested)]
        pub materials: Option<Vec<Material<'a>>> => "报送材料",
        /// 活动计划和实施方案 / the unit's plan, when sent along (enables the against-plan rules).
        #[validate(nested)]
        pub plan: Option<ActivityPlan<'a>> => "活动计划和实施方案",
    }
}

model! {
    /// 材料 / one file in the package.
    pub struct Material<'a> {
        /// 种类 / kind (work_summary, summary_table, typical_case, stamped_scan, other).
        #[validate(required)]
        pub kind: Option<MaterialKind> => "种类",
        /// 文件名 / file name.
        pub file_name: Option<Text<'a>> => "文件名", check non_blank,
        /// 格式 / format (`pdf`, `docx` …); taken from the file name's extension when absent.
        pub format: Option<Text<'a>> => "格式",
    }
}

impl Material<'_> {
    /// The format: the `format` field, else the file name's extension, lower-cased.
    ///
    /// ```
    /// use learning_week::submission::Material;
    /// let m: Material = serde_json::from_str(r#"{"kind": "stamped_scan", "file_name": "东湖区.PDF"}"#).unwrap();
    /// assert_eq!(m.effective_format().as_deref(), Some("pdf"));
    /// ```
    pub fn effective_format(&self) -> Option<String> {
        self.format
            .as_deref()
            .or_else(|| self.file_name.as_deref().and_then(|f| f.rsplit_once('.')).map(|(_, ext)| ext))
            .map(|f| f.trim().trim_start_matches('.').to_ascii_lowercase())
    }
}
