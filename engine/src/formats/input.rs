//! Checks on text that arrives from a file or a paste: a size limit, and signs of a binary or mis-encoded file.
//!
//! The browser reads a file as UTF-8 and replaces bytes that are not UTF-8 with U+FFFD; what
//! that says about the file, and what the reader is told, is decided here.

/// Files larger than this are not opened: even long articles are far smaller (a 100,000-word
/// text is about 600 KB), and a bigger file is most likely not an article.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

/// The most text one input holds, in bytes: a file or a paste that would make an input longer
/// is refused, and the input keeps what it had (a share link has its own cap,
/// [`MAX_PAYLOAD_BYTES`](crate::formats::share::MAX_PAYLOAD_BYTES)).
pub const MAX_TEXT_BYTES: usize = MAX_FILE_BYTES as usize;

/// A size in MiB with one decimal, as the messages show it ("10.0"), rounded to the nearest
/// tenth. Integer arithmetic: formatting a float with a precision costs the wasm about 5 KB.
///
/// ```
/// use redline_engine::formats::input::megabytes;
///
/// assert_eq!(megabytes(5 * 1024 * 1024), "5.0");
/// assert_eq!(megabytes(10_485_760 + 52_429), "10.1");
/// assert_eq!(megabytes(0), "0.0");
/// ```
pub fn megabytes(n_bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    let tenths = (n_bytes * 10 + MIB / 2) / MIB;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Judges a paste of `n_pasted` bytes into an input that holds `n_kept` bytes besides the
/// selection it replaces: `None` when it fits, else the message that refuses it.
///
/// ```
/// use redline_engine::formats::input::{check_paste, MAX_TEXT_BYTES};
///
/// assert_eq!(check_paste(1_000, 20_000), None);
/// assert!(check_paste(0, MAX_TEXT_BYTES + 1).unwrap().starts_with("The pasted text is 5.0 MB"));
/// ```
pub fn check_paste(n_kept: usize, n_pasted: usize) -> Option<String> {
    (n_kept + n_pasted > MAX_TEXT_BYTES).then(|| {
        format!(
            "The pasted text is {} MB; each box holds up to {} MB (a 100,000-word article is about 0.6 MB). Nothing was pasted; your text is as it was.",
            megabytes(n_pasted as u64),
            MAX_TEXT_BYTES / (1024 * 1024)
        )
    })
}

/// Texts with more lines than this are compared but not put in a text box: Chromium takes
/// about 18 µs per line to lay a text box out (a million lines: some 18 s of frozen page, on
/// the 2-core machine the tests run on).
pub const MAX_EDITABLE_LINES: usize = 50_000;

/// Whether `text` has too many lines to be shown in a text box ([`MAX_EDITABLE_LINES`]).
///
/// ```
/// use redline_engine::formats::input::too_long_to_edit;
///
/// assert!(!too_long_to_edit("a\nb"));
/// assert!(too_long_to_edit(&"line\n".repeat(60_000)));
/// ```
pub fn too_long_to_edit(text: &str) -> bool {
    n_lines(text) > MAX_EDITABLE_LINES
}

/// The lines of `text`: its line breaks, plus one when it does not end with one.
///
/// ```
/// use redline_engine::formats::input::n_lines;
///
/// assert_eq!((n_lines(""), n_lines("a"), n_lines("a\n"), n_lines("a\nb")), (0, 1, 1, 2));
/// ```
pub fn n_lines(text: &str) -> usize {
    let n_breaks = text.bytes().filter(|&byte| byte == b'\n').count();
    n_breaks + usize::from(!text.is_empty() && !text.ends_with('\n'))
}

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
/// use redline_engine::formats::input::{check_file, FileVerdict};
///
/// assert_eq!(check_file("story.txt", 12, "Hello world."), FileVerdict::Ok);
/// assert!(matches!(check_file("photo.jpg", 900, "\u{0}\u{fffd}JFIF"), FileVerdict::Refuse(_)));
/// ```
pub fn check_file(name: &str, n_bytes: u64, text: &str) -> FileVerdict {
    if n_bytes > MAX_FILE_BYTES {
        return FileVerdict::Refuse(format!(
            "“{name}” is {} MB; Redline opens text files up to {} MB. Your text was not changed.",
            megabytes(n_bytes),
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
