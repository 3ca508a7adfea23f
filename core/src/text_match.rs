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
    s.chars().filter(|c| !c.is_whitespace() && !is_punct(*c)).collect()
}

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
