//! Embeds the workspace's `data/` folder (or `$ROTA_DATA_DIR`), validated, exactly as the site does.
fn main() {
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("team_data.rs");
    rota::codegen::embed_data_dir(&rota::codegen::data_dir(std::path::Path::new("../../data")), &out);
}
