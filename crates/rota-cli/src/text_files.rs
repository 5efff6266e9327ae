//! `rota text --out DIR`: the files the site fetches on demand: the text files (see
//! `rota::text_files`) and, for an organisation, each team's data, the directory and the
//! on-call table (see `rota::org_files`).

use std::path::Path;

use rota::text_files::TextFile;
use rota::SiteData;

/// Writes every text file of `data` (of every team of an organisation, as its site fetches
/// them) below `out`, and for an organisation its data files (placed by the build instant,
/// `SOURCE_DATE_EPOCH`), and says how many and how big.
pub fn write(data: &SiteData, out: &Path) -> Result<(), String> {
    let files = rota::text_files::text_files_of(data.teams().into_iter().map(|(_, team)| team));
    let (count, bytes) = write_all(out, files.pipelines.iter().map(|(_, file)| file).chain([&files.search]))?;
    println!("wrote {count} text files ({bytes} bytes) to {}", out.join("text").display());
    if let SiteData::Org(org) = data {
        let files = rota::org_files::org_files(org, rota::build_time::from_env()?);
        let (teams, team_bytes) = write_all(out, &files.teams)?;
        let (_, directory_bytes) = write_all(out, [&files.directory])?;
        let (_, table_bytes) = write_all(out, [&files.on_call])?;
        println!(
            "wrote {teams} team files ({team_bytes} bytes), 1 directory ({directory_bytes} bytes) and 1 on-call table ({table_bytes} bytes) to {}",
            out.join("data").display()
        );
    }
    Ok(())
}

/// Writes `files` below `out`: how many, and how many bytes.
fn write_all<'a>(out: &Path, files: impl IntoIterator<Item = &'a TextFile>) -> Result<(usize, usize), String> {
    let (mut count, mut bytes) = (0, 0);
    for file in files {
        let path = out.join(&file.name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(&path, &file.body).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        count += 1;
        bytes += file.body.len();
    }
    Ok((count, bytes))
}
