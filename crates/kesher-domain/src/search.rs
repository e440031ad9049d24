//! Folding text for search, so that what a user types finds what a colleague wrote: case,
//! Hebrew vowel points, final letters, quote marks (geresh, gershayim) and hyphens (maqaf)
//! are set aside, and each typed word is looked for on its own.

/// Folds text for matching: lower case, no niqqud or cantillation, final letters written
/// as ordinary ones, quote marks dropped (פסג"ה reads as פסגה), hyphens and maqaf read as
/// spaces, whitespace collapsed.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut last_was_space = true;
    for c in text.chars() {
        let mapped = match c {
            '\u{05BE}' | '-' | '\u{2010}'..='\u{2015}' => Some(' '),
            // Hebrew punctuation that shares the niqqud block stays.
            '\u{05C0}' | '\u{05C3}' | '\u{05C6}' => Some(c),
            '\u{0591}'..='\u{05C7}' => None,
            'ך' => Some('כ'),
            'ם' => Some('מ'),
            'ן' => Some('נ'),
            'ף' => Some('פ'),
            'ץ' => Some('צ'),
            '\'' | '"' | '`' | '\u{05F3}' | '\u{05F4}' | '\u{2018}' | '\u{2019}' | '\u{201C}'
            | '\u{201D}' | '\u{201E}' => None,
            '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{2066}'..='\u{2069}' => None,
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

fn is_hebrew_letter(c: char) -> bool {
    ('\u{05D0}'..='\u{05EA}').contains(&c)
}

/// The words of a query, folded. A Hebrew word of four letters or more loses a final ה or ת,
/// so that a noun typed in its plain form also finds its construct form ("עמותה" finds
/// "עמותת מדע", "חברה" finds "חברת אופק").
pub fn query_words(query: &str) -> Vec<String> {
    fold(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|word| {
            let letters: Vec<char> = word.chars().collect();
            let hebrew = letters.iter().all(|c| is_hebrew_letter(*c));
            match letters.last() {
                Some('ה' | 'ת') if hebrew && letters.len() >= 4 => {
                    letters[..letters.len() - 1].iter().collect()
                }
                _ => word.to_string(),
            }
        })
        .collect()
}

/// Does every word of the query appear in the (already folded) text?
pub fn matches_words(folded_text: &str, words: &[String]) -> bool {
    words.iter().all(|w| folded_text.contains(w.as_str()))
}

/// Does `text` contain what the user typed, word by word? Both sides are folded.
pub fn matches(text: &str, query: &str) -> bool {
    matches_words(&fold(text), &query_words(query))
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
    fn niqqud_quote_marks_and_maqaf_are_ignored() {
        assert!(matches("בֵּית סֵפֶר", "בית ספר"));
        assert!(matches("חט\"ב", "חט״ב"));
        assert!(matches("פסג\"ה – מרכז פסגה", "פסגה"));
        assert!(matches("פסג״ה", "פסגה"));
        assert!(matches("צ׳יפ", "צ'יפ"));
        assert!(matches("עמותת 'רובו־נוער'", "רובו נוער"));
        assert!(matches("Tel-Aviv University", "tel aviv"));
    }

    #[test]
    fn every_word_counts_wherever_it_stands() {
        assert!(matches("בית הספר הדמוקרטי", "בית ספר"));
        assert!(matches("בית הספר הדמוקרטי", "דמוקרטי בית"));
        assert!(!matches("בית הספר הדמוקרטי", "בית חולים"));
    }

    #[test]
    fn plain_nouns_find_their_construct_form() {
        assert!(matches("עמותת מדע בשכונה", "עמותה"));
        assert!(matches("חברת אופק", "חברה"));
        // Short words keep their last letter: "מתה" must not become "מת".
        assert_eq!(query_words("מתה"), vec!["מתה"]);
        assert_eq!(query_words("ABCD"), vec!["abcd"]);
    }

    #[test]
    fn case_and_spacing() {
        assert_eq!(fold("  Science   Museum "), "science museum");
        assert!(matches("\u{FEFF}ארגון", "ארגון"));
        assert!(
            matches("anything", "   "),
            "an empty query matches everything"
        );
    }
}
