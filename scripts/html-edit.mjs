// The one way scripts/post-build.mjs edits a file it did not write (trunk's index.html, the
// service worker template): a marker that is missing, or there more than once, stops the build
// with a message, instead of leaving the file silently unedited.

/**
 * `text` (the contents of `file`) with its one `marker` replaced by `replacement`; `what` says
 * what the edit puts there, for the message.
 */
export function edit(text, file, what, marker, replacement) {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`${file} has no ${JSON.stringify(marker)} to put ${what} at; was it changed?`);
  if (text.indexOf(marker, at + marker.length) >= 0) {
    throw new Error(`${file} has ${JSON.stringify(marker)} more than once, so where ${what} goes is unclear`);
  }
  return text.slice(0, at) + replacement + text.slice(at + marker.length);
}
