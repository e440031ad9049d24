//! A spreadsheet as the import sees it once its bytes are decoded: a header row and the
//! rows under it, every cell as text.

use serde::{Deserialize, Serialize};

/// One row under the header, with the line number a user sees in their spreadsheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRow {
    /// 1-based; the header is line 1.
    pub line: usize,
    pub cells: Vec<String>,
}

impl TableRow {
    /// The cell under column `index`, or "" when the row is shorter than the header.
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map(String::as_str).unwrap_or("")
    }

    /// A row whose cells are all blank carries nothing; spreadsheets are full of them.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A decoded sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
    /// How the bytes were read, kept so a later page can name it; unknown for a table
    /// that was never a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<SheetFormat>,
}

/// How a file was read: a workbook, or CSV text in one encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SheetFormat {
    Xlsx,
    CsvUtf8,
    CsvUtf16,
    CsvWindows1255,
    CsvWindows1256,
    CsvWindows1251,
    CsvWindows1252,
}

/// How the user asks a CSV file to be read: detected from its bytes (the default), or in
/// one named encoding when the detected one made the letters come out wrong.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextEncoding {
    #[default]
    Detect,
    Utf8,
    Windows1255,
    Windows1256,
    Windows1251,
    Windows1252,
}

impl TextEncoding {
    /// Every choice, in the order a form offers them.
    pub const ALL: [TextEncoding; 6] = [
        TextEncoding::Detect,
        TextEncoding::Utf8,
        TextEncoding::Windows1255,
        TextEncoding::Windows1256,
        TextEncoding::Windows1251,
        TextEncoding::Windows1252,
    ];

    /// The word a form or the API sends.
    pub fn code(self) -> &'static str {
        match self {
            TextEncoding::Detect => "detect",
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Windows1255 => "windows-1255",
            TextEncoding::Windows1256 => "windows-1256",
            TextEncoding::Windows1251 => "windows-1251",
            TextEncoding::Windows1252 => "windows-1252",
        }
    }

    /// Reads a form's or the API's word; blank means "detect". `None` for a word that
    /// names no encoding offered.
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim();
        if code.is_empty() {
            return Some(TextEncoding::Detect);
        }
        Self::ALL
            .into_iter()
            .find(|e| e.code().eq_ignore_ascii_case(code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_encoding_is_read_back_from_its_own_word_and_blank_means_detect() {
        for encoding in TextEncoding::ALL {
            assert_eq!(TextEncoding::parse(encoding.code()), Some(encoding));
        }
        assert_eq!(TextEncoding::parse(" "), Some(TextEncoding::Detect));
        assert_eq!(
            TextEncoding::parse("WINDOWS-1255"),
            Some(TextEncoding::Windows1255)
        );
        assert_eq!(TextEncoding::parse("latin-9"), None);
    }
}
