//! Temporary stand-in until the text parsers land: every text is refused.
use crate::count::Count;
use crate::decode::Decoder;
use crate::rules::Rule;
use crate::satisfaction::Satisfaction;
use serde_json::Value;
pub(crate) const RULES: &[Rule] = &[];

pub(crate) fn decode_count_text(_s: &str, v: &Value, d: &mut Decoder) -> Option<Count> {
    d.wrong_type("integer or {value, qualifier, unit}", v);
    None
}

pub(crate) fn decode_satisfaction_text(_s: &str, v: &Value, d: &mut Decoder) -> Option<Satisfaction> {
    d.wrong_type("number, {value, qualifier} or level", v);
    None
}
