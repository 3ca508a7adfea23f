//! Prints the diagnostics of one JSON file (a quick look while developing; the CLI is the real tool).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let a = learning_week::api::validate_json(None, &text, &Default::default());
    for d in &a.diagnostics {
        println!("{:8} {:40} {:45} {}", d.severity.as_str(), d.code, d.path, d.message);
    }
}
