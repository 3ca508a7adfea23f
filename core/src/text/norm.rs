//! A normalised view of a text: one char per kept original char, with the original byte range
//! of each, so parsers work on simplified, half-width characters while spans still point into
//! the text the user wrote.
//!
//! Normalisation is per character (never changes the count of kept chars): full-width ASCII
//! becomes half-width, every dash and tilde becomes `-`, `○` becomes `〇`, and the traditional
//! characters these phrases use become simplified. Pinyin glosses injected after characters
//! (「活動(dòng)」) are dropped entirely.

use super::Span;

/// Text as the parsers see it.
pub(crate) struct Norm<'a> {
    pub src: &'a str,
    pub chars: Vec<char>,
    /// Original byte range of each kept char.
    ranges: Vec<(usize, usize)>,
}

impl<'a> Norm<'a> {
    pub fn new(src: &'a str) -> Norm<'a> {
        let orig: Vec<(usize, char)> = src.char_indices().collect();
        let mut chars = Vec::with_capacity(orig.len());
        let mut ranges = Vec::with_capacity(orig.len());
        let mut k = 0;
        while let Some(&(off, c)) = orig.get(k) {
            if let Some(skip) = pinyin_gloss_len(&orig, k) {
                k += skip;
                continue;
            }
            let end = orig.get(k + 1).map_or(src.len(), |&(o, _)| o);
            chars.push(normalise_char(c));
            ranges.push((off, end));
            k += 1;
        }
        Norm { src, chars, ranges }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// The char at `i`, or `'\0'` past either end.
    pub fn at(&self, i: usize) -> char {
        self.chars.get(i).copied().unwrap_or('\0')
    }

    /// The char before `i`, or `'\0'` at the start.
    pub fn before(&self, i: usize) -> char {
        i.checked_sub(1).map_or('\0', |j| self.at(j))
    }

    /// Span in the original text of kept chars `i..j`.
    pub fn span(&self, i: usize, j: usize) -> Span {
        let start = self.ranges.get(i).map_or(self.src.len(), |r| r.0);
        let end = if j > i { self.ranges.get(j - 1).map_or(self.src.len(), |r| r.1) } else { start };
        Span { start, end: end.max(start) }
    }

    /// The original text of kept chars `i..j`.
    pub fn slice(&self, i: usize, j: usize) -> &'a str {
        let s = self.span(i, j);
        self.src.get(s.start..s.end).unwrap_or("")
    }

    /// The normalised text of chars `i..j`.
    pub fn text(&self, i: usize, j: usize) -> String {
        self.chars.get(i..j).map_or_else(String::new, |cs| cs.iter().collect())
    }

    /// Whether the normalised text at `i` starts with `word`.
    pub fn starts_with(&self, i: usize, word: &str) -> bool {
        word.chars().enumerate().all(|(k, w)| self.at(i + k) == w)
    }

    /// Whether the normalised text ending just before `j` ends with `word`.
    pub fn ends_with(&self, j: usize, word: &str) -> bool {
        let n = word.chars().count();
        j >= n && self.starts_with(j - n, word)
    }

    /// The first of `words` (ordered longest first by the caller) found at `i`.
    pub fn match_at<'w>(&self, i: usize, words: &[&'w str]) -> Option<&'w str> {
        words.iter().copied().find(|w| self.starts_with(i, w))
    }

    /// Index of the first non-space char at or after `i`.
    pub fn skip_spaces(&self, mut i: usize) -> usize {
        while self.at(i) == ' ' || self.at(i).is_whitespace() {
            i += 1;
        }
        i
    }

    /// Index after skipping spaces backwards from `j` (exclusive end).
    pub fn skip_spaces_back(&self, mut j: usize) -> usize {
        while j > 0 && self.before(j).is_whitespace() {
            j -= 1;
        }
        j
    }
}

/// Length in chars of a pinyin gloss `(dòng)` starting at `k` right after a CJK char.
fn pinyin_gloss_len(orig: &[(usize, char)], k: usize) -> Option<usize> {
    let open = orig.get(k)?.1;
    if open != '(' && open != '（' {
        return None;
    }
    let prev = orig.get(k.checked_sub(1)?)?.1;
    if !is_cjk(prev) {
        return None;
    }
    let mut letters = 0;
    for (n, &(_, c)) in orig.iter().skip(k + 1).enumerate().take(40) {
        match c {
            ')' | '）' => return (letters > 0).then_some(n + 2),
            ' ' | '\'' => {}
            c if c.is_ascii_lowercase() || ('\u{e0}'..='\u{24f}').contains(&c) => letters += 1,
            _ => return None,
        }
    }
    None
}

/// CJK unified ideograph (the basic block and extension A).
pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c) || c == '〇'
}

/// Separators that end a clause or a list item (after normalisation).
pub(crate) fn is_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '、'
            | ';'
            | '。'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '+'
            | '"'
            | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '【'
            | '】'
            | '「'
            | '」'
            | '\n'
            | '\r'
            | '\t'
            | '/'
            | '|'
            | '…'
            | '·'
    )
}

fn normalise_char(c: char) -> char {
    let c = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    };
    let c = match c {
        '\u{3000}' | '\u{a0}' => ' ',
        '–' | '—' | '―' | '‐' | '‑' | '−' | '~' | '〜' | '～' | '─' | '━' => '-',
        '○' | '◯' => '〇',
        '﹪' => '%',
        '｡' => '。',
        _ => c,
    };
    crate::text_match::simplify(c)
}
