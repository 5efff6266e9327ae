//! Validates `data/` (or `$ROTA_DATA_DIR`) and embeds it as Rust constructors (see `rota::codegen`),
//! with the build instant (see `rota::build_time`). Its prose is left to text files fetched on
//! demand (`rota::text_files`), which `rota text` writes next to the site.
fn main() {
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    rota::codegen::embed_data_dir(
        &rota::codegen::data_dir(std::path::Path::new("data")),
        &out_dir.join("team_data.rs"),
        rota::codegen::Prose::Fetched,
    );
    rota::build_time::embed_build_time(&out_dir.join("built_at.rs"));
}
