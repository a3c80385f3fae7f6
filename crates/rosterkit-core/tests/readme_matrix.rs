//! The README's coverage matrix lists every endpoint id with vendor, method and path.

#[test]
fn readme_matrix_lists_every_endpoint() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("README.md at the repository root");
    for id in rosterkit_core::Operation::IDS {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{id}` |")))
            .unwrap_or_else(|| panic!("README coverage matrix has no row for {id}"));
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        assert!(
            ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&cells[3]),
            "{row}"
        );
        assert!(cells[4].starts_with("`/"), "{row}");
    }
}
