//! Turning an uploaded file into a [`Table`]: CSV in UTF-8 (with or without a byte-order
//! mark), UTF-16 (what Excel's "Unicode text" writes), or one of the legacy code pages
//! Israeli offices still export — Windows-1255 (Hebrew), Windows-1256 (Arabic), Windows-1251
//! (Russian), Windows-1252 (Western) — told apart by `chardetng`; with comma, semicolon or
//! tab separators; or the first sheet of an XLSX workbook. The encoding and the separator
//! are detected, and the preview names the encoding found.

use std::io::Cursor;

use calamine::{Data, Reader};
use encoding_rs::{
    Encoding, ISO_8859_8, ISO_8859_8_I, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1251, WINDOWS_1252,
    WINDOWS_1255, WINDOWS_1256,
};
use kesher_domain::import::IssueKind;
pub use kesher_domain::sheet::{SheetFormat, TextEncoding};
use kesher_domain::sheet::{Table, TableRow};

/// A decoded file.
#[derive(Clone, Debug)]
pub struct ReadSheet {
    pub format: SheetFormat,
    pub table: Table,
}

/// Reads an uploaded file, detecting a CSV file's encoding.
pub fn read_sheet(bytes: &[u8]) -> Result<ReadSheet, IssueKind> {
    read_sheet_as(bytes, TextEncoding::Detect)
}

/// Reads an uploaded file; a CSV file in the encoding asked for (a workbook has none).
/// The table remembers the format it was read in.
pub fn read_sheet_as(bytes: &[u8], encoding: TextEncoding) -> Result<ReadSheet, IssueKind> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IssueKind::Empty);
    }
    let (mut table, format) = if bytes.starts_with(b"PK\x03\x04") {
        (read_xlsx(bytes)?, SheetFormat::Xlsx)
    } else {
        let (text, format) = decode_text_as(bytes, encoding)?;
        (read_csv(text, format)?, format)
    };
    table.format = Some(format);
    Ok(ReadSheet { format, table })
}

/// A file opened for reading a chunk of rows at a time ([`SheetChunks`]): CSV is decoded
/// to text once and its rows are read as they are asked for; a workbook is unpacked whole
/// (calamine reads it so anyway).
pub enum OpenSheet {
    Csv(String, SheetFormat),
    Xlsx(Table),
}

impl OpenSheet {
    pub fn open(bytes: &[u8], encoding: TextEncoding) -> Result<Self, IssueKind> {
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(IssueKind::Empty);
        }
        if bytes.starts_with(b"PK\x03\x04") {
            return read_xlsx(bytes).map(OpenSheet::Xlsx);
        }
        let (text, format) = decode_text_as(bytes, encoding)?;
        Ok(OpenSheet::Csv(text, format))
    }

    pub fn format(&self) -> SheetFormat {
        match self {
            OpenSheet::Csv(_, format) => *format,
            OpenSheet::Xlsx(_) => SheetFormat::Xlsx,
        }
    }

    /// The rows, `rows_per_chunk` at a time, so a file of millions of cells is never held
    /// as one table of strings.
    pub fn chunks(&mut self, rows_per_chunk: usize) -> Result<SheetChunks<'_>, IssueKind> {
        let rows_per_chunk = rows_per_chunk.max(1);
        match self {
            OpenSheet::Xlsx(table) => Ok(SheetChunks {
                headers: table.headers.clone(),
                rows_per_chunk,
                source: ChunkSource::Rows(std::mem::take(&mut table.rows).into_iter()),
            }),
            OpenSheet::Csv(text, _) => {
                let mut source = ChunkSource::Csv {
                    reader: csv::ReaderBuilder::new()
                        .has_headers(false)
                        .flexible(true)
                        .delimiter(detect_delimiter(text))
                        .from_reader(text.as_bytes()),
                    newlines: text.match_indices('\n').map(|(i, _)| i).collect(),
                    text,
                    record: csv::StringRecord::new(),
                };
                // The header is the first row that is not blank.
                let headers = loop {
                    match source.next_row()? {
                        None => return Err(IssueKind::Empty),
                        Some(row) if row.cells.iter().all(|c| c.trim().is_empty()) => {}
                        Some(row) => break row.cells,
                    }
                };
                Ok(SheetChunks {
                    headers,
                    rows_per_chunk,
                    source,
                })
            }
        }
    }
}

/// The rows of an [`OpenSheet`], a chunk at a time.
pub struct SheetChunks<'t> {
    headers: Vec<String>,
    rows_per_chunk: usize,
    source: ChunkSource<'t>,
}

enum ChunkSource<'t> {
    Csv {
        reader: csv::Reader<&'t [u8]>,
        newlines: Vec<usize>,
        text: &'t str,
        record: csv::StringRecord,
    },
    Rows(std::vec::IntoIter<TableRow>),
}

impl ChunkSource<'_> {
    fn next_row(&mut self) -> Result<Option<TableRow>, IssueKind> {
        match self {
            ChunkSource::Rows(rows) => Ok(rows.next()),
            ChunkSource::Csv {
                reader,
                newlines,
                text,
                record,
            } => {
                // The csv reader only fails on invalid UTF-8, which the decoding rules out.
                if !reader
                    .read_record(record)
                    .map_err(|_| IssueKind::UnknownEncoding)?
                {
                    return Ok(None);
                }
                // The reader's own line count drifts after blank lines, so a record's line
                // is worked out from where its first character sits.
                let line = record
                    .position()
                    .map(|p| {
                        let byte = p.byte() as usize;
                        let start = byte
                            + text[byte..]
                                .chars()
                                .take_while(|c| matches!(c, '\r' | '\n'))
                                .map(char::len_utf8)
                                .sum::<usize>();
                        newlines.partition_point(|&n| n < start) + 1
                    })
                    .unwrap_or(0);
                let cells = record
                    .iter()
                    .map(|c| c.trim_matches('\u{feff}').to_string())
                    .collect();
                Ok(Some(TableRow { line, cells }))
            }
        }
    }
}

impl SheetChunks<'_> {
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The next rows (at most the chunk's size), or `None` after the last.
    pub fn next_chunk(&mut self) -> Result<Option<Vec<TableRow>>, IssueKind> {
        let mut rows = Vec::new();
        while rows.len() < self.rows_per_chunk {
            match self.source.next_row()? {
                Some(row) => rows.push(row),
                None => break,
            }
        }
        Ok((!rows.is_empty()).then_some(rows))
    }
}

/// Decodes CSV bytes in the encoding asked for. A byte-order mark says the encoding
/// beyond doubt and wins over a choice; a chosen encoding that leaves bytes it cannot
/// read, or text full of control characters, is refused rather than guessed around.
pub fn decode_text_as(
    bytes: &[u8],
    encoding: TextEncoding,
) -> Result<(String, SheetFormat), IssueKind> {
    let (chosen, format) = match encoding {
        TextEncoding::Detect => return decode_text(bytes),
        _ if Encoding::for_bom(bytes).is_some() => return decode_text(bytes),
        TextEncoding::Utf8 => (UTF_8, SheetFormat::CsvUtf8),
        TextEncoding::Windows1255 => (WINDOWS_1255, SheetFormat::CsvWindows1255),
        TextEncoding::Windows1256 => (WINDOWS_1256, SheetFormat::CsvWindows1256),
        TextEncoding::Windows1251 => (WINDOWS_1251, SheetFormat::CsvWindows1251),
        TextEncoding::Windows1252 => (WINDOWS_1252, SheetFormat::CsvWindows1252),
    };
    if bytes.contains(&0) {
        return Err(IssueKind::UnknownFormat);
    }
    let (text, had_errors) = chosen.decode_without_bom_handling(bytes);
    if had_errors || !looks_like_text(&text) {
        return Err(IssueKind::UnknownEncoding);
    }
    Ok((text.into_owned(), format))
}

/// Decodes CSV bytes, detecting the encoding.
pub fn decode_text(bytes: &[u8]) -> Result<(String, SheetFormat), IssueKind> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        if had_errors {
            return Err(IssueKind::UnknownEncoding);
        }
        let format = if encoding == UTF_16LE || encoding == UTF_16BE {
            SheetFormat::CsvUtf16
        } else {
            SheetFormat::CsvUtf8
        };
        return Ok((text.into_owned(), format));
    }
    // Text files do not hold NUL bytes; a file that does is binary (or UTF-16 without its
    // byte-order mark, which nobody can read reliably).
    if bytes.contains(&0) {
        return Err(IssueKind::UnknownFormat);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), SheetFormat::CsvUtf8));
    }
    // Which legacy code page: chardetng weighs the letters each would make. The Israeli
    // top-level domain tips a close call towards Hebrew, the likeliest here.
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let (guess, confident) = detector.guess_assess(Some(b"il"), false);
    if !confident {
        return Err(IssueKind::UnknownEncoding);
    }
    let (encoding, format) = match guess {
        g if g == WINDOWS_1255 || g == ISO_8859_8 || g == ISO_8859_8_I => {
            (WINDOWS_1255, SheetFormat::CsvWindows1255)
        }
        g if g == WINDOWS_1256 => (WINDOWS_1256, SheetFormat::CsvWindows1256),
        g if g == WINDOWS_1251 => (WINDOWS_1251, SheetFormat::CsvWindows1251),
        g if g == WINDOWS_1252 => (WINDOWS_1252, SheetFormat::CsvWindows1252),
        _ => return Err(IssueKind::UnknownEncoding),
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors || !looks_like_text(&text) {
        return Err(IssueKind::UnknownEncoding);
    }
    Ok((text.into_owned(), format))
}

/// A code page maps almost every byte to something; real text is mostly letters, digits,
/// spaces and punctuation, not control characters and symbols.
fn looks_like_text(text: &str) -> bool {
    let total = text.chars().count().max(1);
    let odd = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    odd * 100 / total < 2
}

/// The separator that splits the header into the most fields, outside quotes.
fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut best = (b',', 0usize);
    for candidate in [b',', b';', b'\t'] {
        let mut in_quotes = false;
        let mut count = 0;
        for byte in header.bytes() {
            match byte {
                b'"' => in_quotes = !in_quotes,
                b if b == candidate && !in_quotes => count += 1,
                _ => {}
            }
        }
        if count > best.1 {
            best = (candidate, count);
        }
    }
    best.0
}

fn read_csv(text: String, format: SheetFormat) -> Result<Table, IssueKind> {
    let mut sheet = OpenSheet::Csv(text, format);
    let mut chunks = sheet.chunks(usize::MAX)?;
    let rows = chunks.next_chunk()?.unwrap_or_default();
    Ok(Table {
        headers: chunks.headers,
        rows,
        format: Some(format),
    })
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        // Whole numbers typed into Excel come back as floats: 5 must read "5", not "5.0".
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(moment) if moment.time() == chrono::NaiveTime::MIN => moment.date().to_string(),
            Some(moment) => moment.to_string(),
            None => dt.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Table, IssueKind> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|_| IssueKind::UnknownFormat)?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or(IssueKind::Empty)?
        .map_err(|_| IssueKind::UnknownFormat)?;
    let first_row = range.start().map(|(row, _)| row as usize).unwrap_or(0);
    let first_column = range
        .start()
        .map(|(_, column)| column as usize)
        .unwrap_or(0);
    let mut headers = None;
    let mut rows = Vec::new();
    for (index, row) in range.rows().enumerate() {
        // Cells left of the used range are empty; keep columns where the user sees them.
        let mut cells: Vec<String> = vec![String::new(); first_column];
        cells.extend(row.iter().map(cell_text));
        let line = first_row + index + 1;
        if headers.is_none() {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            headers = Some(cells);
        } else {
            rows.push(TableRow { line, cells });
        }
    }
    let headers = headers.ok_or(IssueKind::Empty)?;
    Ok(Table {
        headers,
        rows,
        format: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = read_sheet("ארגון,מגזר\nמרכז,ציבורי\n".as_bytes()).unwrap();
        assert_eq!(plain.format, SheetFormat::CsvUtf8);
        assert_eq!(plain.table.headers, vec!["ארגון", "מגזר"]);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice("ארגון,מגזר\nמרכז,ציבורי\n".as_bytes());
        let with_bom = read_sheet(&bom).unwrap();
        assert_eq!(
            with_bom.table, plain.table,
            "the mark must not stick to the first header"
        );
    }

    #[test]
    fn arabic_russian_and_western_code_pages_are_told_from_hebrew() {
        for (text, encoding, format) in [
            (
                "مدرسة;مدينة\nمدرسة النور;الناصرة\nمدرسة الأمل;أم الفحم\n",
                WINDOWS_1256,
                SheetFormat::CsvWindows1256,
            ),
            (
                "школа;город\nШкола надежды;Ашдод\nШкола света;Хайфа\n",
                WINDOWS_1251,
                SheetFormat::CsvWindows1251,
            ),
            (
                "école;ville\nÉcole Saint-Joseph;Jaffa\nCollège des Frères;Haïfa\n",
                WINDOWS_1252,
                SheetFormat::CsvWindows1252,
            ),
        ] {
            let (bytes, _, _) = encoding.encode(text);
            let sheet = read_sheet(&bytes).unwrap();
            assert_eq!(sheet.format, format, "{text}");
            assert_eq!(
                sheet.table.rows[0].cells[0],
                text.lines().nth(1).unwrap().split(';').next().unwrap()
            );
        }
    }

    #[test]
    fn windows_1255_is_detected() {
        let (bytes, _, _) = WINDOWS_1255.encode("ארגון;מגזר\nמרכז \"אור\";ציבורי\n");
        let sheet = read_sheet(&bytes).unwrap();
        assert_eq!(sheet.format, SheetFormat::CsvWindows1255);
        assert_eq!(sheet.table.headers, vec!["ארגון", "מגזר"]);
        assert_eq!(sheet.table.rows[0].cells, vec!["מרכז \"אור\"", "ציבורי"]);
    }

    #[test]
    fn utf16_with_bom_and_tabs() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "ארגון\tמגזר\r\nמרכז\tציבורי\r\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let sheet = read_sheet(&bytes).unwrap();
        assert_eq!(sheet.format, SheetFormat::CsvUtf16);
        assert_eq!(sheet.table.rows[0].cells, vec!["מרכז", "ציבורי"]);
    }

    #[test]
    fn quotes_inside_values_and_line_numbers() {
        let sheet =
            read_sheet("a,b\n\"חט\"\"ב\",x\n\n\"שורה\nשנייה\",y\nz,w\n".as_bytes()).unwrap();
        let lines: Vec<_> = sheet.table.rows.iter().map(|r| r.line).collect();
        assert_eq!(sheet.table.rows[0].cells[0], "חט\"ב");
        // A value that spans two lines keeps the numbering honest for the rows after it.
        assert_eq!(lines, vec![2, 4, 6]);
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        assert_eq!(read_sheet(b"").unwrap_err(), IssueKind::Empty);
        assert_eq!(read_sheet(b" \n ").unwrap_err(), IssueKind::Empty);
        assert_eq!(
            read_sheet(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(),
            IssueKind::UnknownFormat
        );
        assert_eq!(
            read_sheet(b"PK\x03\x04not really a zip").unwrap_err(),
            IssueKind::UnknownFormat
        );
    }

    #[test]
    fn bytes_that_are_no_text_are_refused() {
        // 0x81 and 0xFF are unassigned in Windows-1255 and invalid in UTF-8.
        assert_eq!(
            read_sheet(b"a,b\n\x81\xff,c\n").unwrap_err(),
            IssueKind::UnknownEncoding
        );
    }

    #[test]
    fn the_semicolon_wins_when_the_header_has_more_of_them() {
        let sheet = read_sheet("ארגון;תיאור\nמרכז;מדע, טכנולוגיה\n".as_bytes()).unwrap();
        assert_eq!(sheet.table.rows[0].cells, vec!["מרכז", "מדע, טכנולוגיה"]);
    }
}
