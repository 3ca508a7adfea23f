//! The bindings' door (the cedar-policy `ffi` pattern): every argument is JSON text, the
//! reader's tree or bytes, as a host hands it over; every answer is data — a typed answer, or
//! JSON text when the name ends in `_text`. The Python and WebAssembly packages only convert
//! their host values and re-export these; they hold no rule, no message, no default and no
//! input policy. One file per operation.

mod aggregate;
mod divisions;
#[cfg(feature = "export")]
mod export;
mod import;
mod inbox;
mod notice;
mod parse;
mod read;
mod validate;

pub use aggregate::*;
pub use divisions::*;
#[cfg(feature = "export")]
pub use export::*;
pub use import::*;
pub use inbox::InboxOptions;
pub use notice::*;
pub use parse::*;
pub use read::*;
pub use validate::*;
