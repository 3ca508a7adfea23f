//! placeholder
pub mod count;
pub mod diagnostic;
pub mod satisfaction;
