//! Folding text for search, so that what a user types finds what a colleague wrote:
//! case, Hebrew vowel points, final letters and the several kinds of quote marks are
//! all set aside.

/// Folds text for matching: lower case, no niqqud or cantillation, final letters written
/// as ordinary ones, geresh and gershayim as plain quotes, and whitespace collapsed.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut last_was_space = true;
    for c in text.chars() {
        let mapped = match c {
            // Niqqud and cantillation marks (U+0591–U+05C7), except the maqaf and the
            // punctuation that share the block.
            '\u{05BE}' => Some('-'),
            '\u{05C0}' | '\u{05C3}' | '\u{05C6}' => Some(c),
            '\u{0591}'..='\u{05C7}' => None,
            'ך' => Some('כ'),
            'ם' => Some('מ'),
            'ן' => Some('נ'),
            'ף' => Some('פ'),
            'ץ' => Some('צ'),
            '\u{05F3}' | '\u{2018}' | '\u{2019}' | '`' => Some('\''),
            '\u{05F4}' | '\u{201C}' | '\u{201D}' | '\u{201E}' => Some('"'),
            '\u{FEFF}' | '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}' => None,
            c if c.is_whitespace() => Some(' '),
            c => Some(c),
        };
        let Some(mapped) = mapped else { continue };
        if mapped == ' ' {
            if !last_was_space {
                folded.push(' ');
            }
            last_was_space = true;
        } else {
            folded.extend(mapped.to_lowercase());
            last_was_space = false;
        }
    }
    if folded.ends_with(' ') {
        folded.pop();
    }
    folded
}

/// Does `haystack` contain what the user typed? Both sides are folded.
pub fn matches(haystack: &str, query: &str) -> bool {
    fold(haystack).contains(&fold(query))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_letters_match_their_ordinary_form() {
        // Someone types the start of a word; the stored word ends in a final letter.
        assert!(matches("מרכז שלום", "שלומ"));
        assert!(matches("עמותת מדעים", "מדעימ"));
        assert!(matches("שלומית כהן", "שלום"));
    }

    #[test]
    fn niqqud_and_quote_marks_are_ignored() {
        assert!(matches("בֵּית סֵפֶר", "בית ספר"));
        assert!(matches("חט\"ב", "חט״ב"));
        assert!(matches("צ׳יפ", "צ'יפ"));
    }

    #[test]
    fn case_and_spacing() {
        assert_eq!(fold("  Science   Museum "), "science museum");
        assert!(matches("Tel-Aviv University", "tel-aviv"));
        assert!(matches("\u{FEFF}ארגון", "ארגון"));
    }
}
