//! Reads a notice's text and prints what was read: `cargo run --example read_notice FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: read_notice FILE.txt");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let r = learning_week::Notice::from_text(&text, &Default::default());
    println!("{}", serde_json::to_string_pretty(&r.notice).unwrap_or_default());
    for d in &r.diagnostics {
        println!("{} {} {}", d.code, d.path, d.message);
    }
}
