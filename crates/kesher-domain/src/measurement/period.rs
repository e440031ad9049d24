//! Periods that values are measured over: school years (labelled `2021/22` and `תשפ"ב`,
//! both computed), calendar years, quarters and months. A period is stored as one integer key
//! that sorts in time order within its kind.

use serde::{Deserialize, Serialize};

use crate::{Invalid, choice_enum};

choice_enum!(
    /// The kind of period an indicator is measured over.
    PeriodKind, "period-kind", {
        SchoolYear => "school_year",
        CalendarYear => "calendar_year",
        Quarter => "quarter",
        Month => "month",
    }
);

impl PeriodKind {
    fn digit(self) -> i64 {
        match self {
            PeriodKind::SchoolYear => 1,
            PeriodKind::CalendarYear => 2,
            PeriodKind::Quarter => 3,
            PeriodKind::Month => 4,
        }
    }
}

/// The years a period may name; wide enough for any historical series and plan.
const FIRST_YEAR: i32 = 1948;
const LAST_YEAR: i32 = 2100;

/// One period. A school year is named by the calendar year it starts in (September).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Period {
    SchoolYear(i32),
    CalendarYear(i32),
    Quarter(i32, u8),
    Month(i32, u8),
}

impl Period {
    pub fn kind(self) -> PeriodKind {
        match self {
            Period::SchoolYear(_) => PeriodKind::SchoolYear,
            Period::CalendarYear(_) => PeriodKind::CalendarYear,
            Period::Quarter(..) => PeriodKind::Quarter,
            Period::Month(..) => PeriodKind::Month,
        }
    }

    fn year(self) -> i32 {
        match self {
            Period::SchoolYear(y)
            | Period::CalendarYear(y)
            | Period::Quarter(y, _)
            | Period::Month(y, _) => y,
        }
    }

    /// The integer the store keeps: kind, year and sub-period in one sortable number
    /// (`1_2021_00` is the school year 2021/22, `4_2021_07` is July 2021).
    pub fn key(self) -> i64 {
        let sub = match self {
            Period::SchoolYear(_) | Period::CalendarYear(_) => 0,
            Period::Quarter(_, q) => i64::from(q),
            Period::Month(_, m) => i64::from(m),
        };
        self.kind().digit() * 1_000_000 + i64::from(self.year()) * 100 + sub
    }

    /// Reads a stored key back; `None` for a number no period gives.
    pub fn from_key(key: i64) -> Option<Period> {
        let digit = key / 1_000_000;
        let year = i32::try_from((key % 1_000_000) / 100).ok()?;
        let sub = u8::try_from(key % 100).ok()?;
        let period = match (digit, sub) {
            (1, 0) => Period::SchoolYear(year),
            (2, 0) => Period::CalendarYear(year),
            (3, 1..=4) => Period::Quarter(year, sub),
            (4, 1..=12) => Period::Month(year, sub),
            _ => return None,
        };
        (FIRST_YEAR..=LAST_YEAR).contains(&year).then_some(period)
    }

    /// Counts periods of the same kind: consecutive periods differ by one. Used to measure
    /// how far along the way from a baseline to a target a period stands.
    pub fn ordinal(self) -> i64 {
        match self {
            Period::SchoolYear(y) | Period::CalendarYear(y) => i64::from(y),
            Period::Quarter(y, q) => i64::from(y) * 4 + i64::from(q) - 1,
            Period::Month(y, m) => i64::from(y) * 12 + i64::from(m) - 1,
        }
    }

    /// The period of this kind that holds `date`: a school year runs from September.
    pub fn containing(kind: PeriodKind, date: chrono::NaiveDate) -> Period {
        use chrono::Datelike;
        let (year, month) = (date.year(), date.month() as u8);
        match kind {
            PeriodKind::SchoolYear => Period::SchoolYear(if month >= 9 { year } else { year - 1 }),
            PeriodKind::CalendarYear => Period::CalendarYear(year),
            PeriodKind::Quarter => Period::Quarter(year, (month - 1) / 3 + 1),
            PeriodKind::Month => Period::Month(year, month),
        }
    }

    /// How many ordinals make a year in this kind of period (one, four quarters, twelve
    /// months): the unit in which an indicator's frequency is counted.
    pub fn per_year(kind: PeriodKind) -> i64 {
        match kind {
            PeriodKind::SchoolYear | PeriodKind::CalendarYear => 1,
            PeriodKind::Quarter => 4,
            PeriodKind::Month => 12,
        }
    }

    /// The period after this one.
    pub fn next(self) -> Period {
        match self {
            Period::SchoolYear(y) => Period::SchoolYear(y + 1),
            Period::CalendarYear(y) => Period::CalendarYear(y + 1),
            Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1),
            Period::Month(y, 12) => Period::Month(y + 1, 1),
            Period::Month(y, m) => Period::Month(y, m + 1),
        }
    }

    /// The period before this one.
    pub fn previous(self) -> Period {
        match self {
            Period::SchoolYear(y) => Period::SchoolYear(y - 1),
            Period::CalendarYear(y) => Period::CalendarYear(y - 1),
            Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
            Period::Quarter(y, q) => Period::Quarter(y, q - 1),
            Period::Month(y, 1) => Period::Month(y - 1, 12),
            Period::Month(y, m) => Period::Month(y, m - 1),
        }
    }

    /// Every period of this kind from `self` to `last`, both included.
    pub fn through(self, last: Period) -> Vec<Period> {
        let mut periods = Vec::new();
        let mut current = self;
        while current.kind() == last.kind() && current <= last {
            periods.push(current);
            current = current.next();
        }
        periods
    }

    /// The stable code used in files, URLs and the API: `2021/22`, `2021`, `2021-Q3`, `2021-07`.
    pub fn code(self) -> String {
        match self {
            Period::SchoolYear(y) => format!("{y}/{:02}", (y + 1) % 100),
            Period::CalendarYear(y) => y.to_string(),
            Period::Quarter(y, q) => format!("{y}-Q{q}"),
            Period::Month(y, m) => format!("{y}-{m:02}"),
        }
    }

    /// The Hebrew name of a school year (`תשפ"ב`); other periods have none.
    pub fn hebrew_year(self) -> Option<String> {
        match self {
            Period::SchoolYear(y) => Some(hebrew_year_letters(y + HEBREW_YEAR_OFFSET)),
            _ => None,
        }
    }

    /// Reads a period of the given kind as people write it. A school year may be written
    /// `2021/22`, `2021-2022`, `תשפ"ב` (with or without the quote mark), or as a bare year,
    /// which means the school year that *ends* in it — how matriculation results are dated.
    pub fn parse(kind: PeriodKind, raw: &str) -> Result<Period, Invalid> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(Invalid::Required);
        }
        let period = match kind {
            PeriodKind::SchoolYear => parse_school_year(raw),
            PeriodKind::CalendarYear => parse_year(raw).map(Period::CalendarYear),
            PeriodKind::Quarter => parse_quarter(raw),
            PeriodKind::Month => parse_month(raw),
        }
        .ok_or(Invalid::Period)?;
        if (FIRST_YEAR..=LAST_YEAR).contains(&period.year()) {
            Ok(period)
        } else {
            Err(Invalid::Period)
        }
    }

    /// Reads a stored code of any kind (`2021/22`, `2021`, `2021-Q3`, `2021-07`).
    pub fn parse_code(raw: &str) -> Result<Period, Invalid> {
        let raw = raw.trim();
        let kind = if raw.contains('/') {
            PeriodKind::SchoolYear
        } else if raw.contains('Q') || raw.contains('q') {
            PeriodKind::Quarter
        } else if raw.contains('-') {
            PeriodKind::Month
        } else {
            PeriodKind::CalendarYear
        };
        Period::parse(kind, raw)
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code())
    }
}

impl From<Period> for String {
    fn from(period: Period) -> String {
        period.code()
    }
}

impl TryFrom<String> for Period {
    type Error = Invalid;
    fn try_from(raw: String) -> Result<Period, Invalid> {
        Period::parse_code(&raw)
    }
}

/// A school year starting in September of year Y is Hebrew year Y + 3761 (2021/22 is 5782).
const HEBREW_YEAR_OFFSET: i32 = 3761;

const HEBREW_UNITS: [char; 9] = ['א', 'ב', 'ג', 'ד', 'ה', 'ו', 'ז', 'ח', 'ט'];
const HEBREW_TENS: [char; 9] = ['י', 'כ', 'ל', 'מ', 'נ', 'ס', 'ע', 'פ', 'צ'];
const HEBREW_HUNDREDS: [char; 4] = ['ק', 'ר', 'ש', 'ת'];

/// The letters of a Hebrew year without its thousands, the way school years are written:
/// 5782 is `תשפ"ב`, 5775 `תשע"ה`, 5776 `תשע"ו` (15 and 16 are written ט"ו and ט"ז, never
/// spelled with the letters of the Name).
fn hebrew_year_letters(year: i32) -> String {
    hebrew_numeral(year.rem_euclid(1000), true)
}

/// A number from 1 to 999 in Hebrew letters with its quote marks: ט"ו, כ"ו, ג'. Years end
/// in a letter's final form (תש"ף); days of the month do not (כ' בכסלו).
fn hebrew_numeral(value: i32, final_forms: bool) -> String {
    let mut rest = value;
    let mut letters: Vec<char> = Vec::new();
    while rest >= 400 {
        letters.push('ת');
        rest -= 400;
    }
    if rest >= 100 {
        letters.push(HEBREW_HUNDREDS[(rest / 100 - 1) as usize]);
        rest %= 100;
    }
    if rest == 15 || rest == 16 {
        letters.push('ט');
        letters.push(if rest == 15 { 'ו' } else { 'ז' });
        rest = 0;
    }
    if rest >= 10 {
        letters.push(HEBREW_TENS[(rest / 10 - 1) as usize]);
        rest %= 10;
    }
    if rest > 0 {
        letters.push(HEBREW_UNITS[(rest - 1) as usize]);
    }
    // A year ending in כ, מ, נ, פ or צ ends in the final form of the letter: תש"ף, תש"ם.
    if let Some(last) = letters.last_mut().filter(|_| final_forms) {
        *last = match *last {
            'כ' => 'ך',
            'מ' => 'ם',
            'נ' => 'ן',
            'פ' => 'ף',
            'צ' => 'ץ',
            other => other,
        };
    }
    let mut text: String = letters.iter().collect();
    match letters.len() {
        0 => {}
        1 => text.push('\''),
        n => {
            let last = text.char_indices().nth(n - 1).map_or(0, |(i, _)| i);
            text.insert(last, '"');
        }
    }
    text
}

/// The Hebrew calendar's form of a date, as a letter or an invitation writes it beside the
/// civil one: כ"ו בכסלו תשפ"ז; in a leap year Adar is אדר א' or אדר ב'.
pub fn hebrew_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    use icu_calendar::types::LeapStatus;
    const MONTHS: [&str; 12] = [
        "תשרי",
        "חשוון",
        "כסלו",
        "טבת",
        "שבט",
        "אדר",
        "ניסן",
        "אייר",
        "סיוון",
        "תמוז",
        "אב",
        "אלול",
    ];
    let Ok(iso) =
        icu_calendar::Date::try_new_iso(date.year(), date.month() as u8, date.day() as u8)
    else {
        return String::new();
    };
    let hebrew = iso.to_calendar(icu_calendar::cal::Hebrew::new());
    let month = hebrew.month();
    let name = match (month.number(), month.leap_status()) {
        (5, LeapStatus::Leap) => "אדר א'",
        (6, LeapStatus::Base) => "אדר ב'",
        (n, _) => MONTHS[(n.clamp(1, 12) - 1) as usize],
    };
    format!(
        "{} ב{} {}",
        hebrew_numeral(i32::from(hebrew.day_of_month().0), false),
        name,
        hebrew_year_letters(hebrew.year().extended_year())
    )
}

/// The numeric value of Hebrew year letters (quote marks ignored); 5000 is added, since
/// school years are written without the thousands.
fn hebrew_letters_value(raw: &str) -> Option<i32> {
    let mut total = 0;
    let mut any = false;
    for c in raw.chars() {
        let value = match c {
            '"' | '\'' | '״' | '׳' | '”' | '“' | '’' => continue,
            'ך' => 20,
            'ם' => 40,
            'ן' => 50,
            'ף' => 80,
            'ץ' => 90,
            'ת' => 400,
            c => {
                if let Some(i) = HEBREW_UNITS.iter().position(|&u| u == c) {
                    i as i32 + 1
                } else if let Some(i) = HEBREW_TENS.iter().position(|&u| u == c) {
                    (i as i32 + 1) * 10
                } else if let Some(i) = HEBREW_HUNDREDS.iter().position(|&u| u == c) {
                    (i as i32 + 1) * 100
                } else {
                    return None;
                }
            }
        };
        any = true;
        total += value;
    }
    any.then_some(total + 5000)
}

fn parse_year(raw: &str) -> Option<i32> {
    let raw = raw.trim();
    // Spreadsheets hand years over as `2016.0`.
    let raw = raw.strip_suffix(".0").unwrap_or(raw);
    (raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit()))
        .then(|| raw.parse().ok())
        .flatten()
}

fn parse_school_year(raw: &str) -> Option<Period> {
    if raw.chars().any(|c| ('\u{05D0}'..='\u{05EA}').contains(&c)) {
        let hebrew = hebrew_letters_value(raw)?;
        return Some(Period::SchoolYear(hebrew - HEBREW_YEAR_OFFSET));
    }
    if let Some((first, second)) = raw.split_once(['/', '-', '–']) {
        let start = parse_year(first)?;
        let second = second.trim();
        let end: i32 = second.parse().ok()?;
        let follows = match second.len() {
            2 => end == (start + 1) % 100,
            4 => end == start + 1,
            _ => false,
        };
        return follows.then_some(Period::SchoolYear(start));
    }
    parse_year(raw).map(|end| Period::SchoolYear(end - 1))
}

fn parse_quarter(raw: &str) -> Option<Period> {
    let upper = raw.to_ascii_uppercase().replace(' ', "");
    let (year, quarter) = if let Some((y, q)) = upper.split_once('Q') {
        if y.is_empty() {
            // "Q3-2021" or "Q32021"
            let q = q.trim_start_matches(['-', '/']);
            let (q, y) = q.split_at(1);
            (y.trim_start_matches(['-', '/']), q)
        } else {
            (y.trim_end_matches(['-', '/']), q)
        }
    } else {
        return None;
    };
    let quarter: u8 = quarter.parse().ok()?;
    ((1..=4).contains(&quarter)).then_some(Period::Quarter(parse_year(year)?, quarter))
}

fn parse_month(raw: &str) -> Option<Period> {
    let parts: Vec<&str> = raw.split(['-', '/', '.']).map(str::trim).collect();
    let (year, month) = match parts.as_slice() {
        [y, m] if y.len() == 4 => (*y, *m),
        [m, y] if y.len() == 4 => (*y, *m),
        // A full date names its month.
        [y, m, _] if y.len() == 4 => (*y, *m),
        [_, m, y] if y.len() == 4 => (*y, *m),
        _ => return None,
    };
    let month: u8 = month.parse().ok()?;
    ((1..=12).contains(&month)).then_some(Period::Month(parse_year(year)?, month))
}

#[cfg(test)]
mod tests {

    #[test]
    fn previous_undoes_next_across_year_ends() {
        for period in [
            Period::SchoolYear(2025),
            Period::CalendarYear(2026),
            Period::Quarter(2026, 1),
            Period::Quarter(2026, 3),
            Period::Month(2026, 1),
            Period::Month(2026, 7),
        ] {
            assert_eq!(period.previous().next(), period);
            assert_eq!(period.previous().ordinal(), period.ordinal() - 1);
        }
    }

    use super::*;

    #[test]
    fn a_date_reads_in_the_hebrew_calendar_too() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        // Today, and the demo's working-group meeting.
        assert_eq!(hebrew_date(d(2026, 12, 7)), "כ\"ז בכסלו תשפ\"ז");
        assert_eq!(hebrew_date(d(2027, 1, 12)), "ד' בשבט תשפ\"ז");
        // Rosh Hashanah 5787, and the 15th written ט"ו, never י"ה.
        assert_eq!(hebrew_date(d(2026, 9, 12)), "א' בתשרי תשפ\"ז");
        assert_eq!(hebrew_date(d(2026, 9, 26)), "ט\"ו בתשרי תשפ\"ז");
        // A leap year has two Adars: 5784.
        assert_eq!(hebrew_date(d(2024, 2, 24)), "ט\"ו באדר א' תשפ\"ד");
        assert_eq!(hebrew_date(d(2024, 3, 24)), "י\"ד באדר ב' תשפ\"ד");
        // A day of the month keeps its plain letter: כ', not ך'.
        assert_eq!(hebrew_date(d(2025, 11, 11)), "כ' בחשוון תשפ\"ו");
    }

    #[test]
    fn school_years_carry_computed_hebrew_names() {
        assert_eq!(Period::SchoolYear(2021).code(), "2021/22");
        assert_eq!(Period::SchoolYear(2021).hebrew_year().unwrap(), "תשפ\"ב");
        assert_eq!(Period::SchoolYear(2014).hebrew_year().unwrap(), "תשע\"ה");
        // 15 and 16 are never written with the letters of the Name.
        assert_eq!(Period::SchoolYear(2015).hebrew_year().unwrap(), "תשע\"ו");
        assert_eq!(
            Period::SchoolYear(2014 - 60).hebrew_year().unwrap(),
            "תשט\"ו"
        );
        assert_eq!(
            Period::SchoolYear(2015 - 60).hebrew_year().unwrap(),
            "תשט\"ז"
        );
        assert_eq!(Period::SchoolYear(2019).hebrew_year().unwrap(), "תש\"ף");
        assert_eq!(Period::SchoolYear(1999).code(), "1999/00");
        assert_eq!(Period::CalendarYear(2021).hebrew_year(), None);
    }

    #[test]
    fn school_years_are_read_the_ways_people_write_them() {
        let read = |raw| Period::parse(PeriodKind::SchoolYear, raw);
        for raw in [
            "2021/22",
            "2021-2022",
            "2021–22",
            "תשפ\"ב",
            "תשפב",
            "תשפ״ב",
            "2022",
        ] {
            assert_eq!(read(raw), Ok(Period::SchoolYear(2021)), "{raw}");
        }
        // The Ministry's budget file writes the year without a quote mark.
        assert_eq!(read("תשעה"), Ok(Period::SchoolYear(2014)));
        assert_eq!(read("2016.0"), Ok(Period::SchoolYear(2015)));
        assert_eq!(read("2021/23"), Err(Invalid::Period));
        assert_eq!(read("next year"), Err(Invalid::Period));
        assert_eq!(read(""), Err(Invalid::Required));
    }

    #[test]
    fn other_kinds_parse_and_keep_their_codes() {
        assert_eq!(
            Period::parse(PeriodKind::Quarter, "2021-Q3"),
            Ok(Period::Quarter(2021, 3))
        );
        assert_eq!(
            Period::parse(PeriodKind::Quarter, "Q4 2020"),
            Ok(Period::Quarter(2020, 4))
        );
        assert_eq!(
            Period::parse(PeriodKind::Quarter, "2021-Q5"),
            Err(Invalid::Period)
        );
        assert_eq!(
            Period::parse(PeriodKind::Month, "07/2021"),
            Ok(Period::Month(2021, 7))
        );
        assert_eq!(
            Period::parse(PeriodKind::Month, "2021-07-15"),
            Ok(Period::Month(2021, 7))
        );
        assert_eq!(
            Period::parse(PeriodKind::CalendarYear, "1890"),
            Err(Invalid::Period)
        );
        for period in [
            Period::SchoolYear(2021),
            Period::CalendarYear(2020),
            Period::Quarter(2021, 3),
            Period::Month(2021, 12),
        ] {
            assert_eq!(Period::parse_code(&period.code()), Ok(period));
            assert_eq!(Period::from_key(period.key()), Some(period));
        }
        assert_eq!(Period::from_key(3_202_107), None);
    }

    #[test]
    fn keys_sort_in_time_and_ranges_follow_the_calendar() {
        assert!(Period::Month(2021, 12).key() < Period::Month(2022, 1).key());
        assert_eq!(
            Period::Quarter(2021, 3).through(Period::Quarter(2022, 1)),
            vec![
                Period::Quarter(2021, 3),
                Period::Quarter(2021, 4),
                Period::Quarter(2022, 1)
            ]
        );
        assert_eq!(
            Period::Month(2021, 12).ordinal() + 1,
            Period::Month(2022, 1).ordinal()
        );
    }
}
