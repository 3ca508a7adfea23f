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
    simplify(c)
}

/// Traditional → simplified, only for the characters counts, dates, venues and units are written with.
fn simplify(c: char) -> char {
    match c {
        '萬' => '万',
        '億' => '亿',
        '兩' => '两',
        '個' => '个',
        '場' => '场',
        '項' => '项',
        '參' => '参',
        '與' => '与',
        '達' => '达',
        '餘' => '余',
        '幾' => '几',
        '數' => '数',
        '區' => '区',
        '縣' => '县',
        '會' => '会',
        '滿' => '满',
        '點' => '点',
        '約' => '约',
        '過' => '过',
        '於' => '于',
        '總' => '总',
        '計' => '计',
        '內' => '内',
        '對' => '对',
        '開' => '开',
        '辦' => '办',
        '動' => '动',
        '設' => '设',
        '鎮' => '镇',
        '屆' => '届',
        '輪' => '轮',
        '戶' => '户',
        '塊' => '块',
        '處' => '处',
        '條' => '条',
        '張' => '张',
        '類' => '类',
        '單' => '单',
        '組' => '组',
        '時' => '时',
        '間' => '间',
        '週' => '周',
        '舉' => '举',
        '員' => '员',
        '將' => '将',
        '確' => '确',
        '為' => '为',
        '歲' => '岁',
        '級' => '级',
        '學' => '学',
        '習' => '习',
        '進' => '进',
        '鄉' => '乡',
        '長' => '长',
        '領' => '领',
        '導' => '导',
        '節' => '节',
        '課' => '课',
        '隊' => '队',
        '僅' => '仅',
        '種' => '种',
        '門' => '门',
        '冊' => '册',
        '臺' => '台',
        '號' => '号',
        '來' => '来',
        '後' => '后',
        '佔' => '占',
        '眾' => '众',
        '絕' => '绝',
        '許' => '许',
        '無' => '无',
        '減' => '减',
        '齊' => '齐',
        '體' => '体',
        '並' => '并',
        '們' => '们',
        '這' => '这',
        '啟' => '启',
        '閉' => '闭',
        '贊' => '赞',
        '農' => '农',
        '鄰' => '邻',
        '臨' => '临',
        '親' => '亲',
        '遠' => '远',
        '專' => '专',
        '劃' => '划',
        '統' => '统',
        '別' => '别',
        '較' => '较',
        '誇' => '夸',
        '廣' => '广',
        '評' => '评',
        '價' => '价',
        '準' => '准',
        '頗' => '颇',
        '獲' => '获',
        '選' => '选',
        '聯' => '联',
        '館' => '馆',
        '圖' => '图',
        '傳' => '传',
        '華' => '华',
        '講' => '讲',
        '務' => '务',
        '衛' => '卫',
        '機' => '机',
        '構' => '构',
        '團' => '团',
        '從' => '从',
        '業' => '业',
        '現' => '现',
        '發' => '发',
        '報' => '报',
        '題' => '题',
        '東' => '东',
        '書' => '书',
        '記' => '记',
        '黨' => '党',
        '協' => '协',
        '廳' => '厅',
        '園' => '园',
        '陽' => '阳',
        '貳' => '贰',
        '陸' => '陆',
        '蓋' => '盖',
        '係' => '系',
        _ => c,
    }
}
