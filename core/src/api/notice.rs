//! Reading a published notice from a file's bytes, with the one input policy every front door
//! shares: a .docx (a zip) is read as Word, UTF-8 text (a BOM dropped) as text, anything else
//! is refused with its reason.

use crate::reading::{NoticeReading, ReadOptions};
use crate::Notice;

/// Reads a notice from a file's bytes: .docx or UTF-8 text. A PDF, an old .doc or text in
/// another encoding is refused with one `reading.not_a_notice` saying what it is and what to
/// do, never read as garbage.
///
/// ```
/// use learning_week::api::read_notice;
/// let text = "关于举办2023年九江市全民终身学习活动周的通知\n一、活动主题\n学习新思想\n二、活动时间\n2023年11月1日至7日\n";
/// assert_eq!(read_notice(text.as_bytes(), &Default::default()).notice.theme.as_deref(), Some("学习新思想"));
/// let pdf = read_notice(b"%PDF-1.7 ...", &Default::default());
/// assert!(pdf.diagnostics[0].message_en.contains("PDF"));
/// ```
pub fn read_notice(bytes: &[u8], options: &ReadOptions) -> NoticeReading {
    let refuse = NoticeReading::refused;
    if bytes.starts_with(b"PK\x03\x04") {
        #[cfg(feature = "docx")]
        return Notice::from_docx(bytes, options);
        #[cfg(not(feature = "docx"))]
        return refuse(
            "这是 Word/Excel 文件，本程序未含 Word 读取功能：请把正文另存为文本",
            "a Word or Excel file, and this build reads no Word: save the text as .txt",
        );
    }
    if bytes.starts_with(b"%PDF") {
        return refuse(
            "这是 PDF 文件：请复制正文另存为文本或 .docx",
            "a PDF: copy its text into a .txt or .docx",
        );
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return refuse(
            "这是旧版 Word（.doc）文件：请另存为 .docx 或文本",
            "an old Word (.doc) file: save it as .docx or .txt",
        );
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Notice::from_text(text, options),
        Err(e) => refuse(
            &format!("文字不是 UTF-8 编码（第 {} 字节起）：请以 UTF-8 另存", e.valid_up_to()),
            &format!("the text is not UTF-8 (from byte {}): save it as UTF-8", e.valid_up_to()),
        ),
    }
}
