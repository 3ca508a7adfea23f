//! The parts of a 公文: issuer, title, recipients (主送), preamble, the numbered sections
//! (一、二、…), the attachment, the signature.

use super::document::Doc;
use std::ops::Range;

const NUMERALS: &str = "一二三四五六七八九十";

/// The number of a heading 「一、活动主题」 (1), if the line is one.
pub(crate) fn heading_number(line: &str) -> Option<usize> {
    let digits: String = line.chars().take_while(|c| NUMERALS.contains(*c)).collect();
    if digits.is_empty() || !line[digits.len()..].starts_with(['、', '.', '．']) {
        return None;
    }
    chinese_small(&digits)
}

/// `line` without its item number 「（一）」.
pub(crate) fn strip_item(line: &str) -> &str {
    if item_number(line).is_none() {
        return line;
    }
    line.find(['）', ')']).map_or(line, |p| &line[p + line[p..].chars().next().map_or(1, char::len_utf8)..])
}

/// The number of an item 「（一）」 or 「(一)」 at the start of a line.
pub(crate) fn item_number(line: &str) -> Option<usize> {
    let rest = line.strip_prefix('（').or_else(|| line.strip_prefix('('))?;
    let digits: String = rest.chars().take_while(|c| NUMERALS.contains(*c)).collect();
    let after = &rest[digits.len()..];
    if digits.is_empty() || !after.starts_with(['）', ')']) {
        return None;
    }
    chinese_small(&digits)
}

/// 一 … 九十九.
fn chinese_small(s: &str) -> Option<usize> {
    let d = |c: char| NUMERALS.chars().position(|n| n == c).map(|p| p + 1);
    let c: Vec<char> = s.chars().collect();
    match c.as_slice() {
        [a] => d(*a),
        ['十', b] => Some(10 + d(*b)?),
        [a, '十'] => Some(10 * d(*a)?),
        [a, '十', b] => Some(10 * d(*a)? + d(*b)?),
        _ => None,
    }
}

/// A numbered section: its heading (without the number) and its body.
pub(crate) struct Section {
    pub heading: Range<usize>,
    pub body: Range<usize>,
}

/// What the reader found of the document's frame.
#[derive(Default)]
pub(crate) struct Frame {
    pub issuer: Option<Range<usize>>,
    pub title: Option<Range<usize>>,
    pub recipients: Option<Range<usize>>,
    pub preamble: Option<Range<usize>>,
    pub sections: Vec<Section>,
    pub attachment_title: Option<Range<usize>>,
    pub attachment_rows: Vec<Range<usize>>,
    pub signature: Option<Range<usize>>,
}

/// Organisation names end so (南昌市教育局, 江西省教育厅, 东湖区教育体育局, …办公室).
pub(crate) fn looks_like_organisation(s: &str) -> bool {
    let n = s.chars().count();
    (3..=30).contains(&n)
        && !s.contains(['，', '。', '：', '、'])
        && ["局", "厅", "委", "委员会", "政府", "办公室", "中心", "办", "部"].iter().any(|e| s.ends_with(e))
}

/// Whether the line is a date alone (「2021年11月10日」).
fn is_date_line(s: &str) -> bool {
    s.ends_with('日') && s.contains('年') && s.chars().count() <= 12 && !s.contains(['，', '。'])
}

/// Reads the frame of `doc`.
pub(crate) fn frame(doc: &Doc) -> Frame {
    let lines = doc.lines();
    let text = |r: &Range<usize>| &doc.text[r.clone()];
    let mut f = Frame::default();
    // The title: among the first lines, 「关于……的通知」 (maybe after the issuer on the same
    // line, maybe cut over two lines).
    let head = lines.len().min(12);
    let mut title_line = None;
    for i in 0..head {
        let t = text(&lines[i]);
        if heading_number(t).is_some() {
            break;
        }
        if t.ends_with("通知") && t.chars().count() <= 80 {
            let start = match t.find("关于") {
                Some(at) if at > 0 => {
                    f.issuer = Some(lines[i].start..lines[i].start + at);
                    lines[i].start + at
                }
                _ => lines[i].start,
            };
            f.title = Some(start..lines[i].end);
            title_line = Some(i);
            break;
        }
        // 「关于举办2021年南昌市全民终身学习」 / 「活动周的通知」
        if t.contains("关于") && i + 1 < lines.len() && text(&lines[i + 1]).ends_with("通知") {
            f.title = Some(lines[i].start..lines[i + 1].end);
            title_line = Some(i + 1);
            break;
        }
    }
    let Some(t_line) = title_line else {
        f.sections = sections(doc, &lines, 0);
        return f;
    };
    if f.issuer.is_none() {
        f.issuer = (0..t_line).rev().map(|i| &lines[i]).find(|r| looks_like_organisation(text(r))).cloned();
    }
    // 主送: the first line after the title ending with a colon, before any section.
    let mut next = t_line + 1;
    // the notice's own 文号 (洪教字〔2021〕88号) may stand between
    while next < lines.len() && text(&lines[next]).ends_with('号') && text(&lines[next]).chars().count() < 30
    {
        next += 1;
    }
    if let Some(r) = lines.get(next) {
        let t = text(r);
        if (t.ends_with('：') || t.ends_with(':')) && heading_number(t).is_none() {
            f.recipients = Some(r.start..r.end - t.chars().last().map_or(0, char::len_utf8));
            next += 1;
        }
    }
    f.sections = sections(doc, &lines, next);
    let first_section = f.sections.first().map(|s| s.heading.start);
    let preamble_lines: Vec<&Range<usize>> = lines[next.min(lines.len())..]
        .iter()
        .take_while(|r| first_section.is_some_and(|s| r.start < s))
        .collect();
    if let (Some(a), Some(b)) = (preamble_lines.first(), preamble_lines.last()) {
        if first_section.is_some() {
            f.preamble = Some(a.start..b.end);
        }
    }
    // The attachment: 「附件」 then its title and the form's rows.
    if let Some(ai) = lines.iter().position(|r| {
        let t = text(r);
        t == "附件" || t.starts_with("附件：") || t.starts_with("附件:") || t.starts_with("附件1")
    }) {
        let after_colon =
            text(&lines[ai]).split_once(['：', ':']).map(|(_, b)| b.trim()).filter(|b| !b.is_empty());
        let mut i = ai + 1;
        if after_colon.is_some() {
            let r = &lines[ai];
            let t = text(r);
            let cut = t.find(['：', ':']).map_or(0, |c| c + t[c..].chars().next().map_or(0, char::len_utf8));
            f.attachment_title = Some(r.start + cut..r.end);
        }
        while i < lines.len() {
            let t = text(&lines[i]);
            if t.contains('\t') {
                f.attachment_rows.push(lines[i].clone());
            } else if f.attachment_title.is_none() && (t.ends_with('表') || t.contains("总结表")) {
                f.attachment_title = Some(lines[i].clone());
            } else if !f.attachment_rows.is_empty() && t.chars().count() <= 10 && !t.ends_with('。') {
                // a group's name cut by a page break (「活动」 / 「主题与内容」): not a row
            }
            i += 1;
        }
    }
    // The signature: an organisation before a date line, after the last section.
    let end_of_body = f.sections.last().map_or(0, |s| s.body.start);
    for w in lines.windows(2) {
        if w[0].start > end_of_body && looks_like_organisation(text(&w[0])) && is_date_line(text(&w[1])) {
            f.signature = Some(w[0].clone());
        }
    }
    if let (Some(sig), Some(last)) = (&f.signature, f.sections.last_mut()) {
        if sig.start > last.body.start && sig.start <= last.body.end + 1 {
            last.body.end = sig.start.saturating_sub(1).max(last.body.start);
        }
    }
    f
}

/// The numbered sections from line `from`: each runs to the next heading, the attachment or
/// the signature.
fn sections(doc: &Doc, lines: &[Range<usize>], from: usize) -> Vec<Section> {
    let text = |r: &Range<usize>| &doc.text[r.clone()];
    let mut out: Vec<Section> = Vec::new();
    let mut expected = 1;
    for r in lines.iter().skip(from) {
        let t = text(r);
        let ends_body = t == "附件" || t.starts_with("附件：") || t.starts_with("附件:") || is_date_line(t);
        if ends_body {
            if let Some(last) = out.last_mut() {
                last.body.end = last.body.end.min(r.start.saturating_sub(1)).max(last.body.start);
            }
            break;
        }
        if let Some(n) = heading_number(t) {
            // numbers run in order; a stray 「一、」 inside a section is text
            if n == expected {
                let skip = t
                    .char_indices()
                    .find(|(_, c)| ['、', '.', '．'].contains(c))
                    .map_or(0, |(at, c)| at + c.len_utf8());
                let body_start = (r.end + 1).min(doc.text.len());
                out.push(Section { heading: r.start + skip..r.end, body: body_start..doc.text.len() });
                if let Some(prev) = out.len().checked_sub(2).and_then(|p| out.get_mut(p)) {
                    prev.body.end = r.start.saturating_sub(1).max(prev.body.start);
                }
                expected += 1;
                continue;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read() {
        assert_eq!(heading_number("四、组织要求"), Some(4));
        assert_eq!(heading_number("十二、其他"), Some(12));
        assert_eq!(heading_number("一些说明"), None);
        assert_eq!(item_number("（四）各县区请于"), Some(4));
        assert_eq!(item_number("(二) 各县区"), Some(2));
        assert_eq!(item_number("（注）"), None);
    }

    #[test]
    fn the_frame_of_a_short_notice() {
        let doc = Doc::new(
            "九江市教育局\n关于举办2023年九江市全民终身学习活动周的通知\n各县（市、区）教育局：\n根据……通知如下。\n一、活动主题\n学习新思想\n二、活动时间\n2023年11月1日至7日\n九江市教育局\n2023年10月20日\n",
        );
        let f = frame(&doc);
        assert_eq!(&doc.text[f.issuer.clone().unwrap()], "九江市教育局");
        assert_eq!(&doc.text[f.title.clone().unwrap()], "关于举办2023年九江市全民终身学习活动周的通知");
        assert_eq!(&doc.text[f.recipients.clone().unwrap()], "各县（市、区）教育局");
        assert_eq!(f.sections.len(), 2);
        assert_eq!(&doc.text[f.sections[1].body.clone()], "2023年11月1日至7日");
        assert_eq!(&doc.text[f.signature.clone().unwrap()], "九江市教育局");
    }
}
