//! Case folding for the "did you mean" of an unknown key, without Unicode's lowercase table.
//!
//! The decoder compares a key a client sent with the model's keys (ASCII snake_case) ignoring
//! case. `str::to_lowercase` links the whole Unicode lowercase map (about 14 KB of the
//! WebAssembly module a form loads first, issue 21), yet against ASCII keys only three things
//! about a character can matter: the ASCII letters it lowercases to, and how many characters it
//! becomes. [`fold_for_ascii`] keeps exactly those: ASCII is lowercased, the two characters
//! whose lowercase holds ASCII (U+212A KELVIN SIGN → `k`, U+0130 → `i` + U+0307) are mapped as
//! Unicode maps them, and every other character, whose lowercase is one non-ASCII character,
//! stays itself (non-ASCII either way, so it equals no character of an ASCII key).

/// `s` lowercased as far as a comparison with ASCII text can tell (see the module).
///
/// ```
/// use learning_week::fold::fold_for_ascii;
/// assert_eq!(fold_for_ascii("Host_UNIT"), "host_unit");
/// assert_eq!(fold_for_ascii("\u{212A}ind"), "kind"); // the Kelvin sign lowercases to k
/// assert_eq!(fold_for_ascii("举办县区").chars().count(), "举办县区".to_lowercase().chars().count());
/// ```
pub fn fold_for_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{212A}' => out.push('k'),
            '\u{130}' => out.push_str("i\u{307}"),
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold_for_ascii;

    /// Each character of `s`: itself when ASCII, else a mark that equals no ASCII character.
    fn seen_by_ascii(s: &str) -> Vec<Option<char>> {
        s.chars().map(|c| c.is_ascii().then_some(c)).collect()
    }

    #[test]
    fn every_character_folds_as_unicode_lowercase_does_against_ascii() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(
                seen_by_ascii(&fold_for_ascii(&s)),
                seen_by_ascii(&s.to_lowercase()),
                "U+{:04X}",
                c as u32
            );
        }
        // Context (a final sigma) changes which sigma, never whether it is ASCII.
        for s in ["ΑΣ", "ΑΣ Β", "hOST_ΣNIT", "İstanbul", "K_K"] {
            assert_eq!(seen_by_ascii(&fold_for_ascii(s)), seen_by_ascii(&s.to_lowercase()), "{s}");
        }
    }
}
