//! Embeds the workspace's `data/` folder (or `$ROTA_DATA_DIR`), validated, exactly as the site does,
//! with the build instant; tells `rota check` which folder that was.
use std::path::{Path, PathBuf};

fn main() {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    // By its absolute path: messages then name the workspace's data folder, not `../../data`
    // (build scripts run in this crate's folder).
    let workspace =
        Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2).expect("crates/rota-cli is in a workspace");
    let data_dir = rota::codegen::data_dir(&workspace.join("data"));
    rota::codegen::embed_data_dir(&data_dir, &out_dir.join("team_data.rs"), rota::codegen::Prose::Embedded);
    rota::build_time::embed_build_time(&out_dir.join("built_at.rs"));
    println!("cargo:rustc-env=ROTA_EMBEDDED_DATA_DIR={}", data_dir.display());
}
