//! Unit tests of the exporters: the containers are well-formed, hostile text is escaped, the
//! form's cells read back through the label import as the values they came from.

use super::*;
use crate::aggregate::{aggregate, AggregateInput, AggregateOptions};
use crate::{Notice, SummaryTable};
use std::io::Read;

fn examples() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/nanchang-2021/submissions");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// The 总结表 of an example (a submission or a bare table), as read by the validation engine
/// (a layer below `api`, which these tests do not reach up to).
fn table_of(text: &str) -> SummaryTable<'static> {
    use crate::validate::{validate_value, Document};
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    match validate_value(None, &v, &crate::Notice::nanchang_2021(), None).value.unwrap() {
        Document::Submission(s) => s.summary.unwrap().into_owned(),
        Document::Summary(t) => t.into_owned(),
        other => panic!("not a 总结表: {:?}", other.kind()),
    }
}

/// Every part of a zip, by name.
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().unwrap().into_owned(), s)
        })
        .collect()
}

fn assert_well_formed(name: &str, xml: &str) {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut depth = 0i32;
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name}: not well-formed at {}: {e}", r.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "{name}: unbalanced");
}

const HOSTILE: &str = "<script>alert(\"x\")</script> & ' \u{1}\u{b}\u{fffe} ]]> \t tab";

fn hostile_table() -> SummaryTable<'static> {
    let mut t: SummaryTable = serde_json::from_value(serde_json::json!({
        "year": 2021, "host_unit": HOSTILE,
        "organizers": [{"name": HOSTILE, "role": "host"}, {"name": " "}],
        "leadership": {"issuing_departments": [HOSTILE, ""], "attending_leaders": [{"title": "区长", "name": HOSTILE}, {}]},
        "participation": {"participants": {"value": 35000, "qualifier": "approx", "unit": "人次", "source": "35000人次"},
            "featured_activities": [{"name": HOSTILE, "topics": ["双减", " "]}]},
        "theme_and_content": {"content": "第一段\r\n\r\n第二段\n第三段"},
        "other": HOSTILE
    }))
    .unwrap();
    t.reach = None;
    t
}

#[test]
fn docx_parts_are_well_formed_xml_for_every_example_and_a_hostile_table() {
    let notice = Notice::nanchang_2021();
    let mut tables: Vec<SummaryTable> = examples().iter().map(|(_, t)| table_of(t)).collect();
    tables.push(hostile_table());
    tables.push(SummaryTable::default());
    for t in &tables {
        let bytes = summary_docx(t, &notice).unwrap();
        let parts = parts(&bytes);
        let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"[Content_Types].xml") && names.contains(&"word/document.xml"), "{names:?}");
        for (name, xml) in &parts {
            assert_well_formed(name, xml);
        }
    }
}

#[test]
fn docx_has_title_merged_groups_and_closing_line() {
    let (_, text) = examples().into_iter().find(|(n, _)| n == "qingyunpu.submission.json").unwrap();
    let t = table_of(&text);
    let xml = docx::document_xml(&t, &Notice::nanchang_2021());
    assert!(xml.contains("<w:t>2021年南昌市全民终身学习活动周总结表</w:t>"));
    assert!(xml.contains(CLOSING_LINE));
    // Five groups: one restart each, and 3 + 3 + 3 + 2 + 2 continuation cells.
    assert_eq!(xml.matches("<w:vMerge w:val=\"restart\"/>").count(), 5);
    assert_eq!(xml.matches("<w:vMerge/>").count(), 13);
    // The three rows that span the group column.
    assert_eq!(xml.matches("<w:gridSpan w:val=\"2\"/>").count(), 3);
    assert!(xml.contains("约3.5万人次"), "the count as written");
    // A4 portrait.
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
}

#[test]
fn hostile_text_is_escaped_and_controls_replaced() {
    let xml = docx::document_xml(&hostile_table(), &Notice::nanchang_2021());
    assert!(!xml.contains("<script>"));
    assert!(xml.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;"));
    assert!(!xml.contains('\u{1}') && !xml.contains('\u{b}') && !xml.contains('\u{fffe}'));
    assert!(xml.contains("<w:tab/>"));
    // The approximate count whose source lost its 约 is printed from value and qualifier.
    assert!(xml.contains("约35000人次") && !xml.contains(">35000人次"));
}

#[test]
fn form_cells_read_back_through_the_label_import() {
    for (name, text) in examples() {
        let t = table_of(&text);
        let cells: Vec<(String, String)> =
            form_rows(&t).into_iter().map(|r| (r.label.to_owned(), r.paragraphs.join("\n"))).collect();
        let back = SummaryTable::from_labeled_text(cells, t.year).summary;
        let p = |s: &SummaryTable<'static>| s.participation.clone().unwrap_or_default();
        let (a, b) = (p(&t), p(&back));
        let vq = |c: &Option<crate::Count>| c.as_ref().map(|c| (c.value, c.qualifier));
        assert_eq!(vq(&a.participants), vq(&b.participants), "{name}: participants");
        assert_eq!(vq(&a.units_total), vq(&b.units_total), "{name}: units_total");
        assert_eq!(vq(&a.units_participating), vq(&b.units_participating), "{name}: units_participating");
        assert_eq!(vq(&a.main_venues), vq(&b.main_venues), "{name}: main_venues");
        assert_eq!(vq(&a.sub_venues), vq(&b.sub_venues), "{name}: sub_venues");
        assert_eq!(t.host_unit, back.host_unit, "{name}");
        let period = |s: &SummaryTable| {
            s.theme_and_content.as_ref().and_then(|x| x.period.as_ref()).and_then(|p| p.bounds())
        };
        assert_eq!(period(&t), period(&back), "{name}: period");
        let sat = |s: &SummaryTable| {
            s.reach.as_ref().and_then(|r| r.satisfaction.clone()).map(|x| satisfaction_text(&x))
        };
        assert_eq!(sat(&t), sat(&back), "{name}: satisfaction");
        // Each featured activity comes back whole: its name, its description (commas and all)
        // and its topics, not cut at the description's commas into activities of their own.
        let featured = |s: &SummaryTable<'static>| {
            s.participation.as_ref().and_then(|p| p.featured_activities.clone()).unwrap_or_default()
        };
        assert_eq!(featured(&t), featured(&back), "{name}: featured activities");
        // Organisers keep their roles (「…局（主办）」); a leader's concurrent posts stay one leader
        // (「管理局党工委委员、副局长」).
        assert_eq!(t.organizers, back.organizers, "{name}: organisers");
        let leaders =
            |s: &SummaryTable<'static>| s.leadership.as_ref().and_then(|l| l.attending_leaders.clone());
        assert_eq!(leaders(&t), leaders(&back), "{name}: attending leaders");
        // What was read back is exported and read back the same: the form is a fixed point (the
        // sources the first import wrote, a shared cell's among them, are written as they read).
        let again: Vec<(String, String)> =
            form_rows(&back).into_iter().map(|r| (r.label.to_owned(), r.paragraphs.join("\n"))).collect();
        assert_eq!(SummaryTable::from_labeled_text(again, t.year).summary, back, "{name}: second round trip");
    }
}

/// A cell that gave two counts (全区10个街道，10个参与) is their shared source: exported as that
/// text once, not once inside each label, while it still says both figures.
#[test]
fn a_shared_source_is_written_once_while_it_says_both_figures() {
    let read = |cell: &str| {
        SummaryTable::from_labeled_text(
            [("全市区数及参与活动的数量".to_owned(), cell.to_owned())],
            Some(2021),
        )
        .summary
    };
    let t = read("全区10个街道，10个参与");
    let units = |t: &SummaryTable<'static>| {
        form_rows(t)
            .into_iter()
            .find(|r| r.label == "全市区数及参与活动的数量")
            .map(|r| r.paragraphs)
            .unwrap_or_default()
    };
    assert_eq!(units(&t), ["全区10个街道，10个参与"]);
    // Edited after the import: the shared text no longer says the figures, so they are written.
    let mut edited = t.clone();
    if let Some(p) = edited.participation.as_mut() {
        p.units_participating.as_mut().expect("read").value = 9;
    }
    assert_eq!(units(&edited), ["全市区数：共10个；参与活动的数量：9个"]);
}

fn example_rollup() -> crate::aggregate::CityRollup {
    let inputs: Vec<AggregateInput> =
        examples().into_iter().map(|(n, t)| AggregateInput::text(Some(&n), t)).collect();
    aggregate(&Notice::nanchang_2021(), &inputs, &AggregateOptions::default())
}

#[test]
fn html_is_self_contained_with_three_charts() {
    let r = example_rollup();
    let html = rollup_html(&r);
    for id in ["participants-chart", "completeness-chart", "coverage-chart", "units-table", "fix-table"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    let with_figure = r.units.iter().filter(|u| u.participants.is_some()).count();
    assert_eq!(html.matches("<rect class=\"bar\"").count(), with_figure);
    assert_eq!(html.matches("data-qualifier=\"approx\"").count(), 1); // 青云谱区 约3.5万人次
    for forbidden in ["<script", "http://", "https://", "src=", "@import", "url(http"] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    assert!(html.contains("default-src 'none'"));
}

#[test]
fn html_escapes_hostile_unit_names_and_file_names() {
    let mut notice = Notice::nanchang_2021();
    let j = notice.jurisdiction.as_mut().unwrap();
    let units = j.units.as_mut().unwrap();
    units[0].name = Some("<script>alert(1)</script>区".into());
    let sub = serde_json::json!({"submitted_at": "2021-12-01T10:00:00+08:00",
        "summary": {"year": 2021, "host_unit": "<script>alert(1)</script>区", "participation": {"participants": 5}}});
    let inputs = [
        AggregateInput::json(Some("<img src=x onerror=alert(2)>.json"), sub),
        AggregateInput::text(Some("\"><svg onload=alert(3)>.json"), "{"),
    ];
    let r = aggregate(&notice, &inputs, &AggregateOptions::default());
    let html = rollup_html(&r);
    assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<svg onload"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;区"));
    assert!(html.contains("&quot;&gt;&lt;svg onload=alert(3)&gt;.json"));
}

#[test]
fn xlsx_has_the_five_sheets_and_well_formed_parts() {
    let r = example_rollup();
    let bytes = rollup_xlsx(&r).unwrap();
    let parts = parts(&bytes);
    for (name, xml) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            assert_well_formed(name, xml);
        }
    }
    let workbook = &parts.iter().find(|(n, _)| n == "xl/workbook.xml").unwrap().1;
    for s in xlsx::SHEETS {
        assert!(workbook.contains(&format!("name=\"{s}\"")), "{s}");
    }
    // Same roll-up, same bytes.
    assert_eq!(bytes, rollup_xlsx(&r).unwrap());
}

#[test]
fn xlsx_takes_hostile_and_overlong_text() {
    let mut notice = Notice::nanchang_2021();
    let units = notice.jurisdiction.as_mut().unwrap().units.as_mut().unwrap();
    units[0].name = Some(format!("={HOSTILE}{}", "长".repeat(40_000)));
    let r = aggregate(&notice, &[], &AggregateOptions::default());
    let bytes = rollup_xlsx(&r).unwrap();
    for (name, xml) in parts(&bytes) {
        if name.ends_with(".xml") {
            assert_well_formed(&name, &xml);
        }
    }
}

#[test]
fn long_names_are_cut_on_charts_and_whole_in_tables() {
    assert_eq!(html::fit("东湖区", 24), "东湖区");
    assert_eq!(html::fit("南昌小蓝经济技术开发区", 22), "南昌小蓝经济技术开发区");
    let long = "南昌小蓝经济技术开发区南昌小蓝经济技术开发区";
    let cut = html::fit(long, 24);
    assert!(cut.ends_with('…') && cut.chars().count() <= 12, "{cut}");
    assert_eq!(html::fit(&"x".repeat(30), 10), format!("{}…", "x".repeat(8)));
}

/// The city's cells as every output prints them: the roll-up's JSON (its `city_summary` read back
/// and laid out as the form), the .docx of that table, the workbook, the HTML report and the
/// text report all carry the same text for each figure, and none a doubled unit word.
#[test]
fn the_city_cells_say_the_same_in_json_docx_xlsx_html_and_text() {
    let sub = |unit: &str,
               participants: serde_json::Value,
               venues: &str,
               reports: &str,
               sat: serde_json::Value| {
        AggregateInput::json(
            Some(unit),
            serde_json::json!({"submitted_at": "2021-12-01T09:00:00+08:00", "summary": {"year": 2021,
                "host_unit": unit, "participation": {"participants": participants, "main_venues": 1, "sub_venues": venues},
                "publicity": {"text_reports": reports, "image_reports": "200张"}, "reach": {"satisfaction": sat}}}),
        )
    };
    let inputs = [
        sub(
            "东湖区",
            serde_json::json!({"value": 12600, "unit": "人"}),
            "100余个",
            "300余篇",
            serde_json::json!({"value": 98, "qualifier": "at_least"}),
        ),
        sub(
            "西湖区",
            serde_json::json!({"value": 237800, "qualifier": "approx", "unit": "人次"}),
            "39个",
            "60篇",
            serde_json::json!(97),
        ),
        sub("南昌县", serde_json::json!(9000), "9", "5篇", serde_json::json!(99)),
    ];
    let r = aggregate(&Notice::nanchang_2021(), &inputs, &AggregateOptions::default());
    let cells = [
        "12600人；约237800人次；另9000（未注明单位）",
        "148余个",
        "365余篇",
        &r.satisfaction.mean_zh().unwrap(),
    ];
    // 人, 人次 and an unstated figure are no common scale: the three units count alike (98, 97, 99).
    assert_eq!(cells[3], "约98%");
    // JSON: the city's table as the roll-up's JSON holds it, laid out as the form.
    let json = serde_json::to_value(&r).unwrap();
    let table: SummaryTable = serde_json::from_value(json["city_summary"].clone()).unwrap();
    let rows: Vec<(String, String)> =
        form_rows(&table).into_iter().map(|x| (x.label.to_owned(), x.paragraphs.join("\n"))).collect();
    let row = |label: &str| rows.iter().find(|(l, _)| l == label).map(|(_, v)| v.clone()).unwrap_or_default();
    assert_eq!(row("参加活动人数"), cells[0]);
    assert_eq!(row("主会场及分会场数量"), format!("主会场数量：3；分会场数量：{}", cells[1]));
    assert_eq!(row("文字报道"), cells[2]);
    assert_eq!(row("群众满意度"), cells[3]);
    let docx = docx::document_xml(&table, &Notice::nanchang_2021());
    let xlsx: String = parts(&rollup_xlsx(&r).unwrap()).into_iter().map(|(_, x)| x).collect();
    let html = rollup_html(&r);
    let text = r.to_text(crate::Lang::Zh);
    for (name, out) in [("docx", &docx), ("xlsx", &xlsx), ("html", &html), ("text", &text)] {
        for cell in cells {
            assert!(out.contains(cell), "{name} lacks 「{cell}」");
        }
        for doubled in ["个个", "篇篇", "张张", "余个个", "约260000", "249400"] {
            assert!(!out.contains(doubled), "{name} has 「{doubled}」");
        }
    }
}

#[test]
fn the_workbook_names_the_zone_of_its_times() {
    let input = AggregateInput::json(
        Some("东湖区"),
        serde_json::json!({"submitted_at": "2021-12-05T12:00:00Z", "summary": {"year": 2021, "host_unit": "东湖区"}}),
    );
    let r = aggregate(&Notice::nanchang_2021(), &[input], &AggregateOptions::default());
    let xlsx: String = parts(&rollup_xlsx(&r).unwrap()).into_iter().map(|(_, x)| x).collect();
    assert!(xlsx.contains("报送时间（UTC+08:00）") && xlsx.contains("Submitted at (UTC+08:00)"));
    // 12:00 UTC is 20:00 in Nanchang: the cell is local, with its offset.
    assert!(xlsx.contains("2021-12-05 20:00 +08:00"), "the local time");
}

#[test]
fn every_list_of_what_to_fix_gives_each_findings_own_message() {
    // A report missing a row and its materials: the unit is told which row and which material,
    // in the workbook, the HTML report and the text, never only the rule's general text.
    let doc = r#"{"submitted_at": "2021-12-03T10:00:00+08:00",
        "materials": [{"kind": "summary_table", "file_name": "东湖区总结表.docx", "format": "docx"}],
        "summary": {"host_unit": "东湖区", "year": 2021}}"#;
    let r = aggregate(
        &Notice::nanchang_2021(),
        &[AggregateInput::text(Some("东湖区.json"), doc)],
        &AggregateOptions::default(),
    );
    let findings = &r.accounting.included[0].validation.as_ref().unwrap().findings;
    let material = findings.iter().find(|f| f.code == "submission.material_missing").unwrap();
    let row = findings.iter().find(|f| f.code == "row.missing").unwrap();
    assert!(material.message.contains("缺少报送材料："), "{}", material.message);
    assert!(row.message.contains("缺少必填项“"), "{}", row.message);
    let general = crate::catalog::Code::find("row.missing").unwrap().rule().description;
    let html = rollup_html(&r);
    let xlsx = parts(&rollup_xlsx(&r).unwrap()).into_iter().map(|(_, x)| x).collect::<String>();
    let text = r.to_text(crate::Lang::Zh);
    for (door, out) in [("html", &html), ("xlsx", &xlsx), ("text", &text)] {
        for f in findings {
            assert!(out.contains(&f.message), "{door} lacks {}", f.message);
        }
        assert!(!out.contains(general), "{door} shows the rule's general text");
    }
}

/// The city's own 总结表, exported as a Word form, reads back as it was written: its featured
/// activities, named 「东湖区：…」, keep their names, descriptions and topics.
#[test]
fn the_city_form_reads_back_through_the_label_import() {
    let city = example_rollup().city_summary;
    let cells = |t: &SummaryTable<'static>| -> Vec<(String, String)> {
        form_rows(t).into_iter().map(|r| (r.label.to_owned(), r.paragraphs.join("\n"))).collect()
    };
    let back = SummaryTable::from_labeled_text(cells(&city), city.year).summary;
    let featured =
        |s: &SummaryTable<'static>| s.participation.as_ref().and_then(|p| p.featured_activities.clone());
    let written = featured(&city).unwrap_or_default();
    assert!(
        written.len() > 10 && written.iter().all(|f| f.name.as_deref().is_some_and(|n| n.contains('：')))
    );
    assert_eq!(featured(&back), featured(&city));
    assert_eq!(back.organizers, city.organizers);
    let again = SummaryTable::from_labeled_text(cells(&back), city.year).summary;
    assert_eq!(again, back, "second round trip");
    // A name with a colon and nothing else is one activity, too.
    let one = SummaryTable::from_labeled_text(
        [("有特色的活动".to_owned(), "「东湖区：读书会」".to_owned())],
        Some(2021),
    )
    .summary;
    let names: Vec<String> = featured(&one)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| f.name.map(|n| n.into_owned()))
        .collect();
    assert_eq!(names, ["东湖区：读书会"]);
}
