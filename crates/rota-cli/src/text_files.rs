//! `rota text --out DIR`: the text files the site fetches on demand (see `rota::text_files`).

use std::path::Path;

use rota::SiteData;

/// Writes every text file of `data` (of every team of an organisation, as its site fetches
/// them) below `out` and says how many and how big.
pub fn write(data: &SiteData, out: &Path) -> Result<(), String> {
    let files = rota::text_files::text_files_of(data.teams().into_iter().map(|(_, team)| team));
    let all = files.pipelines.iter().map(|(_, file)| file).chain([&files.search]);
    let (mut count, mut bytes) = (0, 0);
    for file in all {
        let path = out.join(&file.name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(&path, &file.body).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        count += 1;
        bytes += file.body.len();
    }
    println!("wrote {count} text files ({bytes} bytes) to {}", out.join("text").display());
    Ok(())
}
