//! Validates `data/` (or `$ROTA_DATA_DIR`) and embeds it as Rust constructors (see `rota::codegen`),
//! with the build instant (see `rota::build_time`). Its prose is left to text files fetched on
//! demand (`rota::text_files`), which `rota text` writes next to the site.
///
/// An organisation's data also sets `cfg(rota_org)`: a single team's site then compiles without
/// the organisation's pages, so its first load does not pay for them. Likewise `cfg(rota_layers)`
/// when a team runs layers beside its rotation.
fn main() {
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let data_dir = rota::codegen::data_dir(std::path::Path::new("data"));
    println!("cargo::rustc-check-cfg=cfg(rota_org)");
    if rota::load::is_org_dir(&data_dir) {
        println!("cargo::rustc-cfg=rota_org");
    }
    println!("cargo::rustc-check-cfg=cfg(rota_layers)");
    if rota::codegen::uses_layers(&data_dir) {
        println!("cargo::rustc-cfg=rota_layers");
    }
    rota::codegen::embed_data_dir(&data_dir, &out_dir.join("team_data.rs"), rota::codegen::Prose::Fetched);
    rota::build_time::embed_build_time(&out_dir.join("built_at.rs"));
}
