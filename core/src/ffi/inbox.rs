//! The inbox as the bindings hand it over: the files a host read (a folder, paths, dropped
//! `File`s) and the submissions as JSON text, rolled up by core's inbox policy.

use super::aggregate::submissions_array;
use super::validate::options_json;
use crate::api::{aggregate_input, argument_error, AggregateAnswer, InboxFile, InboxProgress, Validator};

/// The options of a binding's inbox roll-up (a compiled validator's: no notice), as
/// [`Validator::ffi_aggregate_inbox`] reads them from JSON text.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InboxOptions {
    /// 活动方案 / plans sent separately.
    #[serde(default)]
    pub plans: Vec<serde_json::Value>,
    /// 宽限天数 / grace days; absent → the notice's.
    #[serde(default)]
    pub grace_days: Option<u32>,
    /// 报送时间 / the time of the Word / Excel files: RFC 3339, or a date in the notice's time zone.
    #[serde(default)]
    pub submitted_at: Option<String>,
}

impl Validator {
    /// A binding's roll-up of an inbox, the CLI's policy for every front door: `files` (read by
    /// the host from a folder, a list of paths, dropped `File`s) and the `submissions` as a JSON
    /// array whose items are documents (see [`crate::api::AggregateRequest`]) or `{"inbox_file": i}`,
    /// the i-th of `files` in its place; the options (`{plans?, grace_days?, submitted_at?}`) as
    /// JSON text.
    ///
    /// ```
    /// use learning_week::api::{InboxFile, Validator};
    /// let v = Validator::default();
    /// let files = [InboxFile::new("东湖区.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec())];
    /// let a = v.ffi_aggregate_inbox(&files, r#"[{"inbox_file": 0}, "{"]"#, r#"{"submitted_at": "2021-12-03"}"#);
    /// let r = a.rollup.unwrap();
    /// assert_eq!((r.accounting.inputs, r.accounting.rejected.len()), (2, 2));
    /// assert_eq!(r.accounting.rejected[0].id.as_deref(), Some("东湖区.doc"));
    /// assert!(!v.ffi_aggregate_inbox(&files, "[]", r#"{"submitted_at": "12月3日"}"#).ok);
    /// assert!(!v.ffi_aggregate_inbox(&files, r#"[{"inbox_file": 7}]"#, "null").ok);
    /// ```
    pub fn ffi_aggregate_inbox(
        &self,
        files: &[InboxFile],
        submissions: &str,
        options: &str,
    ) -> AggregateAnswer {
        self.ffi_aggregate_inbox_with_progress(files, submissions, options, &mut |_| {})
    }

    /// [`Validator::ffi_aggregate_inbox`] telling `progress` after each file is read.
    pub fn ffi_aggregate_inbox_with_progress(
        &self,
        files: &[InboxFile],
        submissions: &str,
        options: &str,
        progress: &mut dyn FnMut(InboxProgress<'_>),
    ) -> AggregateAnswer {
        let items = match submissions_array(submissions) {
            Ok(items) => items,
            Err(diags) => return AggregateAnswer::failure(diags),
        };
        let o: InboxOptions = match options_json(options, "{plans?, grace_days?, submitted_at?}") {
            Ok(o) => o,
            Err(diags) => return AggregateAnswer::failure(diags),
        };
        let given = match o.submitted_at.as_deref().map(|t| (t, self.notice().read_time(t))) {
            None => None,
            Some((_, Some(t))) => Some(t),
            Some((t, None)) => {
                let found = format!("submitted_at {t:?}");
                return AggregateAnswer::failure(vec![argument_error(
                    "options",
                    "RFC 3339 or YYYY-MM-DD",
                    found,
                )]);
            }
        };
        // The files the items name, read together (a 总结表 and the materials of its unit's
        // package must meet), then put back in the items' order.
        let mut named: Vec<&InboxFile> = Vec::new();
        for item in &items {
            if let Some(i) = inbox_index(item) {
                match i.as_u64().and_then(|i| files.get(usize::try_from(i).ok()?)) {
                    Some(f) => named.push(f),
                    None => {
                        let found = format!("inbox_file {i} of {} files", files.len());
                        return AggregateAnswer::failure(vec![argument_error(
                            "submissions",
                            "a file index",
                            found,
                        )]);
                    }
                }
            }
        }
        let mut read = self.inbox_inputs_with_progress(&named, given, progress).into_iter();
        let mut inputs = Vec::with_capacity(items.len() + o.plans.len());
        for item in &items {
            // One input per file read, in the same order: a file item takes the next one.
            let input = inbox_index(item).and_then(|_| read.next());
            inputs.push(input.unwrap_or_else(|| aggregate_input(item)));
        }
        inputs.extend(o.plans.iter().map(|p| aggregate_input(p).as_plan()));
        let rollup =
            self.aggregate(&inputs, &crate::aggregate::AggregateOptions { grace_days: o.grace_days });
        AggregateAnswer { ok: true, diagnostics: Vec::new(), rollup: Some(rollup) }
    }
}

/// The index of an `{"inbox_file": i}` item (its only key), as written.
fn inbox_index(item: &serde_json::Value) -> Option<&serde_json::Value> {
    item.as_object().filter(|m| m.len() == 1)?.get("inbox_file")
}
