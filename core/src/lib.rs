//! # learning-week
//!
//! Typed, validated data for the paperwork of China's 全民终身学习活动周 (National Lifelong
//! Learning Activity Week): the city's **notice** (通知), each unit's **activity plan**
//! (活动计划和实施方案（含开幕式）) and **summary table** (总结表), and the package a unit
//! submits (报送).
//!
//! Validation returns every finding at once as data ([`Diagnostic`]): a stable code, a
//! severity, an RFC 6901 JSON Pointer into the caller's JSON, and messages in Chinese and
//! English rendered from the rule's templates. Rules read the notice they are given; the
//! built-in [`Notice::nanchang_2021`] is the 2021 Nanchang notice.
//!
//! Start with a [`Validator`]: a notice compiled once — the built-in one, or any year's and any
//! city's from its JSON — shared across threads, then every document and every keystroke
//! checked against it.
//!
//! ```
//! use learning_week::{DocumentKind, Validator};
//! let validator = Validator::default(); // Validator::from_json(&notice_text)? for another notice
//! let answer = validator.validate_json(
//!     Some(DocumentKind::Summary),
//!     r#"{"year": 2021, "host_unit": "湾里区",
//!         "participation": {"units_total": 5, "units_participating": 7}}"#,
//! );
//! assert!(!answer.valid);
//! let d = answer.diagnostics.iter().find(|d| d.code == "participation.units_exceed_total").unwrap();
//! assert_eq!(d.path, "/participation/units_participating");
//! // 湾里区 was abolished in 2019 but is still written: it is recognised, with an info note.
//! assert!(answer.diagnostics.iter().any(|d| d.code == "unit.alias_normalised"));
//! // The compiled notice, typed: 13 reporting units, each with its name.
//! assert_eq!(validator.notice().units().len(), 13);
//! ```
//!
//! The layers, leaf first (`scripts/check-layers.py` fails on an import upwards or a cycle):
//! [`catalog`] (codes, templates, diagnostics; [`json`], the reader, and [`json_writer`], the answers'
//! text, beside it) → [`text`] parsers → [`decode`] → the model
//! ([`notice`], [`plan`], [`summary`], [`submission`]) → [`rules`] and [`import`] → [`validate`]
//! and `office` → [`aggregate`] → `export` → [`api`] (Rust callers, split by operation) →
//! [`ffi`] (what the Python and WebAssembly packages re-export and convert). Every rule, message
//! and default lives here; the bindings and the CLI hold none.

#![warn(missing_docs)]

pub mod aggregate;
pub mod api;
pub mod catalog;
pub mod checked;
pub mod checks;
pub mod count;
pub mod decode;
#[cfg(feature = "export")]
pub mod export;
pub mod ffi;
pub mod fold;
pub mod import;
pub mod json;
pub mod json_writer;
pub mod jurisdiction;
pub mod notice;
#[cfg(feature = "docx")]
pub mod office;
pub mod period;
pub mod plan;
pub mod reading;
pub mod rules;
pub mod satisfaction;
#[cfg(feature = "schema")]
pub mod schema;
pub mod submission;
pub mod summary;
pub mod text;
pub mod text_match;
pub mod times;
pub mod validate;

pub use api::{CompileError, Validator};
pub use catalog::{Diagnostic, DocumentKind, Lang, Severity};
pub use count::{Count, CountKind, Qualifier};
pub use notice::{MaterialKind, Notice, Role};
pub use period::Period;
pub use plan::ActivityPlan;
pub use satisfaction::{Percent, Satisfaction, SatisfactionLevel};
pub use submission::Submission;
pub use summary::SummaryTable;
