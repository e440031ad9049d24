//! Minutes are written in Markdown and shown as HTML. Whatever a person types — a script,
//! an event handler, a `javascript:` link, raw HTML — the page gets only what `ammonia`
//! lets through: text, formatting, lists, tables and plain links.

use pulldown_cmark::{Options, Parser, html};

/// Markdown rendered to HTML that is safe to put in a page as it is.
pub fn render_markdown(source: &str) -> String {
    let parser = Parser::new_ext(
        source,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut rendered = String::new();
    html::push_html(&mut rendered, parser);
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&rendered)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_its_formatting_in_hebrew() {
        let html = render_markdown("**הוחלט** לאמץ את *היעד*\n\n- ראשון\n- שני");
        assert!(html.contains("<strong>הוחלט</strong>"), "{html}");
        assert!(html.contains("<em>היעד</em>"), "{html}");
        assert!(html.contains("<li>שני</li>"), "{html}");
    }

    #[test]
    fn no_script_gets_into_the_minutes() {
        let attacks = [
            "<script>alert(1)</script>",
            "[לחצו](javascript:alert(1))",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">קישור</a>",
            "<div onclick=\"alert(1)\">טקסט</div>",
            "[x](JaVaScRiPt:alert(1))",
            "<iframe src=\"https://example.org\"></iframe>",
            "<svg onload=alert(1)>",
            "![תמונה](javascript:alert(1))",
            "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
        ];
        for attack in attacks {
            let html = render_markdown(attack).to_ascii_lowercase();
            for forbidden in [
                "<script",
                "javascript:",
                "onerror",
                "onclick",
                "onload",
                "<iframe",
                "data:",
            ] {
                assert!(!html.contains(forbidden), "{attack} gave {html}");
            }
        }
        // A plain link stays a link, opened without handing over the page.
        let html = render_markdown("[האתר](https://example.org)");
        assert!(html.contains("href=\"https://example.org\""), "{html}");
        assert!(html.contains("noopener"), "{html}");
    }
}
