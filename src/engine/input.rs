//! Checks on text that arrives from a file: a size limit, and signs of a binary or mis-encoded file.
//!
//! The browser reads a file as UTF-8 and replaces bytes that are not UTF-8 with U+FFFD; what
//! that says about the file, and what the reader is told, is decided here.

/// Files larger than this are not opened: even long articles are far smaller (a 100,000-word
/// text is about 600 KB), and a bigger file is most likely not an article.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

/// What to do with a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileVerdict {
    /// Use the text as it is.
    Ok,
    /// Use the text, and tell the reader this.
    Warn(String),
    /// Do not use the text; tell the reader this. The input keeps what it had.
    Refuse(String),
}

/// Judges a file before its text replaces an input: `n_bytes` is the file's size, `text` what
/// the browser decoded (only looked at when the size is acceptable).
///
/// ```
/// use redline::engine::input::{check_file, FileVerdict};
///
/// assert_eq!(check_file("story.txt", 12, "Hello world."), FileVerdict::Ok);
/// assert!(matches!(check_file("photo.jpg", 900, "\u{0}\u{fffd}JFIF"), FileVerdict::Refuse(_)));
/// ```
pub fn check_file(name: &str, n_bytes: u64, text: &str) -> FileVerdict {
    if n_bytes > MAX_FILE_BYTES {
        return FileVerdict::Refuse(format!(
            "“{name}” is {:.1} MB; Redline opens text files up to {} MB. Your text was not changed.",
            n_bytes as f64 / (1024.0 * 1024.0),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    // Text files hold no NUL bytes; images, PDFs and word-processor files do.
    if text.contains('\u{0}') {
        return FileVerdict::Refuse(format!(
            "“{name}” does not look like a text file (it holds binary data). Save it as plain text (.txt), Markdown (.md) or a web page (.html) first. Your text was not changed."
        ));
    }
    if n_bytes > 0 && text.is_empty() {
        return FileVerdict::Refuse(format!(
            "“{name}” could not be read as text. Your text was not changed."
        ));
    }
    let n_replaced = text.chars().filter(|&c| c == '\u{fffd}').count();
    if n_replaced > 0 {
        return FileVerdict::Warn(format!(
            "“{name}” is not UTF-8: {n_replaced} characters could not be read and show as �. If the file is Latin-1 or Windows-1252, save it as UTF-8 and open it again."
        ));
    }
    if n_bytes == 0 {
        return FileVerdict::Warn(format!("“{name}” is empty."));
    }
    FileVerdict::Ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        assert!(matches!(
            check_file("big.txt", MAX_FILE_BYTES + 1, ""),
            FileVerdict::Refuse(message) if message.contains("up to 5 MB")
        ));
        assert!(matches!(
            check_file("latin1.txt", 10, "caf\u{fffd} cr\u{fffd}me"),
            FileVerdict::Warn(message) if message.contains("2 characters")
        ));
        assert!(matches!(
            check_file("empty.txt", 0, ""),
            FileVerdict::Warn(_)
        ));
        assert_eq!(
            check_file("ok.md", MAX_FILE_BYTES, "# Title"),
            FileVerdict::Ok
        );
    }
}
