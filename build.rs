//! Validates `data/` (or `$ROTA_DATA_DIR`) and embeds it as Rust constructors (see `rota::codegen`).
fn main() {
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("team_data.rs");
    rota::codegen::embed_data_dir(&rota::codegen::data_dir(std::path::Path::new("data")), &out);
}
