//! A 公文 as the reader sees it: the text cleaned of layout (Markdown marks, links, the spaces
//! Word and web pages put between Chinese characters, paragraphs cut by a page break), with a
//! map from every byte of the cleaned text back to the original, so every value read keeps the
//! span it came from.

use crate::text::Span;
use std::ops::Range;

/// The cleaned text: one paragraph per line, table rows with their cells joined by `\t`.
pub(crate) struct Doc {
    pub text: String,
    /// For each byte of `text`, the original byte range of the character it belongs to.
    origin: Vec<(usize, usize)>,
}

/// Characters that end a paragraph: a line ending otherwise continues on the next line (a page
/// break or a hard wrap in the middle of a sentence).
fn ends_paragraph(line: &str) -> bool {
    line.ends_with(['。', '：', ':', '；', '！', '？', '”', '）', ')']) || line.ends_with("通知")
}

/// Whether a cleaned line starts a part of its own: a heading, a numbered item, a table row,
/// the attachment, a short line (a title, a signature, a date).
fn starts_block(line: &str) -> bool {
    line.contains('\t')
        || super::structure::heading_number(line).is_some()
        || super::structure::item_number(line).is_some()
        || line.starts_with("附件")
        || line.starts_with("联系人")
        || line.ends_with(['：', ':'])
}

impl Doc {
    /// Cleans `raw`.
    pub(crate) fn new(raw: &str) -> Doc {
        let mut lines: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
        let mut offset = 0;
        for raw_line in raw.split_inclusive('\n') {
            let (line, map) = clean_line(raw_line, offset);
            offset += raw_line.len();
            if !line.trim().is_empty() {
                lines.push((line, map));
            }
        }
        let mut doc = Doc { text: String::new(), origin: Vec::new() };
        let mut open = false; // the last line written continues on the next one
        for (line, map) in lines {
            if !doc.text.is_empty() && (!open || starts_block(&line)) {
                let at = doc.origin.last().map_or(0, |o| o.1);
                doc.text.push('\n');
                doc.origin.push((at, at));
            }
            open = !ends_paragraph(&line) && !line.contains('\t') && line.chars().count() > 20;
            doc.text.push_str(&line);
            doc.origin.extend(map);
        }
        doc
    }

    /// The original span of a range of the cleaned text.
    pub(crate) fn span(&self, r: &Range<usize>) -> Span {
        let start = self.origin.get(r.start).map_or(0, |o| o.0);
        let end = if r.end > r.start { self.origin.get(r.end - 1).map_or(start, |o| o.1) } else { start };
        Span { start, end }
    }

    /// The lines of the cleaned text, each with its range.
    pub(crate) fn lines(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, b) in self.text.bytes().enumerate() {
            if b == b'\n' {
                out.push(start..i);
                start = i + 1;
            }
        }
        if start < self.text.len() {
            out.push(start..self.text.len());
        }
        out
    }
}

/// Cleans one line: drops Markdown heading and emphasis marks and link targets, and every space
/// that is not between two ASCII letters or digits; keeps tabs (table cells).
fn clean_line(raw: &str, base: usize) -> (String, Vec<(usize, usize)>) {
    let chars: Vec<(usize, char)> = raw.char_indices().collect();
    let mut out = String::new();
    let mut map = Vec::new();
    let mut i = 0;
    let mut at_start = true;
    while i < chars.len() {
        let (at, c) = chars[i];
        let end = chars.get(i + 1).map_or(raw.len(), |n| n.0);
        i += 1;
        if at_start && (c == '#' || c == '>') {
            continue;
        }
        if c == '*' || c == '\r' || c == '\n' {
            continue;
        }
        // [text](target): keep the text, drop the target.
        if c == ']' && chars.get(i).is_some_and(|n| n.1 == '(') {
            if let Some(close) = chars[i..].iter().position(|n| n.1 == ')') {
                i += close + 1;
                continue;
            }
        }
        if c == '[' && chars[i..].iter().any(|n| n.1 == ']') && raw[at..].contains("](") {
            continue;
        }
        if c == '\t' {
            at_start = false;
            push(&mut out, &mut map, '\t', base + at, base + end);
            continue;
        }
        if c.is_whitespace() {
            let prev = out.chars().last();
            let next = chars[i..].iter().map(|n| n.1).find(|n| !n.is_whitespace());
            let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if word(prev) && word(next) {
                push(&mut out, &mut map, ' ', base + at, base + end);
            }
            continue;
        }
        at_start = false;
        push(&mut out, &mut map, c, base + at, base + end);
    }
    (out, map)
}

fn push(out: &mut String, map: &mut Vec<(usize, usize)>, c: char, start: usize, end: usize) {
    out.push(c);
    map.extend(std::iter::repeat_n((start, end), c.len_utf8()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_keeps_the_way_back() {
        let raw = "## 关于举办 2021 年南昌市全民终身学习 活动周的通知\n邮箱：[a@b.cn](mailto:a@b.cn)\n";
        let d = Doc::new(raw);
        assert_eq!(d.text, "关于举办2021年南昌市全民终身学习活动周的通知\n邮箱：a@b.cn");
        let at = d.text.find("2021").unwrap();
        assert_eq!(d.span(&(at..at + 4)).of(raw), "2021");
        let mail = d.text.find("a@b").unwrap();
        assert_eq!(d.span(&(mail..d.text.len())).of(raw), "a@b.cn");
    }

    #[test]
    fn a_paragraph_cut_by_a_page_break_is_one_line() {
        let d =
            Doc::new("（二）宣传社区教育教研先进单位和个人，宣传推广当地\n\n \n优质教育资源，扩大参与。\n");
        assert_eq!(d.text, "（二）宣传社区教育教研先进单位和个人，宣传推广当地优质教育资源，扩大参与。");
    }
}
