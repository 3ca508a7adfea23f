//! The themes of the national activity week by year, as data with their sources, and how a
//! written theme is told from the notice's: the same (punctuation and spacing aside), a near miss
//! (a few characters added, dropped or changed: the difference is shown), a known national theme
//! of another year, or another theme.

use crate::text_match::normalise_name;

/// One year's national theme: (year, the theme and the variants its sources print, the source).
/// From the Ministry of Education's yearly notices (教育部办公厅关于举办20XX年全民终身学习活动周的通知),
/// as gathered in the project's corpus `national-themes.md` (the 文号 where one was found); years
/// with no reliable source (2012, 2017) are left out.
pub(crate) const NATIONAL_THEMES: &[(i32, &[&str], &str)] = &[
    (
        2011,
        &["永远跟党走——人人终身学习，创建学习型城市", "人人终身学习，创建学习型城市"],
        "教职成厅函〔2011〕47号",
    ),
    (
        2013,
        &["为实现中国梦——终身学习·人人成才", "为实现中国梦——终身学习，人人成才"],
        "教职成厅函〔2013〕18号",
    ),
    (2014, &["全民终身学习，创造出彩人生"], "教育部办公厅当年活动周通知（文号未查到）"),
    (2015, &["发展全民终身学习，推动法治社会建设"], "教育部办公厅当年活动周通知（文号未查到）"),
    (2016, &["推进全民继续教育，建设学习型社会"], "教职成厅函〔2016〕33号"),
    (2018, &["服务国家重大战略，推动全民终身学习"], "教职成厅函〔2018〕42号"),
    (2019, &["推动全民终身学习，加快建设学习大国"], "教育部办公厅当年活动周通知（文号未查到）"),
    (2020, &["全民智学，助力“双战双赢”"], "教职成厅函〔2020〕12号"),
    (2021, &["庆建党百年华诞，谱终身学习新篇"], "教职成厅函〔2021〕20号"),
    (2022, &["学习贯彻二十大，终身学习向未来"], "教职成厅函〔2022〕22号"),
    (2023, &["让学习成为一种生活方式"], "教育部办公厅当年活动周通知（文号未查到）"),
    (2024, &["让学习成为一种生活方式"], "教育部等五部门通知（文号未查到）"),
];

/// What a written theme is, next to the notice's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ThemeFinding {
    /// The notice's theme, punctuation and spacing aside (or carried inside a longer text).
    Same,
    /// A few characters off the notice's: the part written and the difference in both languages.
    NearMiss { written: String, difference: String, difference_en: String },
    /// A known national theme of another year.
    OtherYear { year: i32, theme: &'static str, source: &'static str },
    /// Another theme.
    Other,
}

/// The longest text searched for a near miss (a theme, not an essay).
const NEAR_MISS_MAX_CHARS: usize = 400;

/// A national theme with its variants normalised: year, variants, the theme as printed, source.
type Normalised = (i32, Vec<String>, &'static str, &'static str);

/// The national themes' variants, normalised once for the process (they are constants).
fn national_normalised() -> &'static [Normalised] {
    static NORMALISED: std::sync::OnceLock<Vec<Normalised>> = std::sync::OnceLock::new();
    NORMALISED.get_or_init(|| {
        NATIONAL_THEMES
            .iter()
            .map(|&(year, variants, source)| {
                let theme = variants.first().copied().unwrap_or_default();
                (year, variants.iter().map(|v| normalise_name(v)).collect(), theme, source)
            })
            .collect()
    })
}

/// The notice's theme, normalised once, to tell written themes from.
pub(crate) struct NoticeTheme {
    normalised: String,
    year: Option<i32>,
}

impl NoticeTheme {
    /// The theme of the notice of `year`.
    pub(crate) fn new(theme: &str, year: Option<i32>) -> NoticeTheme {
        NoticeTheme { normalised: normalise_name(theme), year }
    }

    /// Tells `written` from the notice's theme.
    pub(crate) fn classify(&self, written: &str) -> ThemeFinding {
        classify_normalised(&normalise_name(written), &self.normalised, self.year)
    }
}

/// Tells `written` from `notice_theme` (the notice of `notice_year`).
#[cfg(test)]
pub(crate) fn classify(written: &str, notice_theme: &str, notice_year: Option<i32>) -> ThemeFinding {
    NoticeTheme::new(notice_theme, notice_year).classify(written)
}

fn classify_normalised(w: &str, n: &str, notice_year: Option<i32>) -> ThemeFinding {
    if n.is_empty() || w.contains(n) {
        return ThemeFinding::Same;
    }
    for (year, variants, theme, source) in national_normalised() {
        if Some(*year) == notice_year {
            continue;
        }
        if variants.iter().any(|v| !v.is_empty() && v != n && w.contains(v.as_str())) {
            return ThemeFinding::OtherYear { year: *year, theme, source };
        }
    }
    let nc: Vec<char> = n.chars().collect();
    let wc: Vec<char> = w.chars().collect();
    if wc.len() <= NEAR_MISS_MAX_CHARS {
        let max = (nc.len() / 5).max(1);
        if let Some((dist, from, to, edits)) = nearest_window(&nc, &wc) {
            if dist <= max {
                let (zh, en) = describe(&edits);
                let written: String = wc.get(from..to).map(|s| s.iter().collect()).unwrap_or_default();
                return ThemeFinding::NearMiss { written, difference: zh, difference_en: en };
            }
        }
    }
    ThemeFinding::Other
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Edit {
    Added(char),
    Dropped(char),
    Changed(char, char),
}

/// The window of `w` nearest to `n` in edits (free start and end in `w`): its distance, its char
/// range in `w` and the edits from `n` to it.
fn nearest_window(n: &[char], w: &[char]) -> Option<(usize, usize, usize, Vec<Edit>)> {
    let (m, k) = (n.len(), w.len());
    let cols = k + 1;
    // d[i * cols + j]: edits matching n[..i] to a window of w ending at j.
    let mut d = vec![0usize; (m + 1) * cols];
    for i in 1..=m {
        d[i * cols] = i;
        for j in 1..=k {
            let sub = d[(i - 1) * cols + j - 1] + usize::from(n[i - 1] != w[j - 1]);
            let del = d[(i - 1) * cols + j] + 1;
            let ins = d[i * cols + j - 1] + 1;
            d[i * cols + j] = sub.min(del).min(ins);
        }
    }
    let (end, dist) = (0..=k).map(|j| (j, d[m * cols + j])).min_by_key(|&(j, v)| (v, j))?;
    // Back from (m, end) to row 0: the edits, in order.
    let (mut i, mut j) = (m, end);
    let mut edits = Vec::new();
    while i > 0 {
        let here = d[i * cols + j];
        if j > 0 && here == d[(i - 1) * cols + j - 1] + usize::from(n[i - 1] != w[j - 1]) {
            if n[i - 1] != w[j - 1] {
                edits.push(Edit::Changed(n[i - 1], w[j - 1]));
            }
            i -= 1;
            j -= 1;
        } else if here == d[(i - 1) * cols + j] + 1 {
            edits.push(Edit::Dropped(n[i - 1]));
            i -= 1;
        } else {
            edits.push(Edit::Added(w[j - 1]));
            j -= 1;
        }
    }
    edits.reverse();
    Some((dist, j, end, edits))
}

/// The edits in words: 多了“写”; 少了“谱”; “谱”写成了“普”.
fn describe(edits: &[Edit]) -> (String, String) {
    let zh: Vec<String> = edits
        .iter()
        .map(|e| match e {
            Edit::Added(c) => format!("多了“{c}”"),
            Edit::Dropped(c) => format!("少了“{c}”"),
            Edit::Changed(a, b) => format!("“{a}”写成了“{b}”"),
        })
        .collect();
    let en: Vec<String> = edits
        .iter()
        .map(|e| match e {
            Edit::Added(c) => format!("“{c}” added"),
            Edit::Dropped(c) => format!("“{c}” missing"),
            Edit::Changed(a, b) => format!("“{a}” written as “{b}”"),
        })
        .collect();
    (zh.join("，"), en.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NT: &str = "庆建党百年华诞，谱终身学习新篇";

    #[test]
    fn one_character_added_is_a_near_miss_that_shows_it() {
        match classify("庆建党百年华诞，谱写终身学习新篇", NT, Some(2021)) {
            ThemeFinding::NearMiss { difference, difference_en, written } => {
                assert_eq!(difference, "多了“写”");
                assert_eq!(difference_en, "“写” added");
                assert_eq!(written, "庆建党百年华诞谱写终身学习新篇");
            }
            other => panic!("{other:?}"),
        }
        let dropped = classify("以“庆建党华诞，谱终身学习新篇”为主题", NT, Some(2021));
        assert!(
            matches!(&dropped, ThemeFinding::NearMiss { difference, .. } if difference == "少了“百”，少了“年”"),
            "{dropped:?}"
        );
    }

    #[test]
    fn another_years_national_theme_says_which_year() {
        let f = classify("全民终身学习、创造出彩人生", NT, Some(2021));
        assert_eq!(
            f,
            ThemeFinding::OtherYear {
                year: 2014,
                theme: "全民终身学习，创造出彩人生",
                source: "教育部办公厅当年活动周通知（文号未查到）"
            }
        );
        assert_eq!(classify("庆建党百年华诞 谱终身学习新篇", NT, Some(2021)), ThemeFinding::Same);
        assert_eq!(classify("服务‘八八战略’,推进全民终身学习", NT, Some(2021)), ThemeFinding::Other);
    }

    #[test]
    fn the_table_is_in_year_order_with_a_source_each() {
        assert!(NATIONAL_THEMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(NATIONAL_THEMES.iter().all(|(_, v, s)| !v.is_empty() && !s.is_empty()));
    }
}
