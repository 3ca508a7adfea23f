//! Comparing names and themes as people write them: punctuation, spacing and bracket widths
//! do not make two names different.

/// Drops whitespace and punctuation (both widths), so 「庆建党百年华诞 谱终身学习新篇」 and
/// 「庆建党百年华诞，谱终身学习新篇」 compare equal.
///
/// ```
/// use learning_week::text_match::normalise_name;
/// assert_eq!(normalise_name("“智慧助老” 课堂（第一期）"), normalise_name("智慧助老课堂(第一期)"));
/// ```
pub fn normalise_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(normalised_chars(s));
    out
}

/// The characters of [`normalise_name`], one by one, with nothing allocated: to compare two names
/// as normalised without writing either.
///
/// ```
/// use learning_week::text_match::{normalise_name, normalised_chars};
/// assert!(normalised_chars("“双减” 进社区").eq(normalised_chars("双减进社区")));
/// assert_eq!(normalised_chars("東湖區。").collect::<String>(), normalise_name("東湖區。"));
/// ```
pub fn normalised_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    // CJK unified ideographs (most of what districts write) are neither spacing nor
    // punctuation: only the traditional → simplified step applies to them.
    s.chars()
        .filter(|&c| ('\u{4e00}'..='\u{9fff}').contains(&c) || (!c.is_whitespace() && !is_punct(c)))
        .map(simplify)
}

/// Traditional → simplified for the characters of unit names, themes and the phrases districts
/// write in the form's rows (counts, dates, venues: the text parsers use this table too) (「東湖區」, 「參與人群達到115萬余人」). Only these characters: a full
/// conversion table would weigh more than the rest of the WebAssembly module.
///
/// ```
/// use learning_week::text_match::simplify;
/// assert_eq!("東湖區".chars().map(simplify).collect::<String>(), "东湖区");
/// ```
pub fn simplify(c: char) -> char {
    // Most characters are not in the table: a bit per (code point mod 4096) rules them out
    // before the binary search (this runs for every character of every name compared).
    let slot = c as usize % TRADITIONAL_SLOTS;
    if TRADITIONAL_BITS[slot / 64] & (1 << (slot % 64)) == 0 {
        return c;
    }
    match TRADITIONAL.binary_search_by_key(&c, |&(t, _)| t) {
        Ok(i) => TRADITIONAL[i].1,
        Err(_) => c,
    }
}

/// Slots of [`TRADITIONAL_BITS`].
const TRADITIONAL_SLOTS: usize = 4096;

/// Bit `c mod 4096` is set for every traditional character `c` of [`TRADITIONAL`].
static TRADITIONAL_BITS: [u64; TRADITIONAL_SLOTS / 64] = {
    let mut bits = [0u64; TRADITIONAL_SLOTS / 64];
    let mut i = 0;
    while i < TRADITIONAL.len() {
        let slot = TRADITIONAL[i].0 as usize % TRADITIONAL_SLOTS;
        bits[slot / 64] |= 1 << (slot % 64);
        i += 1;
    }
    bits
};

/// (traditional, simplified), sorted by the traditional character.
const TRADITIONAL: &[(char, char)] = &[
    ('並', '并'),
    ('佔', '占'),
    ('來', '来'),
    ('係', '系'),
    ('個', '个'),
    ('們', '们'),
    ('傳', '传'),
    ('僅', '仅'),
    ('價', '价'),
    ('億', '亿'),
    ('優', '优'),
    ('內', '内'),
    ('兩', '两'),
    ('冊', '册'),
    ('別', '别'),
    ('劃', '划'),
    ('動', '动'),
    ('務', '务'),
    ('區', '区'),
    ('協', '协'),
    ('參', '参'),
    ('員', '员'),
    ('啟', '启'),
    ('單', '单'),
    ('園', '园'),
    ('圖', '图'),
    ('團', '团'),
    ('報', '报'),
    ('場', '场'),
    ('塊', '块'),
    ('壇', '坛'),
    ('學', '学'),
    ('實', '实'),
    ('審', '审'),
    ('將', '将'),
    ('專', '专'),
    ('對', '对'),
    ('導', '导'),
    ('屆', '届'),
    ('層', '层'),
    ('幾', '几'),
    ('廣', '广'),
    ('廳', '厅'),
    ('張', '张'),
    ('彙', '汇'),
    ('後', '后'),
    ('從', '从'),
    ('態', '态'),
    ('慶', '庆'),
    ('應', '应'),
    ('戶', '户'),
    ('據', '据'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('書', '书'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('極', '极'),
    ('構', '构'),
    ('樣', '样'),
    ('機', '机'),
    ('權', '权'),
    ('歲', '岁'),
    ('歷', '历'),
    ('減', '减'),
    ('準', '准'),
    ('滿', '满'),
    ('漢', '汉'),
    ('濟', '济'),
    ('灣', '湾'),
    ('為', '为'),
    ('無', '无'),
    ('爲', '为'),
    ('獲', '获'),
    ('現', '现'),
    ('產', '产'),
    ('發', '发'),
    ('眾', '众'),
    ('確', '确'),
    ('礎', '础'),
    ('種', '种'),
    ('積', '积'),
    ('競', '竞'),
    ('節', '节'),
    ('約', '约'),
    ('紅', '红'),
    ('級', '级'),
    ('終', '终'),
    ('組', '组'),
    ('結', '结'),
    ('絕', '绝'),
    ('給', '给'),
    ('統', '统'),
    ('經', '经'),
    ('網', '网'),
    ('線', '线'),
    ('練', '练'),
    ('縣', '县'),
    ('總', '总'),
    ('績', '绩'),
    ('織', '织'),
    ('習', '习'),
    ('聯', '联'),
    ('臨', '临'),
    ('臺', '台'),
    ('與', '与'),
    ('舉', '举'),
    ('華', '华'),
    ('萬', '万'),
    ('蓋', '盖'),
    ('藍', '蓝'),
    ('處', '处'),
    ('號', '号'),
    ('術', '术'),
    ('衛', '卫'),
    ('裡', '里'),
    ('複', '复'),
    ('親', '亲'),
    ('覽', '览'),
    ('觀', '观'),
    ('計', '计'),
    ('訓', '训'),
    ('記', '记'),
    ('設', '设'),
    ('許', '许'),
    ('評', '评'),
    ('試', '试'),
    ('誇', '夸'),
    ('誕', '诞'),
    ('說', '说'),
    ('課', '课'),
    ('調', '调'),
    ('談', '谈'),
    ('請', '请'),
    ('論', '论'),
    ('講', '讲'),
    ('謝', '谢'),
    ('譜', '谱'),
    ('議', '议'),
    ('護', '护'),
    ('讀', '读'),
    ('財', '财'),
    ('貢', '贡'),
    ('貳', '贰'),
    ('費', '费'),
    ('資', '资'),
    ('賢', '贤'),
    ('質', '质'),
    ('購', '购'),
    ('賽', '赛'),
    ('贊', '赞'),
    ('較', '较'),
    ('輪', '轮'),
    ('辦', '办'),
    ('農', '农'),
    ('這', '这'),
    ('週', '周'),
    ('進', '进'),
    ('運', '运'),
    ('過', '过'),
    ('達', '达'),
    ('遠', '远'),
    ('選', '选'),
    ('還', '还'),
    ('鄉', '乡'),
    ('鄰', '邻'),
    ('醫', '医'),
    ('鎮', '镇'),
    ('長', '长'),
    ('門', '门'),
    ('閉', '闭'),
    ('開', '开'),
    ('間', '间'),
    ('閱', '阅'),
    ('關', '关'),
    ('陸', '陆'),
    ('陽', '阳'),
    ('隊', '队'),
    ('階', '阶'),
    ('際', '际'),
    ('雙', '双'),
    ('離', '离'),
    ('雲', '云'),
    ('電', '电'),
    ('靈', '灵'),
    ('項', '项'),
    ('頗', '颇'),
    ('領', '领'),
    ('頻', '频'),
    ('題', '题'),
    ('願', '愿'),
    ('類', '类'),
    ('養', '养'),
    ('餘', '余'),
    ('館', '馆'),
    ('體', '体'),
    ('鬥', '斗'),
    ('點', '点'),
    ('黨', '党'),
    ('齊', '齐'),
    ('齡', '龄'),
];

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '？'
                | '！'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '（'
                | '）'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '【'
                | '】'
                | '「'
                | '」'
                | '『'
                | '』'
                | '—'
                | '–'
                | '―'
                | '…'
                | '·'
                | '～'
                | '〔'
                | '〕'
                | '．'
                | '\u{3000}'
        )
}

/// Whether a written theme carries the notice's theme, punctuation and spacing aside.
///
/// ```
/// use learning_week::text_match::theme_matches;
/// let notice = "庆建党百年华诞，谱终身学习新篇";
/// assert!(theme_matches("以“庆建党百年华诞 谱终身学习新篇”为主题的的终身学习周", notice));
/// assert!(!theme_matches("全民终身学习、创造出彩人生", notice));
/// ```
pub fn theme_matches(written: &str, notice_theme: &str) -> bool {
    let n = normalise_name(notice_theme);
    !n.is_empty() && normalise_name(written).contains(&n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn table_is_sorted_and_unique_for_binary_search() {
        assert!(super::TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn the_bit_filter_never_hides_a_table_entry() {
        // Every character of the Basic Multilingual Plane and beyond the table's range maps as
        // a plain binary search over the table would map it.
        let search = |c: char| match super::TRADITIONAL.binary_search_by_key(&c, |&(t, _)| t) {
            Ok(i) => super::TRADITIONAL[i].1,
            Err(_) => c,
        };
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(super::simplify(c), search(c), "{c:?}");
        }
        assert!(super::TRADITIONAL.iter().all(|&(t, s)| super::simplify(t) == s));
    }
}
