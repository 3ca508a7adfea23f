//! `learning-week parse`: runs one text parser and prints its value as JSON.

use clap::ValueEnum;
use learning_week::api::{self, ParseRequest, TextParser};
use learning_week::CountKind;
use std::process::ExitCode;

/// Which kind of count to pick first (参加活动人数: people, falling back to person-times).
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum KindArg {
    People,
    #[value(name = "person_times", alias = "person-times")]
    PersonTimes,
}

/// Prints the parsed value (exit 0), or the refusal as a diagnostic on stdout and its message
/// on stderr (exit 1).
/// `row` is the form's row a `cell` was written in.
pub(crate) fn run(
    parser: TextParser,
    year: Option<i32>,
    kind: Option<KindArg>,
    row: Option<learning_week::text::CellRow>,
    text: String,
) -> ExitCode {
    let of_kind = kind.map(|k| match k {
        KindArg::People => CountKind::People,
        KindArg::PersonTimes => CountKind::PersonTimes,
    });
    let answer =
        api::parse_text(&ParseRequest { parser, text, year, of_kind, row, offsets: Default::default() });
    match (answer.value, answer.error) {
        (Some(value), _) if answer.ok => {
            println!("{}", api::to_json_string(&value));
            ExitCode::SUCCESS
        }
        (_, error) => {
            match &error {
                Some(d) => {
                    println!("{}", api::to_json_string(d));
                    eprintln!("{}", d.message);
                }
                None => eprintln!("无法解析 / could not be read"),
            }
            ExitCode::from(1)
        }
    }
}
