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
}
