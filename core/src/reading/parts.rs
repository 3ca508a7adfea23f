//! Each part of the notice model, read from the words of the notice that state it.

use super::deadline::{self, Deadline};
use super::structure::{self, Frame, Section};
use super::{topics, Reader};
use crate::catalog::params;
use crate::catalog::reading::{DEADLINE_TERM, EXPANDED, WEEK_FROM_START};
use crate::notice::{
    Arrangements, Attachment, Contact, DocumentReference, MaterialKind, Organisation, ReportingDuty,
    RequiredMaterial, Role, RoleAssignment, Topic,
};
use crate::period::Period;
use std::ops::Range;

/// Sentence ends inside a paragraph.
const STOPS: [char; 4] = ['。', '；', '！', '\n'];

/// The byte after the character at `p` of `s`.
fn after(s: &str, p: usize) -> usize {
    p + s[p..].chars().next().map_or(1, char::len_utf8)
}

/// The sentence of `text` around byte `at`.
fn sentence(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind(STOPS).map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8));
    let end = text[at..].find(STOPS).map_or(text.len(), |p| at + p);
    start..end
}

/// Splits a list 「图书馆、科技馆和体育场馆」 into its items (ranges relative to `s`), dropping
/// quotes, 《》 and a trailing 等.
fn items(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let cut = |start: usize, end: usize, out: &mut Vec<Range<usize>>| {
        let mut r = start..end;
        let t = &s[r.clone()];
        let trimmed_start = t.len() - t.trim_start_matches(['“', '”', '"', '《', '「', '‘']).len();
        r.start += trimmed_start;
        let t = &s[r.clone()];
        let t2 = t.trim_end_matches(['“', '”', '"', '》', '」', '’']);
        let t2 = t2.strip_suffix('等').unwrap_or(t2);
        // 「户外LED屏等媒介」: the item, not the class after 等
        let t2 = match t2.rfind('等') {
            Some(p) if p > 0 && t2[p..].chars().count() <= 3 => &t2[..p],
            _ => t2,
        };
        r.end = r.start + t2.len();
        if !s[r.clone()].is_empty() {
            out.push(r);
        }
    };
    let mut depth = 0usize;
    for (at, c) in s.char_indices() {
        match c {
            '（' | '(' | '《' => depth += 1,
            '）' | ')' | '》' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 {
            continue;
        }
        if c == '、' || c == '，' || c == ',' {
            cut(start, at, &mut out);
            start = at + c.len_utf8();
        } else if (c == '和' || c == '及') && at > start {
            // 「科技馆和体育场馆」, not 「单位和个人」: both sides at least 2 characters before
            // the next separator, and the word before does not end a compound (「和」 inside 「和谐」)
            let before = s[start..at].chars().count();
            let next_sep = s[at..].find(['、', '，', ',']).map_or(s.len(), |p| at + p);
            let after = s[at + c.len_utf8()..next_sep].chars().count();
            if before >= 2 && after >= 2 && !s[at + c.len_utf8()..].starts_with(['谐', '平', '其']) {
                cut(start, at, &mut out);
                start = at + c.len_utf8();
            }
        }
    }
    cut(start, s.len(), &mut out);
    out
}

/// The text between `open` and `close` after `from`, as an absolute range.
fn between(text: &str, from: usize, open: &str, close: &str) -> Option<Range<usize>> {
    let a = from + text[from..].find(open)? + open.len();
    let b = a + text[a..].find(close)?;
    Some(a..b)
}

/// The section whose heading says one of `words`.
fn section<'f>(r: &Reader<'_>, frame: &'f Frame, words: &[&str]) -> Option<&'f Section> {
    frame.sections.iter().find(|s| words.iter().any(|w| r.at(&s.heading).contains(w)))
}

pub(crate) fn read_all(r: &mut Reader<'_>, frame: &Frame) {
    title_and_place(r, frame);
    let place = super::units::locate(r);
    recipients(r, frame);
    references(r, frame);
    theme(r, frame);
    week(r, frame);
    arrangements(r, frame);
    organisation(r, frame);
    reporting(r, frame);
    attachment(r, frame);
    super::units::jurisdiction(r, place, frame.recipients.clone());
}

/// Spells out 「市」 / 「省」 at the start of a name with the notice's city or province.
fn expand(r: &mut Reader<'_>, name: &str, path: &str) -> String {
    let full = match (name.strip_prefix('市'), name.strip_prefix('省'), &r.place, &r.province) {
        (Some(rest), _, Some(city), _) if city.ends_with('市') => format!("{city}{rest}"),
        (_, Some(rest), _, Some(p)) => format!("{p}{rest}"),
        _ => return name.to_owned(),
    };
    r.emit(&EXPANDED, path, params! {"text" => name, "value" => full});
    full
}

fn title_and_place(r: &mut Reader<'_>, frame: &Frame) {
    let issuer = frame.issuer.clone().or_else(|| frame.signature.clone());
    match &issuer {
        Some(i) => {
            r.notice.issuer = Some(r.at(i).to_owned());
            r.source("/issuer", i);
        }
        None => r.missing("/issuer", "发文单位", "issuer"),
    }
    let Some(t) = frame.title.clone() else {
        r.missing("/title", "标题", "title");
        return;
    };
    // a title cut over two lines is one title
    let title = r.at(&t).replace('\n', "");
    r.source("/title", &t);
    // the year: 「2021年」 in the title
    let year = title.find('年').and_then(|y| {
        let digits: String = title[..y].chars().rev().take_while(char::is_ascii_digit).collect();
        (digits.len() == 4)
            .then(|| digits.chars().rev().collect::<String>().parse::<i32>().ok())
            .flatten()
            .map(|v| (v, y))
    });
    match (year, r.options.year) {
        (_, Some(y)) => r.notice.year = Some(y),
        (Some((y, at)), None) => {
            r.notice.year = Some(y);
            r.source("/year", &(t.start + at - 4..t.start + at + '年'.len_utf8()));
        }
        (None, None) => r.missing("/year", "年度", "year"),
    }
    // the place: between 「年」 and 「全民终身学习」 (南昌市, 江西省, 东湖区), else the issuer's
    let from_title = year.and_then(|(_, at)| {
        let rest = &title[at + '年'.len_utf8()..];
        let end = rest.find("全民终身学习")?;
        let place = &rest[..end];
        (!place.is_empty() && place.chars().count() <= 12).then(|| place.to_owned())
    });
    let from_issuer = r.notice.issuer.as_deref().and_then(|i| {
        ["教育局", "教育厅", "教育体育局", "教体局", "教育和体育局", "教育委员会", "人民政府"]
            .iter()
            .find_map(|s| i.split_once(s).map(|(p, _)| p.to_owned()))
            .filter(|p| !p.is_empty())
    });
    r.place = r.options.city.clone().or(from_title).or(from_issuer);
    r.notice.title = Some(title);
}

fn recipients(r: &mut Reader<'_>, frame: &Frame) {
    let Some(range) = frame.recipients.clone() else {
        r.missing("/recipients", "主送单位", "recipients");
        return;
    };
    let text = r.at(&range).to_owned();
    let list: Vec<String> = items(&text).into_iter().map(|i| text[i].to_owned()).collect();
    r.source("/recipients", &range);
    r.notice.recipients = Some(list);
}

fn references(r: &mut Reader<'_>, frame: &Frame) {
    let Some(p) = frame.preamble.clone().or_else(|| frame.sections.first().map(|s| s.body.clone())) else {
        return;
    };
    let text = r.at(&p).to_owned();
    let mut refs = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('《') {
        let a = from + open + '《'.len_utf8();
        let Some(close) = text[a..].find('》') else { break };
        let title = &text[a..a + close];
        let after = a + close + '》'.len_utf8();
        from = after;
        let Some(number) = text[after..]
            .strip_prefix(['（', '(', '[', '【', '［'])
            .and_then(|rest| rest.find(['）', ')', ']', '】', '］']).map(|e| &rest[..e]))
            .filter(|n| n.ends_with('号') && n.chars().any(|c| c.is_ascii_digit()))
        else {
            continue;
        };
        let number: String = number
            .chars()
            .map(|c| match c {
                '[' | '【' | '［' => '〔',
                ']' | '】' | '］' => '〕',
                c => c,
            })
            .collect();
        let issuer = title.split_once("关于").map(|(i, _)| i.to_owned()).filter(|i| !i.is_empty());
        let path = format!("/references/{}", refs.len());
        let issuer = issuer.map(|i| expand(r, &i, &format!("{path}/issuer")));
        r.source(&path, &(p.start + a - '《'.len_utf8()..p.start + after + number.len() + 6));
        refs.push(DocumentReference {
            issuer,
            title: Some(title.to_owned()),
            number: Some(number),
            ..Default::default()
        });
    }
    if !refs.is_empty() {
        r.notice.references = Some(refs);
    }
}

/// The body of the section `words` name, first line only.
fn first_line(r: &Reader<'_>, s: &Section) -> Range<usize> {
    let t = r.at(&s.body);
    let end = t.find('\n').unwrap_or(t.len());
    s.body.start..s.body.start + end
}

fn theme(r: &mut Reader<'_>, frame: &Frame) {
    let Some(s) = section(r, frame, &["主题"]).filter(|s| !r.at(&s.heading).contains("安排")) else {
        r.missing("/theme", "一、活动主题", "theme (一、活动主题)");
        return;
    };
    let line = first_line(r, s);
    let t = r.at(&line);
    // 「本届活动周的主题为“…”」: the quoted words; else the line without its full stop
    let range = match (t.find('“'), t.rfind('”')) {
        (Some(a), Some(b)) if b > a && t[..a].contains("主题") => {
            line.start + a + '“'.len_utf8()..line.start + b
        }
        _ => {
            let trimmed = t.trim_end_matches(['。', '.', '！']);
            let lead = trimmed.len() - trimmed.trim_start_matches(['“', '"', '「']).len();
            let core = trimmed.trim_start_matches(['“', '"', '「']).trim_end_matches(['”', '"', '」']);
            line.start + lead..line.start + lead + core.len()
        }
    };
    if r.at(&range).is_empty() {
        r.missing("/theme", "一、活动主题", "theme (一、活动主题)");
        return;
    }
    r.notice.theme = Some(r.at(&range).to_owned());
    r.source("/theme", &range);
}

fn week(r: &mut Reader<'_>, frame: &Frame) {
    let Some(s) = section(r, frame, &["时间"]) else {
        r.missing("/week", "二、活动时间", "the week (二、活动时间)");
        return;
    };
    let line = first_line(r, s);
    let t = r.at(&line).to_owned();
    match crate::text::parse_period(&t, r.notice.year) {
        Ok(p) => {
            let span = line.start + p.span.start..line.start + p.span.end;
            let one_week =
                p.start == p.end && ["一周", "一个星期", "7天", "七天"].iter().any(|w| t.contains(w));
            let end = if one_week {
                p.start.checked_add_days(chrono::Days::new(6)).unwrap_or(p.end)
            } else {
                p.end
            };
            if one_week {
                r.emit(
                    &WEEK_FROM_START,
                    "/week/end",
                    params! {"text" => t, "start" => p.start.to_string(), "end" => end.to_string()},
                );
            }
            r.notice.week = Some(Period::new(p.start, end));
            if r.notice.year.is_none() {
                r.notice.year = Some(chrono::Datelike::year(&p.start));
            }
            r.source("/week", &span);
        }
        Err(e) => {
            let reason = (e.message.clone(), e.message_en.clone());
            r.unreadable("/week", ("二、活动时间", "the week (二、活动时间)"), &t, (&reason.0, &reason.1));
        }
    }
}

/// The topic of `name`: the known one, or the notice's own words.
fn topic(name: &str, n: usize, prefix: &str) -> Topic {
    match topics::known(name) {
        Some((key, name, words)) => Topic {
            key: Some((*key).to_owned()),
            name: Some((*name).to_owned()),
            keywords: Some(words.iter().map(|w| (*w).to_owned()).collect()),
            ..Default::default()
        },
        None => Topic {
            key: Some(format!("{prefix}_{}", n + 1)),
            name: Some(name.to_owned()),
            keywords: Some(vec![name.to_owned()]),
            ..Default::default()
        },
    }
}

/// The list after `open` up to `close` everywhere in `text`, as (absolute range, items).
fn lists(text: &str, base: usize, open: &str, close: &str) -> Vec<(Range<usize>, Vec<String>)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(r) = between(text, from, open, close) {
        from = r.end;
        let s = &text[r.clone()];
        if s.contains(['。', '；', '\n']) || s.chars().count() > 150 {
            from = r.start;
            // the open word again further on
            if let Some(next) = text[from..].find(open) {
                from += next + open.len();
                continue;
            }
            break;
        }
        let list: Vec<String> = items(s).into_iter().map(|i| s[i].to_owned()).collect();
        out.push((base + r.start..base + r.end, list));
    }
    out
}

fn arrangements(r: &mut Reader<'_>, frame: &Frame) {
    let Some(s) = section(r, frame, &["安排", "内容", "活动形式"]) else {
        r.missing("/arrangements", "三、活动安排", "the arrangements (三、活动安排)");
        return;
    };
    let body = s.body.clone();
    let text = r.at(&body).to_owned();
    let mut a = Arrangements::default();
    if text.contains("活动计划") || text.contains("实施方案") || text.contains("活动方案") {
        a.plan_required = Some(true);
    }
    if text.contains("含开幕式") {
        a.opening_ceremony_required = Some(true);
    }
    // recommended topics: 「围绕…等主题」, 「包括…等活动主题」, then known topics named in the
    // theme and the section (全民阅读)
    let mut names: Vec<String> = Vec::new();
    for (open, close) in [("围绕", "等主题"), ("包括", "等活动主题")] {
        for (range, list) in lists(&text, body.start, open, close) {
            r.source("/arrangements/recommended_topics", &range);
            names.extend(list);
        }
    }
    // focus items: after 「重点」, the known topics and quoted words of that sentence
    let mut focus: Vec<(usize, String)> = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("重点") {
        let at = from + at;
        let end = text[at..].find(STOPS).map_or(text.len(), |e| at + e);
        let clause = &text[at..end];
        for (_, name, words) in topics::KNOWN {
            if let Some(p) = std::iter::once(*name).chain(words.iter().copied()).find_map(|w| clause.find(w))
            {
                if !focus.iter().any(|(_, n)| n == name) {
                    focus.push((at + p, (*name).to_owned()));
                }
            }
        }
        let mut q = 0;
        while let Some(qa) = clause[q..].find('“') {
            let qa = q + qa + '“'.len_utf8();
            let Some(qb) = clause[qa..].find('”') else { break };
            let word = &clause[qa..qa + qb];
            if !focus.iter().any(|(_, n)| n == word) && !word.is_empty() {
                focus.push((at + qa, word.to_owned()));
            }
            q = qa + qb;
        }
        if !clause.is_empty() {
            r.source("/arrangements/focus_items", &(body.start + at..body.start + end));
        }
        from = end;
    }
    focus.sort_by_key(|(p, _)| *p);
    if let Some(theme) = r.notice.theme.clone() {
        for (_, name, _) in topics::KNOWN {
            if theme.contains(name) && !names.iter().any(|n| n == name) {
                names.push((*name).to_owned());
            }
        }
    }
    for (_, name, _) in topics::KNOWN.iter().filter(|(k, _, _)| {
        !["double_reduction", "smart_help_for_elderly", "rural_community_education"].contains(k)
    }) {
        if text.contains(name) && !names.iter().any(|n| n == name) && !focus.iter().any(|(_, n)| n == name) {
            names.push((*name).to_owned());
        }
    }
    names.retain(|n| !focus.iter().any(|(_, f)| f == n));
    if !names.is_empty() {
        a.recommended_topics = Some(names.iter().enumerate().map(|(i, n)| topic(n, i, "topic")).collect());
    }
    if !focus.is_empty() {
        a.focus_items = Some(focus.iter().enumerate().map(|(i, (_, n))| topic(n, i, "focus")).collect());
    }
    // forms: 「…的讲座、培训等多种形式的…和学习服务」 and 「“主题活动日”、“专题讲座”等…活动」
    let mut forms: Vec<String> = Vec::new();
    if let Some(at) = text.find("等多种形式") {
        let sent = sentence(&text, at);
        let head = &text[sent.start..at];
        // the list runs from the last 的 (「相结合的讲座、培训」) or 开展 before it
        let list_start = head
            .rfind('的')
            .map(|p| p + '的'.len_utf8())
            .or_else(|| head.rfind("开展").map(|p| p + "开展".len()));
        if let Some(list_start) = list_start {
            forms.extend(items(&head[list_start..]).into_iter().map(|i| head[list_start..][i].to_owned()));
        }
        let tail = &text[at + "等多种形式".len()..sent.end];
        if let Some(rest) = tail.strip_prefix('的') {
            let end = rest.find(['，', ',']).unwrap_or(rest.len());
            forms.extend(items(&rest[..end]).into_iter().map(|i| rest[..end][i].to_owned()));
        }
        r.source("/arrangements/recommended_forms", &(body.start + sent.start..body.start + sent.end));
    }
    let mut from = 0;
    while let Some(q) = text[from..].find("”等") {
        let q = from + q;
        from = q + "”等".len();
        let tail = &text[from..text[from..].find(STOPS).map_or(text.len(), |e| from + e)];
        if !tail.chars().take(16).collect::<String>().contains("活动") {
            continue;
        }
        let start = text[..q].rfind(['，', '。', '\n']).map_or(0, |p| after(&text, p));
        let Some(first) = text[start..q].find('“') else { continue };
        let list = &text[start + first..q + '”'.len_utf8()];
        forms.extend(items(list).into_iter().map(|i| list[i].to_owned()));
    }
    forms.dedup();
    if !forms.is_empty() {
        a.recommended_forms = Some(forms);
    }
    if let Some((range, list)) = lists(&text, body.start, "组织广大", "参加").into_iter().next() {
        r.source("/arrangements/target_groups", &range);
        a.target_groups = Some(list);
    }
    // 涉农县区要积极开展农村社区教育
    if let Some(at) = text.find("涉农") {
        if let Some(k) = text[at..].find("开展") {
            let a0 = at + k + "开展".len();
            let end = text[a0..].find(['，', '。', '；']).map_or(text.len(), |e| a0 + e);
            let duty = &text[a0..end];
            if !duty.is_empty() && duty.chars().count() <= 20 {
                let mut t = topic(duty, 0, "rural_duty");
                if topics::known(duty).is_none() {
                    t.key = Some("rural_duty".into());
                }
                a.rural_duty = Some(t);
                r.source("/arrangements/rural_duty", &(body.start + a0..body.start + end));
            }
        }
    }
    // 以社会主义核心价值观、传统文化、科学技术等为内容，推动全民阅读
    if let Some((range, mut list)) = lists(&text, body.start, "以", "等为内容").into_iter().next() {
        let after = range.end - body.start + "等为内容".len();
        if let Some(rest) = text[after..].strip_prefix("，推动") {
            let end = rest.find(['。', '，', '；']).unwrap_or(rest.len());
            list.push(rest[..end].to_owned());
        }
        r.source("/arrangements/encouraged_content", &range);
        a.encouraged_content = Some(list);
    }
    // 利用学校图书馆、科技馆和体育场馆等资源向市民开放
    if let Some((range, list)) = lists(&text, body.start, "利用", "等资源")
        .into_iter()
        .find(|(rg, _)| text[rg.end - body.start..].chars().take(12).collect::<String>().contains("开放"))
    {
        let list: Vec<String> =
            list.into_iter().map(|v| v.strip_prefix("学校").map(str::to_owned).unwrap_or(v)).collect();
        r.source("/arrangements/open_venues", &range);
        a.open_venues = Some(list);
    }
    r.notice.arrangements = Some(a);
}

fn organisation(r: &mut Reader<'_>, frame: &Frame) {
    let Some(s) = section(r, frame, &["组织", "要求", "保障"]) else {
        r.missing("/organisation", "四、组织要求", "the organisation duties (四、组织要求)");
        return;
    };
    let body = s.body.clone();
    let text = r.at(&body).to_owned();
    let mut o = Organisation::default();
    // 活动周由市教育局主办，由…承办，…组织实施，…提供支持
    if let Some(at) = text.find("主办") {
        let sent = sentence(&text, at);
        let mut roles: Vec<RoleAssignment> = Vec::new();
        for clause in text[sent.clone()].split(['，', ',']) {
            let clause = structure::strip_item(clause).trim_start_matches("活动周").trim_start_matches('由');
            let found = [
                ("提供支持", Role::Supporter),
                ("组织实施", Role::Implementer),
                ("具体实施", Role::Implementer),
                ("主办", Role::Host),
                ("承办", Role::Undertaker),
                ("协办", Role::CoOrganiser),
                ("支持", Role::Supporter),
            ]
            .into_iter()
            .find(|(w, _)| clause.ends_with(w));
            let Some((word, role)) = found else { continue };
            let who = clause[..clause.len() - word.len()].trim_start_matches('由');
            let orgs: Vec<String> = items(who).into_iter().map(|i| who[i].to_owned()).collect();
            let at = format!("/organisation/roles/{}/organisations", roles.len());
            let orgs: Vec<String> =
                orgs.iter().enumerate().map(|(j, o)| expand(r, o, &format!("{at}/{j}"))).collect();
            if !orgs.is_empty() {
                roles.push(RoleAssignment {
                    role: Some(role),
                    organisations: Some(orgs),
                    ..Default::default()
                });
            }
        }
        if !roles.is_empty() {
            r.source("/organisation/roles", &(body.start + sent.start..body.start + sent.end));
            o.roles = Some(roles);
        }
    } else {
        r.missing("/organisation/roles", "组织分工（主办、承办……）", "the roles (主办, 承办 …)");
    }
    let flag = |words: &[&str]| words.iter().any(|w| text.contains(w)).then_some(true);
    o.epidemic_responsibility_required = flag(&["疫情防控主体责任"]);
    o.safety_required = flag(&["安全措施", "安全责任"]);
    o.funding_required = flag(&["经费保障"]);
    // publicity channels: 「利用…积极宣传」, 「发挥…的舆论」, 「利用…等媒介」
    let mut channels: Vec<String> = Vec::new();
    let mut spots: Vec<(usize, Vec<String>)> = Vec::new();
    for (open, close) in [("利用", "积极宣传"), ("发挥", "的舆论"), ("利用", "等媒介")] {
        for (range, list) in lists(&text, body.start, open, close) {
            let list = list
                .into_iter()
                .map(|v| {
                    v.trim_start_matches("本县区")
                        .trim_start_matches("本地区")
                        .trim_start_matches("本地")
                        .to_owned()
                })
                .collect();
            spots.push((range.start, list));
            r.source("/organisation/publicity_channels", &range);
        }
    }
    spots.sort_by_key(|(p, _)| *p);
    for (_, l) in spots {
        for v in l {
            if !channels.contains(&v) {
                channels.push(v);
            }
        }
    }
    if !channels.is_empty() {
        o.publicity_channels = Some(channels);
    }
    // promotions: the quoted words of the sentence that says 宣传推广
    if let Some(at) = text.find("宣传推广") {
        let sent = sentence(&text, at);
        let words: Vec<String> = text[sent.clone()]
            .split('“')
            .skip(1)
            .filter_map(|p| p.split_once('”').map(|(w, _)| w.to_owned()))
            .filter(|w| !w.is_empty())
            .collect();
        if !words.is_empty() {
            r.source("/organisation/promotions", &(body.start + sent.start..body.start + sent.end));
            o.promotions = Some(words);
        }
    }
    // 安全、节俭、高效举办
    if let Some(at) = text.find("举办") {
        let head = &text[..at];
        let start = head.rfind(['，', '。', '\n']).map_or(0, |p| after(head, p));
        let list: Vec<&str> = head[start..].split('、').collect();
        if list.len() >= 2 && list.iter().all(|w| w.chars().count() == 2) {
            r.source("/organisation/principles", &(body.start + start..body.start + at));
            o.principles = Some(list.into_iter().map(str::to_owned).collect());
        }
    }
    r.notice.organisation = Some(o);
}

fn reporting(r: &mut Reader<'_>, frame: &Frame) {
    let whole = frame.sections.first().map_or(0, |s| s.heading.start)
        ..frame.sections.last().map_or(r.doc.text.len(), |s| s.body.end);
    let text = r.at(&whole).to_owned();
    let base = whole.start;
    let mut duty =
        ReportingDuty { utc_offset: Some("+08:00".into()), grace_days: Some(0), ..Default::default() };
    // the duty: the first sentence that says 报送 with a time (于…前, 截止, 另行通知, …内)
    let mut at = 0;
    let mut found = None;
    while let Some(p) = text[at..].find("报送") {
        let sent = sentence(&text, at + p);
        let s = &text[sent.clone()];
        if s.contains('于')
            || s.contains("截止")
            || s.contains("截至")
            || s.contains("另行通知")
            || s.contains('内')
        {
            found = Some(sent);
            break;
        }
        at = sent.end.max(at + p + 1);
    }
    let Some(sent) = found else {
        r.missing("/reporting", "报送要求（截止时间、材料）", "the reporting duty (deadline, materials)");
        r.notice.reporting = Some(duty);
        return;
    };
    let s = text[sent.clone()].to_owned();
    let week_month = r.notice.week.as_ref().and_then(|w| w.start).map(|d| chrono::Datelike::month(&d));
    let year =
        r.notice.week.as_ref().and_then(|w| w.start).map(|d| chrono::Datelike::year(&d)).or(r.notice.year);
    match deadline::read(&s, year, week_month) {
        Some(Deadline::Date(d)) => {
            duty.deadline = Some(d);
            duty.deadline_inclusive = Some(true);
            r.source("/reporting/deadline", &(base + sent.start..base + sent.end));
        }
        Some(Deadline::Term(t)) => {
            let kind = t.kind.unwrap_or(crate::notice::DeadlineKind::Unresolved);
            let (kind_zh, consequence, consequence_en) = match kind {
                crate::notice::DeadlineKind::Month => {
                    ("某月", "按当月最后一日判断是否按时", "a package is on time up to the month's last day")
                }
                crate::notice::DeadlineKind::TenDays => (
                    "上中下旬",
                    "按该旬最后一日判断是否按时",
                    "a package is on time up to the last of those ten days",
                ),
                crate::notice::DeadlineKind::Relative => (
                    "某事件后若干时间",
                    "该事件的日期未知，无法判断是否按时",
                    "the event's date is unknown, so timeliness cannot be decided",
                ),
                crate::notice::DeadlineKind::Unresolved => (
                    "另行通知",
                    "尚无日期，无法判断是否按时",
                    "there is no date yet, so timeliness cannot be decided",
                ),
            };
            r.emit(
                &DEADLINE_TERM,
                "/reporting/deadline_term",
                params! {"text" => t.text.clone(), "kind" => kind.as_str(), "kind_zh" => kind_zh, "kind_en" => kind.as_str().replace('_', " "),
                "consequence" => consequence, "consequence_en" => consequence_en},
            );
            r.source("/reporting/deadline_term", &(base + sent.start..base + sent.end));
            duty.deadline_term = Some(t);
        }
        None => r.unreadable(
            "/reporting/deadline",
            ("报送截止时间", "the reporting deadline"),
            &s,
            ("没有读出日期", "no date could be read"),
        ),
    }
    // materials, in the order named
    let mut materials: Vec<(usize, RequiredMaterial)> = Vec::new();
    // 「报送…工作总结材料及《总结表》和1个典型活动案例」 or 「将…总结材料及《总结表》报送至…」
    for item in items(&s) {
        let whole = &s[item.clone()];
        // the count is read after 「报送」 / 「将」 (「报送1个典型活动案例」)
        let word = ["报送", "将"]
            .iter()
            .filter_map(|w| whole.find(w).map(|p| &whole[p + w.len()..]))
            .next()
            .unwrap_or(whole);
        let kind = if whole.contains("总结表") {
            MaterialKind::SummaryTable
        } else if whole.contains("总结") {
            MaterialKind::WorkSummary
        } else if whole.contains("案例") {
            MaterialKind::TypicalCase
        } else {
            continue;
        };
        let count = word
            .chars()
            .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(*c))
            .collect::<String>();
        // 「1个典型活动案例」, not the year of 「2021年活动周工作总结材料」
        let count =
            if word[count.len()..].starts_with(['个', '份', '篇', '套']) { count } else { String::new() };
        let count = match count.as_str() {
            "" => None,
            "一" => Some(1),
            "两" | "二" => Some(2),
            "三" => Some(3),
            n => n.parse().ok(),
        };
        if !materials.iter().any(|(_, m)| m.kind == Some(kind)) {
            materials.push((item.start, RequiredMaterial { kind: Some(kind), count, ..Default::default() }));
        }
    }
    // 盖章后扫描件（PDF格式）, anywhere in the part
    if let Some(p) = text.find("扫描件") {
        let near: String = text[p..].chars().take(20).collect();
        let format = near.to_ascii_lowercase().contains("pdf").then(|| "pdf".to_owned());
        materials.push((
            usize::MAX,
            RequiredMaterial {
                kind: Some(MaterialKind::StampedScan),
                count: None,
                format,
                ..Default::default()
            },
        ));
        // formats: 「以上资料的电子版和盖章后扫描件（PDF格式）」
        let sent2 = sentence(&text, p);
        let st = &text[sent2.clone()];
        if let Some(e) = st.find("电子版") {
            let start = st[..e].rfind('的').map_or(e, |d| d + '的'.len_utf8());
            let end = [
                st[start..].find(['，', ',']),
                st[start..].find("报送"),
                st[start..].find("发送"),
                st[start..].find("统一"),
            ]
            .into_iter()
            .flatten()
            .min()
            .map_or(st.len(), |x| start + x);
            let list: Vec<String> =
                items(&st[start..end]).into_iter().map(|i| st[start..end][i].to_owned()).collect();
            if !list.is_empty() {
                r.source("/reporting/formats", &(base + sent2.start + start..base + sent2.start + end));
                duty.formats = Some(list);
            }
        }
    }
    if materials.is_empty() {
        r.missing("/reporting/materials", "须报送材料", "the materials to send");
    } else {
        r.source("/reporting/materials", &(base + sent.start..base + sent.end));
        duty.materials = Some(materials.into_iter().map(|(_, m)| m).collect());
    }
    // 报送至…
    for w in ["报送至", "报送到", "发送至", "发送到", "报至"] {
        if let Some(p) = text.find(w) {
            let a = p + w.len();
            let e = text[a..].find(['，', ',', '。', '（', '(', '；']).map_or(text.len(), |x| a + x);
            let who = &text[a..e];
            if !who.is_empty() && who.chars().count() <= 30 {
                duty.recipient = Some(who.to_owned());
                r.source("/reporting/recipient", &(base + a..base + e));
                break;
            }
        }
    }
    if let Some((mail, range)) = email(&text) {
        duty.email = Some(mail);
        r.source("/reporting/email", &(base + range.start..base + range.end));
    }
    // 联系人及电话：市社区教育指导中心万翮，17770022118；…
    if let Some(p) = text.find("联系人") {
        let line_end = text[p..].find('\n').map_or(text.len(), |e| p + e);
        let line = &text[p..line_end];
        let body_at = line
            .find(['：', ':'])
            .map_or(line.len(), |c| c + line[c..].chars().next().map_or(1, char::len_utf8));
        let mut contacts = Vec::new();
        for part in line[body_at..].split(['；', ';']) {
            if let Some(c) = contact(part.trim_end_matches('。')) {
                contacts.push(c);
            }
        }
        if contacts.is_empty() {
            r.unreadable(
                "/reporting/contacts",
                ("联系人及电话", "the contacts"),
                line,
                ("没有读出姓名和电话", "no name and phone could be read"),
            );
        } else {
            r.source("/reporting/contacts", &(base + p..base + line_end));
            duty.contacts = Some(contacts);
        }
    }
    r.notice.reporting = Some(duty);
}

/// The first e-mail address in `text`.
fn email(text: &str) -> Option<(String, Range<usize>)> {
    let at = text.find('@')?;
    let ok = |c: char| c.is_ascii_alphanumeric() || "._-+".contains(c);
    let start = text[..at]
        .rfind(|c: char| !ok(c))
        .map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8));
    let end = text[at + 1..].find(|c: char| !ok(c)).map_or(text.len(), |p| at + 1 + p);
    let mail = text[start..end].trim_end_matches('.');
    (start < at && mail.len() > at - start + 3).then(|| (mail.to_owned(), start..start + mail.len()))
}

/// One contact: 「市社区教育指导中心万翮，17770022118」 or 「万翮（市社区教育指导中心）17770022118」.
fn contact(part: &str) -> Option<Contact> {
    let digits_at = part.find(|c: char| c.is_ascii_digit())?;
    let phone: String = part[digits_at..].chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
    let who = part[..digits_at].trim_end_matches(['，', ',', '：', ':', ' ', '电', '话']);
    let who = who.trim_end_matches(['，', ',']);
    let suffixes = ["中心", "科", "处", "局", "室", "办", "部", "院", "校", "会", "所", "站"];
    let cut = suffixes
        .iter()
        .filter_map(|s| who.rfind(s).map(|p| p + s.len()))
        .filter(|p| who[*p..].chars().count() >= 2 && who[*p..].chars().count() <= 4)
        .max();
    let (org, name) = match cut {
        Some(c) => (Some(who[..c].to_owned()), &who[c..]),
        None => (None, who),
    };
    let name = name.trim_end_matches("同志");
    (!name.is_empty() && name.chars().count() <= 6 && !phone.is_empty()).then(|| Contact {
        name: Some(name.to_owned()),
        organisation: org,
        phone: Some(phone),
        ..Default::default()
    })
}

fn attachment(r: &mut Reader<'_>, frame: &Frame) {
    let Some(t) = frame.attachment_title.clone() else {
        r.missing("/attachment", "附件（总结表）", "the attachment (the summary form)");
        return;
    };
    let mut a = Attachment { title: Some(r.at(&t).to_owned()), ..Default::default() };
    r.source("/attachment/title", &t);
    let mut labels = Vec::new();
    for row in &frame.attachment_rows {
        let cells: Vec<&str> = r.at(row).split('\t').map(str::trim).filter(|c| !c.is_empty()).collect();
        if let Some(label) = cells.last() {
            let label = label.trim_end_matches(['：', ':']);
            if !label.is_empty() && structure::heading_number(label).is_none() {
                labels.push(label.to_owned());
            }
        }
    }
    if !labels.is_empty() {
        a.row_labels = Some(labels);
    }
    r.notice.attachment = Some(a);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_where_the_text_lists() {
        let s = "学校图书馆、科技馆和体育场馆";
        let got: Vec<&str> = items(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(got, ["学校图书馆", "科技馆", "体育场馆"]);
        let s = "“百姓学习之星”和“终身学习品牌”";
        let got: Vec<&str> = items(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(got, ["百姓学习之星", "终身学习品牌"]);
    }

    #[test]
    fn contacts_and_mail() {
        let c = contact("市社区教育指导中心万翮，17770022118").unwrap();
        assert_eq!(
            (c.organisation.as_deref(), c.name.as_deref(), c.phone.as_deref()),
            (Some("市社区教育指导中心"), Some("万翮"), Some("17770022118"))
        );
        let c = contact("市教育局职成科段作海，0791-83989457").unwrap();
        assert_eq!((c.organisation.as_deref(), c.name.as_deref()), (Some("市教育局职成科"), Some("段作海")));
        assert_eq!(email("邮箱：14582472@qq.com。").unwrap().0, "14582472@qq.com");
    }
}
