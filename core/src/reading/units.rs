//! 报送单位: the jurisdiction the notice addresses, from its recipients (主送).

use super::Reader;

/// Reads the jurisdiction: the units the recipients name.
pub(crate) fn jurisdiction(r: &mut Reader<'_>) {
    r.missing("/jurisdiction", "报送单位（辖区）", "the reporting units (jurisdiction)");
}
